#!/usr/bin/env bash
# README command 1: install what is missing, build the release app, serve it on
# http://127.0.0.1:8080/ (PORT=… to change). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh dist
PORT="${PORT:-8080}"
echo "serving dist/ on http://127.0.0.1:$PORT/"
exec node tests/e2e/serve.mjs dist "$PORT"
