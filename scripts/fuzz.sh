#!/usr/bin/env bash
# A coverage-guided fuzz run (cargo-fuzz, libFuzzer) of the importers, in one command:
#   scripts/fuzz.sh [seconds per target, default 60] [target ...]
# Targets: the bill and flight-list importers in fuzz/ (table, flight_list) and the location
# importers in crates/core/fuzz/ (import_any, import_json, import_xml, import_photo, import_zip);
# no target named: all of them. Prints each target's executions, coverage and whether it crashed.
#
# Each run starts from the committed seed corpus (fuzz/corpus/<target>/, or
# crates/core/fuzz/seeds/<target>/), read-only; what libFuzzer finds goes to a scratch corpus in
# <package>/target/fuzz-corpus/<target>/. A crash input is copied to <package>/regressions/<target>/
# (commit it): `cargo test -p prescreen-core --test core -- fuzz_seeds::` replays it on stable Rust
# from then on.
#
# Toolchain: a nightly toolchain is used if rustup has one; otherwise stable Rust with
# RUSTC_BOOTSTRAP=1 (which accepts the -Z flags cargo-fuzz passes; x86_64 stable ships the
# sanitizer runtimes). AddressSanitizer first; if that build fails, without a sanitizer
# (FUZZ_SANITIZER=none forces that; panics are still caught, memory errors cannot happen in safe
# code). Needs cargo-fuzz: `cargo install cargo-fuzz --locked`.
# Exit 0: no crash; 1: a crash; 2: cannot run (the reason is printed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
secs="${1:-60}"
shift || true
case "$secs" in '' | *[!0-9]*)
  echo "fuzz: the first argument is the seconds per target (a whole number), not '$secs'" >&2
  exit 2 ;;
esac
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is not installed; run: cargo install cargo-fuzz --locked" >&2
  exit 2
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  toolchain=()
  export RUSTC_BOOTSTRAP=1
fi
sanitizer="${FUZZ_SANITIZER:-address}"

# package directory and seed folder of each target
declare -A package seeds
for dir in fuzz crates/core/fuzz; do
  for target in $(cd "$root/$dir" && cargo "${toolchain[@]}" fuzz list); do
    package[$target]="$dir"
    if [ -d "$root/$dir/corpus/$target" ] && [ "$dir" = fuzz ]; then
      seeds[$target]="$root/$dir/corpus/$target"
    else
      seeds[$target]="$root/$dir/seeds/$target"
    fi
  done
done
if [ "$#" -eq 0 ]; then
  set -- "${!package[@]}"
fi
for target in "$@"; do
  if [ -z "${package[$target]:-}" ]; then
    echo "fuzz: no target '$target'; targets: ${!package[*]}" >&2
    exit 2
  fi
  if [ -z "$(ls -A "${seeds[$target]}" 2>/dev/null)" ]; then
    echo "fuzz: no seed corpus for $target in ${seeds[$target]#"$root/"}" >&2
    exit 2
  fi
done

# Builds `target` with the chosen sanitizer, falling back to none once if ASan does not build.
build() {
  local dir="$1" target="$2" log
  log="$(mktemp)"
  if (cd "$root/$dir" && cargo "${toolchain[@]}" fuzz build --sanitizer "$sanitizer" "$target") >"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  if [ "$sanitizer" != none ]; then
    echo "fuzz: the $sanitizer sanitizer build failed; building without a sanitizer. Its last lines:" >&2
    tail -n 5 "$log" | sed 's/^/  /' >&2
    sanitizer=none
    if (cd "$root/$dir" && cargo "${toolchain[@]}" fuzz build --sanitizer none "$target") >"$log" 2>&1; then
      rm -f "$log"
      return 0
    fi
  fi
  echo "fuzz: $target does not build:" >&2
  tail -n 20 "$log" | sed 's/^/  /' >&2
  rm -f "$log"
  return 1
}

crashed=0
for target in "$@"; do
  dir="${package[$target]}"
  build "$dir" "$target" || exit 2
  scratch="$root/$dir/target/fuzz-corpus/$target"
  mkdir -p "$scratch"
  log="$(mktemp)"
  if (cd "$root/$dir" && cargo "${toolchain[@]}" fuzz run --sanitizer "$sanitizer" "$target" "$scratch" "${seeds[$target]}" -- \
      -max_total_time="$secs" -print_final_stats=1) >"$log" 2>&1; then
    status=ok
  else
    status=CRASH
    crashed=$((crashed + 1))
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || true)"
  cov="$(grep -oE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)[[:space:]]+cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)"
  echo "$target: $status, ${execs:-?} executions in ${secs} s, ${cov:-cov: ?} (sanitizer: $sanitizer)"
  if [ "$status" = CRASH ]; then
    mkdir -p "$root/$dir/regressions/$target"
    cp "$root/$dir/artifacts/$target/"* "$root/$dir/regressions/$target/" 2>/dev/null || true
    echo "  crash input saved in $dir/regressions/$target/ (commit it); log:"
    tail -n 30 "$log" | sed 's/^/  /'
  fi
  rm -f "$log"
done
echo "fuzz: $crashed of $# target(s) crashed"
[ "$crashed" -eq 0 ]
