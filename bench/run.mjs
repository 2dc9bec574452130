// Runs bench/index.html in headless Debian Chromium (playwright-core) and prints its figures.
//   node bench/run.mjs [--points N] [--turf N] [--runs N]
// Serves the repository root on loopback (the page needs /bench, /target/wasm-bench,
// /node_modules/@turf… and /static/data). Exit 1 when the runners disagree on the inside count.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const query = new URLSearchParams({ points: arg('points', '1000000'), turf: arg('turf', '20000'), runs: arg('runs', '5') });
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.geojson': 'application/json' };

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = normalize(join(root, path));
  const allowed = ['/bench/', '/target/wasm-bench/', '/node_modules/', '/static/data/'].some((p) => path.startsWith(p));
  if (!allowed || !file.startsWith(root)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/bench/index.html?${query}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error(`page: ${m.text()}`));
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.goto(url);
  const result = await page.evaluate(() => window.benchResult, null, { timeout: 0 });
  console.log(await page.locator('#log').textContent());
  if (result.error) throw new Error(result.error);
  console.log(`browser: ${result.userAgent}`);
  console.log(`date: ${new Date().toISOString()}; machine: ${(await import('node:os')).cpus().length} × ${(await import('node:os')).cpus()[0].model}`);
  failed = Object.values(result.checks).some((ok) => !ok);
  if (process.env.BENCH_JSON) await (await import('node:fs/promises')).writeFile(process.env.BENCH_JSON, JSON.stringify(result, null, 2));
} catch (e) {
  console.error(`bench failed: ${e.message}`);
  failed = true;
} finally {
  await browser.close();
  server.close();
}
if (failed) {
  console.error('the runners do not agree (or the page failed): figures are meaningless');
  process.exit(1);
}
