#!/usr/bin/env node
// Size budgets and the no-third-party-URL rule, checked over the built site (no dependencies).
//
//   node scripts/check-budgets.mjs [DIST]        (DIST defaults to dist)
//
// 1. Budgets, gzip (zlib level 9, what a static host's on-the-fly compression gives at best):
//    - first screen: index.html, what it and boot.js load (scripts, styles, preloads, icons,
//      manifest) and every top-level .js, .wasm, .css but the service worker  ≤ 199.8 KiB (goal 200)
//      (198.8 KiB measured on 2026-12-03 with the step-4 call log and the list of documents
//      sent: 203.5 before the cuts of docs/perf.md §1d (the map's SVG written by the screening
//      worker, −4.6; only a typed coordinate's error texts on the page, −2.2), +2.3 for the
//      documents sent; 210.2 after that day's merges, 197.6 once the page decoded only flat
//      views written by the workers, §1c. The guard keeps ~1 KiB of room, so a page addition
//      that needs more must cut first; 198.6 measured after the XLSX import hint);
//    - data: every file under data/ (fetched after the first paint)          ≤ 440 KiB (450 kB:
//      the national gazetteer is most of it; 417.7 with the later events' country outlines);
//    The engine workers are reported on lines of their own: the screening engine (engine.js,
//    engine_loader.js, engine_bg.wasm), started after the first paint, ≤ 291.5 KiB (the goal is
//    300; 269.1 KiB measured on 2026-12-03, 287.3 after the glance and advice texts, 296.9 with
//    the map's markup and jiff's error formatting no longer linked, §1d; 290.5 once
//    regions.geojson was read with serde instead of the geojson crate; the guard keeps ~1 KiB
//    of room), so that a
//    screening is ready without the letters and the importers; the letters (letters*, at the
//    first document) and the importers (import*, per import) are loaded only when used and
//    are not budgeted.
//    All figures are printed on every run; over budget prints the figure and exits 1.
// 2. No third-party URL anywhere in DIST (exit 1, always enforced). "http://" or "https://" to any
//    host is refused, except where it is unavoidable, and never as something the app fetches:
//    - in the app's code (.js, .wasm): only the XML namespace names that DOM code passes to
//      createElementNS (www.w3.org/2000/svg, …), which are identifiers, never requested; and, in
//      .js, a URL on a line that is wholly a comment (wasm-bindgen's generated glue cites MDN in a
//      `//` comment; comments never run).
//    - in data/*.json and data/*.geojson: only as JSON string values of
//        `url`            the source of a fact, shown to the person as text / a link they may open;
//        `value`          of a channel whose `kind` is "web": the address the person is told to
//                         visit by hand;
//        `licence`, `attribution`, `title`, `quote`, `text`
//                         prose that cites a licence or quotes a message that contains a URL.
//      and, in the compact places file, the first cell of each row of its top-level `sources`
//      table ([url, title]). Every other JSON key, and every other file, may hold no URL. That the app never requests
//      any of these is proved in the browser by tests/e2e/privacy.test.mjs (request log).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const KiB = 1024;
const BUDGET = { firstScreen: 199.8 * KiB, data: 440 * KiB, engine: 291.5 * KiB };

const NAMESPACES = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
]);
const URL_KEYS = new Set(['url', 'licence', 'attribution', 'title', 'quote', 'text']);
const URL_RE = /https?:\/\/[^\s"'<>`\\)\]}]*/gi;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let files;
try {
  // Trunk stages a build in .stage/ and removes it when done: it is not part of the site.
  files = walk(dist)
    .map((path) => relative(dist, path).split(sep).join('/'))
    .filter((file) => !file.startsWith('.stage/'))
    .sort();
} catch (e) {
  console.error(`check-budgets: cannot read ${dist} (${e.message}); build it first: ./scripts/build.sh ${dist}`);
  process.exit(1);
}

// The first screen: index.html, what it and boot.js load (scripts, styles, preloads, icons,
// manifest), and every top-level .wasm, .css and app .js. A service worker is registered after
// the first paint and is not counted (it is listed).
const referenced = new Set();
for (const page of ['index.html', 'boot.js']) {
  if (!files.includes(page)) continue;
  const text = readFileSync(join(dist, page), 'utf8');
  for (const m of text.matchAll(/(?:href|src)=["']\.?\/?([^"'#?]+)["']|['"]\.\/([^'"#?]+)['"]/g)) {
    referenced.add(m[1] ?? m[2]);
  }
}
const isWorker = (file) => /^(sw|service-worker)\.js$/.test(file);
// start.js loads start-notes.js only when this browser cannot run the app (no WebAssembly, a
// missing wasm feature, a failed start) or inside WeChat: never on an ordinary first screen.
const isOnDemand = (file) => file === 'start-notes.js';
// The engine's Web Workers (crates/engine/src/bin): screening, letters, import.
const workerOf = (file) => /^(engine|letters|import)(\.js|_loader\.js|_bg\.wasm)$/.exec(file)?.[1];
const groups = { firstScreen: [], data: [], engine: [], letters: [], import: [], other: [] };
for (const file of files) {
  if (file.startsWith('data/')) groups.data.push(file);
  else if (workerOf(file)) groups[workerOf(file)].push(file);
  else if (
    file === 'index.html' ||
    (referenced.has(file) && !isWorker(file) && !isOnDemand(file)) ||
    (!file.includes('/') && /\.(wasm|css|js|mjs)$/.test(file) && !isWorker(file) && !isOnDemand(file))
  )
    groups.firstScreen.push(file);
  else groups.other.push(file);
}

const kib = (n) => `${(n / KiB).toFixed(1)} KiB`;
function measure(list) {
  let raw = 0;
  let gz = 0;
  const rows = list.map((file) => {
    const body = readFileSync(join(dist, file));
    const zipped = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += zipped;
    return `    ${file.padEnd(48)} ${kib(body.length).padStart(11)} raw ${kib(zipped).padStart(11)} gzip`;
  });
  return { raw, gz, rows };
}

let failed = false;
const overBudget = [];
for (const [group, label] of [
  ['firstScreen', 'first screen (html + js + wasm + css)'],
  ['data', 'data (data/*, loaded after first paint)'],
  ['engine', 'screening engine worker (engine*, started after the first paint)'],
]) {
  const { raw, gz, rows } = measure(groups[group]);
  const ok = gz <= BUDGET[group];
  console.log(
    `budget ${ok ? 'ok  ' : 'OVER'} ${label}: ${kib(gz)} gzip (${gz} B; ${kib(raw)} raw) / budget ${kib(BUDGET[group])}`,
  );
  for (const row of rows) console.log(row);
  if (!ok) overBudget.push(`${label} is ${kib(gz)} gzip, ${kib(gz - BUDGET[group])} over its ${kib(BUDGET[group])} budget`);
}
for (const [group, label] of [
  ['letters', 'letters worker (at the first document; not budgeted)'],
  ['import', 'import worker (per import; not budgeted)'],
]) {
  const { raw, gz, rows } = measure(groups[group]);
  console.log(`${label}: ${kib(gz)} gzip (${gz} B; ${kib(raw)} raw)`);
  for (const row of rows) console.log(row);
}
for (const group of ['engine', 'letters', 'import']) {
  if (groups[group].length === 0) {
    console.error(`check-budgets: no ${group}_bg.wasm in dist/: is the ${group} worker still in index.html?`);
    failed = true;
  }
}
if (groups.other.length) console.log(`  not counted (loaded after the first paint, not data): ${groups.other.join(', ')}`);
if (groups.firstScreen.length === 0 || !groups.firstScreen.some((f) => f.endsWith('.wasm'))) {
  console.error('check-budgets: no .wasm at the top of dist/: is this a Trunk build?');
  failed = true;
}

// ---- third-party URLs -------------------------------------------------------------------------
const violations = [];
let allowedCount = 0;
let commentCount = 0;

function scanJson(file, text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    for (const m of text.matchAll(URL_RE)) violations.push(`${file}: ${m[0]} (file is not JSON)`);
    return;
  }
  const visit = (value, key, parent, path) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, key, parent, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        for (const m of k.matchAll(URL_RE)) violations.push(`${file}: ${path} key ${m[0]}`);
        visit(v, k, value, `${path}.${k}`);
      }
    } else if (typeof value === 'string') {
      const urls = [...value.matchAll(URL_RE)].map((m) => m[0]);
      if (!urls.length) return;
      // The compact places file keeps its sources as a table of [url, title] rows.
      const sourceRow = key === 'sources' && /^\$\.sources\[\d+\]\[0\]$/.test(path);
      const allowed = URL_KEYS.has(key) || (key === 'value' && parent?.kind === 'web') || sourceRow;
      if (allowed) allowedCount += urls.length;
      else for (const url of urls) violations.push(`${file}: ${path} = ${url}`);
    }
  };
  visit(json, null, null, '$');
}

for (const file of files) {
  const body = readFileSync(join(dist, file));
  const text = body.toString('latin1');
  if (file.startsWith('data/') && /\.(json|geojson)$/.test(file)) {
    scanJson(file, body.toString('utf8'));
    continue;
  }
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0];
    if (!file.startsWith('data/') && NAMESPACES.has(url.replace(/[^\x21-\x7e].*$/, ''))) continue;
    // In binary files the match can run into the next string: cut at the first non-printable.
    const shown = url.replace(/[^\x21-\x7e].*$/, '');
    if (!file.startsWith('data/') && [...NAMESPACES].some((ns) => shown.startsWith(ns))) continue;
    if (/\.m?js$/.test(file)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      if (/^\s*(\/\/|\/\*|\*)/.test(text.slice(lineStart, m.index))) {
        commentCount += 1;
        continue;
      }
    }
    violations.push(`${file}: ${shown}`);
  }
}

if (violations.length) {
  console.error(`\nthird-party URLs: ${violations.length} not allowed in ${dist}/:`);
  for (const v of violations.slice(0, 50)) console.error(`  ${v}`);
  if (violations.length > 50) console.error(`  … and ${violations.length - 50} more`);
  failed = true;
} else {
  console.log(
    `third-party URLs: none in code (${commentCount} in JS comments); ${allowedCount} in data/ as cited sources, licences, quoted text or web channels (shown, never fetched)`,
  );
}

for (const line of overBudget) {
  console.error(`FAIL: budget: ${line}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
