#!/usr/bin/env bash
# Release build of the app into dist/ (or the folder given as $1), with wasm-opt from npm.
set -euo pipefail
cd "$(dirname "$0")/.."
# Trunk finds wasm-opt 132 (npm binaryen) first on PATH, so it never downloads one.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --dist "${1:-dist}"
