# Hearth: `make site` builds the guide into public/, `make test` runs the tests.
# Each target's `##` comment is its line in `make help`, the default target.
SWIFT ?= swift
# Every build runs in the same small environment. Hummingbird's manifest reads the environment,
# and SwiftPM recompiles its targets (~30 s) when the environment differs from an earlier build's:
# make adds variables of its own (MAKELEVEL, MAKEFLAGS, and any VAR=value given to it), so
# `make site`, `make serve` and `make test` each recompiled Hummingbird for the one before.
SWIFT_BUILD := env -i PATH="$$PATH" HOME="$$HOME" LANG=C.UTF-8 $(SWIFT) build
# The release build has a folder of its own: sharing .build with the tests' debug build made each
# switch between the two recompile HummingbirdCore and Hummingbird (14 s debug, 30 s release),
# even in one environment.
RELEASE := .build-release
HEARTH := $(RELEASE)/release/hearth
PREFIX ?= /usr/local

.PHONY: help site test build-tests unit gates serve check deps release install bench fuzz format clean theme docs

help: ## list the targets (this)
	@echo "Hearth: make TARGET"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  %-12s %s\n", $$1, $$2 }'

# The system dependencies, installed when missing: libcmark-dev (cmark's C library),
# libtcmalloc-minimal4 (gperftools' thread-caching malloc, linked into `hearth` for parallel builds)
# and libimage-exiftool-perl (exiftool, with which the image metadata tests read what is published).
deps: ## install libcmark-dev, libtcmalloc-minimal4, libimage-exiftool-perl and pkg-config when missing
	@{ pkg-config --exists libcmark 2>/dev/null && ldconfig -p | grep -q libtcmalloc_minimal.so.4 \
	  && command -v exiftool >/dev/null; } || { \
	  echo "Installing libcmark-dev, libtcmalloc-minimal4 and libimage-exiftool-perl..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq libcmark-dev libtcmalloc-minimal4 libimage-exiftool-perl pkg-config; }

release: deps ## build the release hearth into .build-release/release/hearth
	$(SWIFT_BUILD) -c release --product hearth --scratch-path $(RELEASE)

# Copies the release binary to $(PREFIX)/bin (PREFIX=/usr/local by default; `make install
# PREFIX=$$HOME/.local` needs no root).
install: release ## put hearth on the PATH: PREFIX/bin/hearth (PREFIX=/usr/local)
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(HEARTH) "$(DESTDIR)$(PREFIX)/bin/hearth"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/hearth"

# The guide's baseURL is a placeholder until it is published: `hearth build` warns of an example
# domain (RFC 2606: example.com/.net/.org, *.example).
site: release ## build the guide into public/
	$(HEARTH) build

# SERVE_FLAGS passes options on: make serve SERVE_FLAGS="--port 9000 --drafts"
serve: release ## preview the guide with live reload on http://127.0.0.1:8080
	$(HEARTH) serve $(SERVE_FLAGS)

check: release ## check the guide, warnings as errors, writing nothing
	$(HEARTH) check --strict

# The whole test suite: Swift Testing, the gates that drive real tools (nginx, the HTML checker,
# Chromium, wrk), then each libFuzzer target for FUZZ_SECONDS (60).
test: unit gates fuzz ## every test: Swift Testing, the gates, the fuzzers

build-tests: deps ## build hearth and the tests (debug), as unit and gates use them
	$(SWIFT_BUILD) --build-tests

unit: build-tests ## the Swift Testing suites
	$(SWIFT) test --skip-build

gates: build-tests ## the gates that drive real tools (nginx, Chromium, wrk, ...)
	HEARTH=$(CURDIR)/.build/debug/hearth bash Tests/gates/run.sh

bench: release ## Hearth and Hugo side by side on 10,000 and 1,000 pages
	python3 Benchmarks/run.py

# libFuzzer over the Markdown and link pipeline, templates, front matter and the image metadata
# walk; FUZZ_SECONDS=600 make fuzz for a long run.
fuzz: deps ## each libFuzzer target for FUZZ_SECONDS (60)
	bash Fuzz/run.sh $${FUZZ_SECONDS:-60}

# The default theme built into hearth (for sites without templates/), from templates/.
theme: ## embed templates/ into hearth as its default theme
	$(SWIFT_BUILD) --product embed-theme
	.build/debug/embed-theme $(CURDIR)

format: ## swift format with the committed .swift-format
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean: ## remove the build folders, public/ and the cache
	rm -rf .build $(RELEASE) public/* .hearth-cache

# docs/diagnostics.md is made from the codes' declarations in Sources/HearthCore/Diagnostics/Codes/.
docs: build-tests ## rewrite docs/diagnostics.md from the diagnostics' codes
	HEARTH_UPDATE_GOLDEN=1 $(SWIFT) test --skip-build --filter catalogIsCurrent
