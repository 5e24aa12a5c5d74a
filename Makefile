# Hearth: `make site` builds the guide into public/, `make test` runs the tests.
SWIFT ?= swift
HEARTH := .build/release/hearth

.PHONY: site test unit gates serve check deps release bench fuzz format clean theme

# The system dependencies, installed when missing: libcmark-dev (cmark's C library) and
# libtcmalloc-minimal4 (gperftools' thread-caching malloc, linked into `hearth` for parallel builds).
deps:
	@{ pkg-config --exists libcmark 2>/dev/null && ldconfig -p | grep -q libtcmalloc_minimal.so.4; } || { \
	  echo "Installing libcmark-dev and libtcmalloc-minimal4..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcmark-dev libtcmalloc-minimal4 pkg-config; }

release: deps
	$(SWIFT) build -c release --product hearth

site: release
	$(HEARTH) build

serve: release
	$(HEARTH) serve

check: release
	$(HEARTH) check --strict

# The whole test suite: Swift Testing, the gates that drive real tools (nginx, the HTML checker,
# Chromium, wrk), then each libFuzzer target for FUZZ_SECONDS (60).
test: unit gates fuzz

unit: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

gates: deps
	$(SWIFT) build --build-tests
	HEARTH=$(CURDIR)/.build/debug/hearth bash Tests/gates/run.sh

bench: release
	python3 Benchmarks/run.py

# libFuzzer over the Markdown and link pipeline and over front matter; FUZZ_SECONDS=600 make fuzz
# for a long run.
fuzz: deps
	bash Fuzz/run.sh $${FUZZ_SECONDS:-60}

# The default theme built into hearth (for sites without templates/), from templates/.
theme:
	python3 .ci/embed_theme.py

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build public/* .hearth-cache
