#!/usr/bin/env bash
# A short fuzz run of every importer target, in one command:
#   scripts/fuzz.sh [seconds per target, default 60]
# Prints each target's executions and whether it crashed. A crash input is copied into
# crates/core/fuzz/regressions/<target>/ (commit it): `cargo test -p prescreen-core --test core
# -- fuzz_seeds::` replays it on stable Rust from then on. The committed seed corpus
# (crates/core/fuzz/seeds/, from crates/core/fuzz/make_seeds.py) starts each run.
# Needs cargo-fuzz and the nightly toolchain: `cargo install cargo-fuzz --locked`,
# `rustup toolchain install nightly`. Exit 0: no crash; 1: a crash; 2: cannot run.
set -euo pipefail
cd "$(dirname "$0")/../crates/core/fuzz"
secs="${1:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is not installed; run: cargo install cargo-fuzz --locked" >&2
  exit 2
fi
crashed=0
for target in $(cargo +nightly fuzz list); do
  mkdir -p "corpus/$target"
  cp -n "seeds/$target/"* "corpus/$target/" 2>/dev/null || true
  log="$(mktemp)"
  if cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$secs" -print_final_stats=1 >"$log" 2>&1; then
    status=ok
  else
    status=CRASH
    crashed=$((crashed + 1))
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  echo "$target: $status, $execs executions in ${secs} s"
  if [ "$status" = CRASH ]; then
    mkdir -p "regressions/$target"
    cp "artifacts/$target/"* "regressions/$target/" 2>/dev/null || true
    echo "  crash input saved in crates/core/fuzz/regressions/$target/; log:"
    tail -n 30 "$log" | sed 's/^/  /'
  fi
  rm -f "$log"
done
echo "fuzz: $crashed target(s) crashed"
[ "$crashed" -eq 0 ]
