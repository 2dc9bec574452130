#!/usr/bin/env bash
# README command 2: install what is missing, then run every check and test:
# format, lints (host and wasm32), host tests of the core and CLI, component tests in headless
# Chromium, a release build, and end-to-end flows against dist/ in Chromium, Firefox ESR and
# WebKitGTK.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Each step says how much disk is free: the run needs about N GiB, and a full disk fails a
# compiler midway with a message that does not say so.
free_disk() { df -h --output=avail . | tail -n 1 | tr -d ' '; }
step() { printf '\n\033[1m[test]\033[0m %s (free disk: %s)\n' "$*" "$(free_disk)"; }
started=$SECONDS
# A test run builds each thing once; incremental caches would double the disk it takes.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, host"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy, wasm32"
# The app with its tests, and the core library as it ships (its dev-only tools, proptest and
# criterion, are host-only).
cargo clippy -p unfreeze-app --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
cargo clippy -p prescreen-core --target wasm32-unknown-unknown --lib --locked -- -D warnings

step "host tests: core, CLI, data (unit, integration, doctests)"
cargo test --workspace --exclude unfreeze-app --locked

step "component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p unfreeze-app --target wasm32-unknown-unknown --locked

step "release build into dist/"
./scripts/build.sh dist

step "end-to-end flows against dist/: Chromium (every file), Firefox ESR and WebKitGTK (engines.test.mjs)"
# Under Xvfb: WebKitGTK's MiniBrowser has no headless mode (Chromium and Firefox run headless).
xvfb-run -a node --test --test-concurrency=1 tests/e2e/
node scripts/check-budgets.mjs dist  # size budgets (fails over budget) and no third-party URL in dist/

step "all passed in $((SECONDS - started)) s"
