#!/usr/bin/env bash
# Screenshots of each step (phone 360×740, desktop 1280×800) into docs/screenshots/.
# Needs a CJK font for Chromium to draw Chinese: installs Debian's fonts-noto-cjk if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y -qq fonts-noto-cjk
fi
[ -f dist/index.html ] || ./scripts/build.sh dist
node tests/e2e/screenshots.mjs docs/screenshots
