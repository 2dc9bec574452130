#!/usr/bin/env bash
# Release-profile comparison: for opt-level 3, "s" and "z" (lto, codegen-units 1, panic abort,
# then wasm-opt at the same level), prints the wasm size raw and gzip and the in-browser
# screening benchmark (tests/bench_screening.rs in headless Chromium). Not part of test.sh:
# it takes several minutes. Usage: scripts/bench-wasm.sh [levels…]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# `places`: the gazetteer search in wasm against a linear scan (crates/wasm-bench/tests/places.rs),
# built at opt-level "z" like the engine worker that runs it (BENCH_OPT_LEVEL=3 for speed).
if [ "${1:-}" = places ]; then
  CARGO_PROFILE_RELEASE_OPT_LEVEL="${BENCH_OPT_LEVEL:-z}" WASM_BINDGEN_TEST_TIMEOUT=900 \
    CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --release -q -p wasm-bench --target wasm32-unknown-unknown --test places -- --include-ignored --nocapture 2>&1 \
    | grep -o 'BENCH.*'
  exit "${PIPESTATUS[0]}"
fi
levels=("${@:-3 s z}")
out=target/profile-compare
mkdir -p "$out"
printf '%-6s %12s %12s %14s %14s  %s\n' level raw gzip "opt raw" "opt gzip" benchmark
for level in ${levels[@]}; do
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=$level
  cargo build --release --target wasm32-unknown-unknown -p unfreeze-app --bin unfreeze-app -q
  wasm-bindgen --target web --out-dir "$out/$level" target/wasm32-unknown-unknown/release/unfreeze-app.wasm
  wasm="$out/$level/unfreeze-app_bg.wasm"
  wasm-opt "-O$level" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$out/$level/opt.wasm"
  bench=$(CHROMEDRIVER=/usr/bin/chromedriver \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --release -q -p unfreeze-app --target wasm32-unknown-unknown --test bench_screening \
      -- --include-ignored 2>&1 | grep -o 'BENCH.*' || echo "benchmark failed")
  printf '%-6s %12s %12s %14s %14s  %s\n' "$level" \
    "$(wc -c <"$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" \
    "$(wc -c <"$out/$level/opt.wasm")" "$(gzip -9 -c "$out/$level/opt.wasm" | wc -c)" "$bench"
done
