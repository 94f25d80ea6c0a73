#!/usr/bin/env bash
# The browser tests drive a real Chromium: Debian's, installed here when it is missing (the
# npm registry's browsers are downloaded from elsewhere at install time, which these machines
# cannot reach). CHROMIUM_PATH names another Chromium to use instead.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable Chromium" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "Chromium is missing: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "[browser] installing Debian's chromium..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
"$browser" --version
