// Import speed and memory in real Chromium (not part of the test suite: it writes a 100 MB file
// and takes a while). Run by ./scripts/bench-import.sh; figures go to docs/perf.md.
//
// Measures, for a generated Records.json of SIZE_MB (default 100) MB picked through the app's file
// input: the time from picking to the proposed stays, the worker's wasm memory at the end (wasm
// memory never shrinks, so this is its peak), the peak resident memory of all Chromium processes
// above their level before the import (sampled every 50 ms with ps), and the longest task on the
// page's main thread during the import (PerformanceObserver "longtask": tasks over 50 ms).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { launch, openApp, waitForData, goToStep } from './browser.mjs';

const sizeMb = Number(process.env.SIZE_MB ?? 100);
const scratch = mkdtempSync(join(tmpdir(), 'bench-import-'));
const file = join(scratch, 'Records.json');

// One point every 2 minutes, wandering around Kunming, with an activity block on every 10th
// point as real exports have; both timestamp styles.
const start = Date.parse('2015-01-01T00:00:00Z');
const parts = ['{"locations":[\n'];
let bytes = 0;
for (let i = 0; bytes < sizeMb * 1e6; i++) {
  const lat = 250400000 + ((i * 7919) % 200000);
  const lon = 1027100000 + ((i * 104729) % 200000);
  const t = start + i * 120000;
  const time = i % 2 ? `"timestampMs":"${t}"` : `"timestamp":"${new Date(t).toISOString()}"`;
  const activity = i % 10 ? '' : `,"activity":[{"timestampMs":"${t}","activity":[{"type":"STILL","confidence":100}]}]`;
  const point = `${i ? ',\n' : ''}{"latitudeE7":${lat},"longitudeE7":${lon},"accuracy":20${activity},${time}}`;
  parts.push(point);
  bytes += point.length;
}
parts.push('\n]}\n');
writeFileSync(file, parts.join(''));
const size = statSync(file).size;

function chromiumRssKb() {
  try {
    const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
    return out.split('\n').map(Number).filter(Boolean).reduce((a, b) => a + b, 0);
  } catch {
    return 0;
  }
}

const browser = await launch();
const { server, url } = await serve(process.env.DIST ?? 'dist');
try {
  const { page, context } = await openApp(browser, url);
  page.setDefaultTimeout(600_000);
  await waitForData(page);
  await goToStep(page, 2);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const baseline = chromiumRssKb();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssKb())), 50);
  const t0 = performance.now();
  await page.getByTestId('import-file').setInputFiles(file);
  const result = page.getByTestId('import-result');
  await result.waitFor();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const workerMemory = Number(await result.getAttribute('data-peak-memory'));
  const longest = await page.evaluate(() => window.__longest);
  const summary = (await result.locator('p.hint').textContent()).trim();
  console.log(`file: ${(size / 1e6).toFixed(1)} MB Records.json`);
  console.log(`import: ${seconds.toFixed(2)} s (${(size / 1e6 / seconds).toFixed(1)} MB/s), pick to proposed stays`);
  console.log(`worker wasm memory at the end (its peak): ${(workerMemory / 2 ** 20).toFixed(1)} MiB`);
  console.log(`Chromium resident memory, peak above baseline: ${((peak - baseline) / 1024).toFixed(1)} MiB (baseline ${(baseline / 1024).toFixed(0)} MiB, all processes)`);
  console.log(`longest main-thread task during the import: ${longest ? `${longest.toFixed(0)} ms` : 'none over 50 ms'}`);
  console.log(`app says: ${summary}`);
  await context.close();
} finally {
  await browser.close();
  server.close();
  rmSync(scratch, { recursive: true, force: true });
}
