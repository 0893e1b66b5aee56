#!/usr/bin/env bash
# Finds Chromium for the browser tests and prints its path on stdout.
#
# Order: $CHROME_PATH if set; chromium (Debian's package) or another
# Chrome on PATH; when none is found and we are root, Debian's chromium
# package is installed (apt-get update first). Otherwise it says what to
# install and exits 1: the browser tests then skip, except under CI=true,
# where they fail. Everything but the path goes to stderr.
set -euo pipefail

say() { echo "chromium.sh: $*" >&2; }

find_chrome() {
  if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then
    echo "$CHROME_PATH"
    return 0
  fi
  local c
  for c in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}

if find_chrome; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  say "no Chromium found: install Debian's chromium package (sudo apt-get install chromium) or set CHROME_PATH"
  exit 1
fi
say "installing Debian's chromium package"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
  say "apt-get could not install chromium; install it by hand or set CHROME_PATH"
  exit 1
fi
find_chrome
