#!/usr/bin/env bash
# Builds the libFuzzer target over HearthMarkdown and runs it: `Fuzz/run.sh [seconds]` (default 60).
# Crashers land in fuzz-out/; add each as a regression test (Tests/HearthMarkdownTests/FuzzRegressionTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mkdir -p fuzz-out/markdown
swiftc -sanitize=fuzzer,address -parse-as-library -O -I Sources/CCmark \
  Sources/HearthMarkdown/*.swift Fuzz/MarkdownFuzz.swift -o fuzz-out/fuzz-markdown
cp -n Fuzz/markdown-corpus/* fuzz-out/markdown/ 2>/dev/null || true
fuzz-out/fuzz-markdown fuzz-out/markdown -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
  -artifact_prefix=fuzz-out/ 2>&1 | tail -12
