#!/usr/bin/env bash
# Import speed and memory in headless Chromium against a release build (not part of test.sh: it
# writes and reads a 100 MB Records.json). See docs/perf.md.
#   ./scripts/bench-import.sh            (SIZE_MB=… for another size; DIST=… to skip the build)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ -z "${DIST:-}" ]; then
  ./scripts/build.sh dist
fi
node tests/e2e/bench-import.mjs
