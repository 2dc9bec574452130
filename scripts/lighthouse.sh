#!/usr/bin/env bash
# Lighthouse (npm lighthouse 12.2.3, pinned: 13.x wants Node 22) against the built dist/ served on
# loopback, in headless Debian Chromium, mobile preset (Lighthouse's default). Not part of test.sh.
#   ./scripts/lighthouse.sh [DIST]     (DIST defaults to dist; build it first: ./scripts/build.sh)
# Prints the performance, accessibility and best-practices scores (goal ≥ 95 each, see
# docs/perf.md) and writes the full report to target/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
dist="${1:-dist}"
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run ./scripts/build.sh first" >&2; exit 1; }
[ -x node_modules/.bin/lighthouse ] || npm ci
out=target/lighthouse
mkdir -p "$out"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
node tests/e2e/serve.mjs "$dist" "$port" / >"$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q serving "$out/serve.log" && break; sleep 0.1; done
profile=$(mktemp -d)
CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" lighthouse "http://127.0.0.1:$port/" \
  --quiet --output=json --output=html --output-path="$out/report" \
  --only-categories=performance,accessibility,best-practices \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile"
rm -rf "$profile"
node -e '
const r = require(process.argv[1]);
console.log(`lighthouse ${r.lighthouseVersion}, ${r.configSettings.formFactor} preset, ${r.environment.hostUserAgent}`);
for (const [id, c] of Object.entries(r.categories)) console.log(`${id.padEnd(16)} ${Math.round(c.score * 100)}`);
for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"])
  console.log(`  ${id.padEnd(26)} ${r.audits[id]?.displayValue ?? "-"}`);
const failing = Object.values(r.categories).flatMap((c) => c.auditRefs.filter((a) => a.weight > 0 && (r.audits[a.id].score ?? 1) < 1).map((a) => `${c.id}: ${a.id} (${r.audits[a.id].score})`));
if (failing.length) console.log("not full marks:\n  " + failing.join("\n  "));
' "$PWD/$out/report.report.json"
echo "full report: $out/report.report.html"
