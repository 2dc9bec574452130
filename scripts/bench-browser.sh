#!/usr/bin/env bash
# Point-in-region speed, side by side in one headless Chromium page (not part of test.sh; a few
# minutes): the core's grid index compiled to wasm (crates/wasm-bench), the same index in plain JS
# (bench/grid.js) and turf.js booleanPointInPolygon (npm, pinned), on the same 1,000,000 points and
# the full-resolution regions of the 2019-10-14 event. See docs/perf.md.
#   ./scripts/bench-browser.sh [--points N] [--turf N] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -d node_modules/@turf/boolean-point-in-polygon ] || npm ci
cargo build --release --locked --target wasm32-unknown-unknown -p wasm-bench
mkdir -p target/wasm-bench
wasm-bindgen --target web --out-dir target/wasm-bench target/wasm32-unknown-unknown/release/wasm_bench.wasm
# Optional: the same wasm-opt 132 the app's build uses, at -O3 (speed, not size).
if command -v wasm-opt >/dev/null; then
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    target/wasm-bench/wasm_bench_bg.wasm -o target/wasm-bench/wasm_bench_bg.wasm \
    || echo "wasm-opt failed; benchmarking the wasm as rustc wrote it"
fi
node bench/run.mjs "$@"
