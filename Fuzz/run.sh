#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each: `Fuzz/run.sh [seconds] [target...]` (default 60 s,
# every target). Targets:
#   markdown     a page body through the whole Markdown and link pipeline (HearthMarkdown);
#   templates    a theme's text through the template parser, the compiler and a render, against
#                JSON-like data and against typed objects (HearthTemplates);
#   frontmatter  a whole file's bytes through UTF-8 checks, the `---` split, Yams and the typed
#                front matter checks, as an article, an exercise and site.yml (HearthCore);
#   images       bytes through the image metadata walk as a JPEG, a PNG and a WebP, as they are,
#                behind each format's header and cut short: no crash, no Exif GPS tag published,
#                and a published image stripped again unchanged (HearthCore's ImageMetadata).
# Every module is compiled with -sanitize=fuzzer,address (Yams' C sources too), so the fuzzer sees
# coverage of our code and of the YAML parser. An input that takes more than 30 s fails like a
# crash (-timeout=30). Crashers land in fuzz-out/; add each as a regression test
# (Tests/HearthMarkdownTests/FuzzRegressionTests.swift; front matter: FrontMatterTests.swift;
# images: ImageMetadataTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown templates frontmatter images)

[ -d .build/checkouts/Yams ] || swift package resolve >/dev/null
out=fuzz-out
lib=$out/lib
mkdir -p "$lib"
flags=(-sanitize=fuzzer,address -use-ld=lld -parse-as-library -O -I "$lib" -I Sources/CCmark -I Sources/CLinux
  -I Sources/CmarkArena/include)
checkouts=.build/checkouts
cyaml=$checkouts/Yams/Sources/CYaml

# A static library and module for one set of Swift sources, rebuilt when a source is newer.
module() {
  local name=$1
  shift
  if [ -f "$lib/lib$name.a" ] && [ -z "$(find "$@" -newer "$lib/lib$name.a" 2>/dev/null | head -1)" ]; then
    return
  fi
  echo "fuzz: compiling $name"
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name "$name" -emit-module-path "$lib/$name.swiftmodule" \
    -D SWIFT_PACKAGE -I "$cyaml/include" -Xcc -DYAML_DECLARE_STATIC "$@" -o "$lib/lib$name.a"
}

# swift-system (HearthCore reads and writes files through it), with the settings of its Package.swift:
# its availability macros (at the package's source availability), SYSTEM_PACKAGE, and its C shims.
system_package() {
  local system=$checkouts/swift-system/Sources
  [ -f "$lib/libSystemPackage.a" ] && return
  echo "fuzz: compiling SystemPackage"
  local available="macOS 10.10, iOS 8.0, watchOS 2.0, tvOS 9.0, visionOS 1.0" macros=() v
  for v in 0.0.1 0.0.2 0.0.3 1.1.0 1.1.1 1.2.0 1.2.1 1.3.0 1.3.1 1.3.2 1.4.0 1.7.0 199; do
    macros+=(-enable-experimental-feature "AvailabilityMacro=System $v:$available")
  done
  clang -c -O1 -fsanitize=fuzzer-no-link,address -I "$system/CSystem/include" "$system/CSystem/shims.c" \
    -o "$lib/csystem-shims.o"
  mapfile -t sources < <(find "$system/System" -name '*.swift' | sort)
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name SystemPackage \
    -emit-module-path "$lib/SystemPackage.swiftmodule" -D SYSTEM_PACKAGE -enable-experimental-feature Lifetimes \
    "${macros[@]}" -I "$system/CSystem/include" "${sources[@]}" -o "$lib/libSystemPackageSwift.a"
  cp "$lib/libSystemPackageSwift.a" "$lib/libSystemPackage.a"
  ar rcs "$lib/libSystemPackage.a" "$lib/csystem-shims.o"
}

# The file layer HearthCore reads and writes through (over swift-system and the CLinux module map).
files_module() {
  if [ -f "$lib/libHearthFiles.a" ] && [ -z "$(find Sources/HearthFiles Sources/CLinux -newer "$lib/libHearthFiles.a" | head -1)" ]; then
    return
  fi
  echo "fuzz: compiling HearthFiles"
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name HearthFiles \
    -emit-module-path "$lib/HearthFiles.swiftmodule" -I "$checkouts/swift-system/Sources/CSystem/include" \
    Sources/HearthFiles/*.swift -o "$lib/libHearthFiles.a"
}

if [ ! -f "$lib/libCYaml.a" ]; then
  echo "fuzz: compiling CYaml"
  for c in "$cyaml"/src/*.c; do
    clang -c -O1 -DYAML_DECLARE_STATIC -fsanitize=fuzzer-no-link,address -I "$cyaml/include" "$c" \
      -o "$lib/cyaml-$(basename "$c" .c).o"
  done
  ar rcs "$lib/libCYaml.a" "$lib"/cyaml-*.o
fi
module HearthMarkdown Sources/HearthMarkdown/*.swift
# cmark's per-thread arena (C), in HearthMarkdown's library and beside the Markdown target.
if [ ! -f "$lib/cmark-arena.o" ] || [ -n "$(find Sources/CmarkArena -newer "$lib/cmark-arena.o" | head -1)" ]; then
  clang -c -O1 -fsanitize=fuzzer-no-link,address -I Sources/CmarkArena/include Sources/CmarkArena/arena.c \
    -o "$lib/cmark-arena.o"
fi
ar rcs "$lib/libHearthMarkdown.a" "$lib/cmark-arena.o"

for target in "${targets[@]}"; do
  case "$target" in
    markdown)
      sources=(Fuzz/MarkdownFuzz.swift)
      swiftc "${flags[@]}" -module-name MarkdownFuzz Sources/HearthMarkdown/*.swift "${sources[@]}" \
        "$lib/cmark-arena.o" -o "$out/fuzz-markdown"
      ;;
    templates)
      swiftc "${flags[@]}" -module-name TemplateFuzz Sources/HearthTemplates/*.swift Fuzz/TemplateFuzz.swift \
        -o "$out/fuzz-templates"
      ;;
    frontmatter)
      module Yams "$checkouts"/Yams/Sources/Yams/*.swift
      system_package
      files_module
      module HearthTemplates Sources/HearthTemplates/*.swift
      # The target joins HearthCore's own module, so it reaches the internal loader API.
      # Its sources sit in one folder per stage.
      mapfile -t core < <(find Sources/HearthCore -name '*.swift' | sort)
      # PageMeta's fields are written by the macro (`Sources/HearthMacros`), which SwiftPM builds.
      plugin=.build/debug/HearthMacros-tool
      [ -x "$plugin" ] || swift build --target HearthMacros >/dev/null
      swiftc "${flags[@]}" -load-plugin-executable "$plugin#HearthMacros" -module-name HearthCore -I "$cyaml/include" -Xcc -DYAML_DECLARE_STATIC \
        -I "$checkouts/swift-system/Sources/CSystem/include" "${core[@]}" Fuzz/FrontMatterFuzz.swift \
        "$lib/libHearthMarkdown.a" "$lib/libYams.a" "$lib/libCYaml.a" "$lib/libHearthTemplates.a" \
        "$lib/libHearthFiles.a" "$lib/libSystemPackage.a" \
        -o "$out/fuzz-frontmatter"
      ;;
    images)
      # The walk needs nothing else of HearthCore: its two files, the Exif reader it shares with
      # the content stage, and the target, as one module.
      swiftc "${flags[@]}" -module-name ImageMetadataFuzz Sources/HearthCore/Output/ImageMetadata.swift \
        Sources/HearthCore/Output/ImageMetadataFormats.swift Sources/HearthCore/Content/ExifFacts.swift \
        Fuzz/ImageMetadataFuzz.swift -o "$out/fuzz-images"
      ;;
    *) echo "fuzz: unknown target '$target' (markdown, templates, frontmatter, images)" >&2; exit 2 ;;
  esac
  mkdir -p "$out/$target-corpus"
  cp -n Fuzz/$target-corpus/* "$out/$target-corpus/" 2>/dev/null || true
  echo "fuzz: running $target for $seconds s"
  # A template type's `.list(...)` is an indirect enum: the runtime keeps the pointer to its box
  # with spare bits set, where LeakSanitizer cannot see it, and reports the box as leaked.
  leaks=1
  [ "$target" = templates ] && leaks=0
  # The image seeds are whole small pictures, up to 5 KB.
  max_len=4096
  [ "$target" = images ] && max_len=8192
  if ! ASAN_OPTIONS="detect_leaks=$leaks" "$out/fuzz-$target" "$out/$target-corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$out/$target-" >"$out/$target.log" 2>&1; then
    tail -60 "$out/$target.log"
    echo "fuzz: $target found a crash; the input is in $out/$target-*" >&2
    exit 1
  fi
  grep -E "^stat::number_of_executed_units|^Done" "$out/$target.log" | sed "s/^/fuzz: $target: /"
done
