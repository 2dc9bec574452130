// The benchmark page's script: the same 1,000,000 points through the wasm grid index (covers and
// the border-zone class), the same index in plain JS (bench/grid.js) and turf.js
// booleanPointInPolygon on the full-resolution regions of the 2019-10-14 event. Every runner must
// report the same inside count. Results go to window.benchResult (read by bench/run.mjs).
import init, * as wasm from '/target/wasm-bench/wasm_bench.js';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { buildGrid } from './grid.js';
// The plain-float variant from a second instance of the module, so the two JS runners do not share
// the JIT's type feedback (one would slow the other down).
import { buildGrid as buildPlainGrid } from './grid.js?plain-float';

const EVENT = '2019-10-14-mm-border';
const params = new URLSearchParams(location.search);
const N = Number(params.get('points') ?? 1_000_000);
const TURF_N = Number(params.get('turf') ?? 20_000);
const RUNS = Number(params.get('runs') ?? 5);
const log = (line) => {
  const el = document.getElementById('log');
  el.textContent = (el.textContent === 'running…' ? '' : el.textContent) + line + '\n';
};

/** The criterion bench's points (crates/core/benches/screening.rs): 64-bit LCG from 42. */
function points(n) {
  const out = new Float64Array(2 * n);
  const mask = (1n << 64n) - 1n;
  let state = 42n;
  const next = () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & mask;
    return Number(state >> 11n) / 2 ** 53;
  };
  for (let i = 0; i < n; i++) {
    out[2 * i] = 97.3 + next() * 4.7;
    out[2 * i + 1] = 21.0 + next() * 5.0;
  }
  return out;
}

/**
 * Median time of one call over `runs` samples, after one warm-up call. A sample repeats the call
 * until it lasts ≥ 30 ms, so the browser's coarse timer (0.1 ms) does not decide short runs.
 * Returns { ms (per call), value }.
 */
function time(f, runs = RUNS) {
  let t0 = performance.now();
  let value = f();
  const once = performance.now() - t0;
  const reps = once >= 30 ? 1 : Math.min(10_000, Math.ceil(30 / Math.max(once, 0.01)));
  const times = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    let v;
    for (let r = 0; r < reps; r++) v = f();
    times.push((performance.now() - t0) / reps);
    if (JSON.stringify(v) !== JSON.stringify(value)) throw new Error(`unstable result ${v} vs ${value}`);
    value = v;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], value };
}

async function run() {
  const text = (path) => fetch(path).then((r) => r.text());
  const [places, events, regionsText] = await Promise.all(
    ['places.json', 'events.json', 'regions.geojson'].map((f) => text(`/static/data/${f}`)),
  );
  await init({ module_or_path: '/target/wasm-bench/wasm_bench_bg.wasm' });
  let t0 = performance.now();
  const about = wasm.load(places, events, regionsText);
  const wasmBuildMs = performance.now() - t0;

  const event = JSON.parse(events).events.find((e) => e.id === EVENT);
  const features = JSON.parse(regionsText).features.filter((f) => event.regions.includes(f.properties.id));
  const polygons = features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const wasmIndex = time(() => wasm.build_index());
  t0 = performance.now();
  const grid = buildGrid(polygons);
  const jsBuildMs = performance.now() - t0;
  const plainGrid = buildPlainGrid(polygons, { exact: false });
  const vertices = polygons.flat().reduce((n, ring) => n + ring.length, 0);
  log(`wasm index: ${about}`);
  log(`  start-up: parse + build ${wasmBuildMs.toFixed(0)} ms (first call); build alone ${wasmIndex.ms.toFixed(1)} ms (median of ${RUNS})`);
  log(`JS index:   ${grid.stats} (built in ${jsBuildMs.toFixed(0)} ms, covers only)`);
  log(`regions: ${features.map((f) => f.properties.id).join(', ')}: ${polygons.length} polygons, ${vertices} vertices`);

  t0 = performance.now();
  const pts = points(N);
  log(`${N} points over lon 97.3–102.0, lat 21.0–26.0 (seeded LCG, ${(performance.now() - t0).toFixed(0)} ms)`);
  wasm.set_points(pts);

  const rate = (n, ms) => (n / ms) * 1000;
  const results = {};
  const record = (name, n, { ms, value }, note = '') => {
    results[name] = { points: n, ms, pointsPerSecond: rate(n, ms), value, note };
    log(`${name.padEnd(34)} ${String(n).padStart(8)} pts ${ms.toFixed(2).padStart(9)} ms ${(rate(n, ms) / 1e6).toFixed(2).padStart(9)} M pts/s  → ${JSON.stringify(value)} ${note}`);
  };
  record('wasm index covers', N, time(() => wasm.count_inside_loaded()), '(points resident in wasm memory)');
  record('wasm index covers, with copy', N, time(() => wasm.count_inside(pts)), '(Float64Array copied in per call)');
  record('wasm index class', N, time(() => Array.from(wasm.count_classes_loaded())), '[far, near, border zone, inside]');
  record('JS index covers', N, time(() => grid.countInside(pts)), '(exact orient2d, as in Rust)');
  record('JS index covers, plain float orient', N, time(() => plainGrid.countInside(pts)), '(not exact; for comparison)');

  const sub = pts.subarray(0, 2 * TURF_N);
  const turfCount = () => {
    let n = 0;
    for (let i = 0; i < sub.length; i += 2) {
      const p = [sub[i], sub[i + 1]];
      if (features.some((f) => booleanPointInPolygon(p, f))) n++;
    }
    return n;
  };
  record('turf booleanPointInPolygon', TURF_N, time(turfCount, 1), `(first ${TURF_N} points, 1 run; rate extrapolated)`);
  record('wasm index covers, turf subsample', TURF_N, time(() => wasm.count_inside(sub)));
  record('JS index covers, turf subsample', TURF_N, time(() => grid.countInside(sub)));

  const inside = results['wasm index covers'].value;
  const checks = {
    'wasm covers (copy) = wasm covers': results['wasm index covers, with copy'].value === inside,
    'wasm class inside = wasm covers': results['wasm index class'].value[3] === inside,
    'JS index = wasm covers': results['JS index covers'].value === inside,
    'JS index (plain float) = wasm covers': results['JS index covers, plain float orient'].value === inside,
    'turf = wasm on the subsample': results['turf booleanPointInPolygon'].value === results['wasm index covers, turf subsample'].value,
    'JS index = wasm on the subsample': results['JS index covers, turf subsample'].value === results['wasm index covers, turf subsample'].value,
  };
  const wasmRate = results['wasm index covers'].pointsPerSecond;
  const ratios = {
    'wasm / turf': wasmRate / results['turf booleanPointInPolygon'].pointsPerSecond,
    'wasm / JS index': wasmRate / results['JS index covers'].pointsPerSecond,
    'wasm (with copy) / JS index': results['wasm index covers, with copy'].pointsPerSecond / results['JS index covers'].pointsPerSecond,
    'wasm / JS index with plain float orient': wasmRate / results['JS index covers, plain float orient'].pointsPerSecond,
  };
  const goals = {
    'wasm covers ≥ 50 M points/s': wasmRate >= 50e6,
    'wasm ≥ 1,000× turf': ratios['wasm / turf'] >= 1000,
    'wasm ≥ 1.5× the JS index': ratios['wasm / JS index'] >= 1.5,
    'border-zone class ≥ 10 M points/s': results['wasm index class'].pointsPerSecond >= 10e6,
  };
  for (const [k, v] of Object.entries(ratios)) log(`${k}: ${v.toFixed(1)}×`);
  for (const [k, v] of Object.entries(checks)) log(`${v ? 'same' : 'DIFFERENT'}: ${k}`);
  for (const [k, v] of Object.entries(goals)) log(`goal ${v ? 'met   ' : 'MISSED'}: ${k}`);
  return { userAgent: navigator.userAgent, about, wasmLoadMs: wasmBuildMs, wasmIndexBuildMs: wasmIndex.ms, jsIndex: grid.stats, vertices, n: N, turfN: TURF_N, runs: RUNS, results, ratios, checks, goals };
}

window.benchResult = run().catch((e) => {
  log(`failed: ${e.stack ?? e}`);
  return { error: String(e.stack ?? e) };
});
