// End-to-end: importing a location history in the browser. The files are read by a Web Worker on
// the device (the request log proves nothing is sent); progress shows bytes; cancel stops it and
// keeps the case; a bad file gives one clear message and keeps the case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openApp, waitForData, goToStep, offOriginRequests } from './browser.mjs';

const FIXTURES = join(import.meta.dirname, '../../crates/core/tests/fixtures/import');
const app = useApp();
let scratch;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'import-e2e-'));
});
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A generated Records.json of about `mb` MB: one point every 10 minutes around Kunming. */
function bigRecords(mb) {
  const path = join(scratch, `Records-${mb}MB.json`);
  const points = [];
  const start = Date.parse('2019-01-01T00:00:00Z');
  const n = Math.ceil((mb * 1e6) / 95);
  for (let i = 0; i < n; i++) {
    const lat = 250400000 + ((i * 7919) % 20000);
    const lon = 1027100000 + ((i * 104729) % 20000);
    points.push(`{"latitudeE7":${lat},"longitudeE7":${lon},"accuracy":20,"timestampMs":"${start + i * 600000}"}`);
  }
  writeFileSync(path, `{"locations":[\n${points.join(',\n')}\n]}`);
  return path;
}

test('a Takeout zip gives stays near Mong La, ticked; adding them screens as the 打洛 trip', async () => {
  const { page, context, log } = await openApp(app.browser, app.url);
  await waitForData(page);
  await goToStep(page, 2);
  const requestsBefore = log.requests.length;
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'takeout.zip'));
  const result = page.getByTestId('import-result');
  await result.waitFor();
  assert.match(await result.textContent(), /takeout\.zip/);
  const boxes = page.locator('[data-testid^="import-stay-"]');
  const count = await boxes.count();
  assert.ok(count >= 2, `stays proposed: ${count}`);
  // Those near a region come ticked; the rest do not.
  let ticked = 0;
  for (let i = 0; i < count; i++) if (await boxes.nth(i).isChecked()) ticked++;
  assert.ok(ticked >= 1 && ticked < count, `${ticked} of ${count} ticked`);
  await page.getByTestId('import-accept').click();
  await page.getByTestId('import-result').waitFor({ state: 'detached' });
  // The empty first stay was replaced by the ticked ones, as coordinates.
  assert.equal(await page.getByTestId('stay-lat').count(), ticked);
  assert.match(await page.getByTestId('stay-lat').first().inputValue(), /^21\.6/);
  await page.getByTestId('screen-run').click();
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor();
  assert.notEqual(await verdict.getAttribute('data-verdict'), 'none');
  // Reading the file fetched only the app's own static files.
  const origin = new URL(app.url).origin;
  assert.deepEqual(offOriginRequests({ requests: log.requests.slice(requestsBefore) }, origin), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});

test('a file dropped on the drop zone is imported like a picked one', async () => {
  const { page, context, log } = await openApp(app.browser, app.url);
  await waitForData(page);
  await goToStep(page, 2);
  const records = readFileSync(join(FIXTURES, 'Records.json'), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'Records.json', { type: 'application/json' }));
    return data;
  }, records);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
  const result = page.getByTestId('import-result');
  await result.waitFor();
  assert.match(await result.textContent(), /Records\.json/);
  assert.ok((await page.locator('[data-testid^="import-stay-"]').count()) >= 1);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a large file shows its bytes as it is read; cancel stops it and keeps the case', async () => {
  const big = bigRecords(40);
  const { page, context, log } = await openApp(app.browser, app.url);
  await waitForData(page);
  await goToStep(page, 2);
  await page.getByTestId('stay-place').fill('昆明');
  // Each import runs in a worker of its own; cancelling terminates it.
  const started = page.waitForEvent('worker', (w) => w.url().includes('import'));
  await page.getByTestId('import-file').setInputFiles(big);
  const reader = await started;
  const progress = page.getByTestId('import-progress');
  await progress.waitFor();
  const size = statSync(big).size;
  assert.equal(Number(await progress.getAttribute('max')), size);
  const total = `${(size / 1e6).toFixed(1)} MB`;
  assert.match(await page.locator('.import-progress').textContent(), new RegExp(`\\d+\\.\\d MB / ${total}`));
  // Listening before the click: the worker may be gone before the progress bar is.
  const closed = reader.waitForEvent('close');
  await page.getByTestId('import-cancel').click();
  await progress.waitFor({ state: 'detached' });
  // Nothing can arrive later from the stopped reader: its worker is gone (Playwright's `close`
  // event on the worker, not a pause), and what was typed is still there.
  await closed;
  assert.equal(await page.getByTestId('import-result').count(), 0);
  assert.equal(await page.getByTestId('import-progress').count(), 0);
  assert.equal(await page.getByTestId('stay-place').inputValue(), '昆明');
  assert.ok(await page.getByTestId('import-file').isEnabled());
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a large file is read to the end with progress, and proposes its stays', async () => {
  const big = bigRecords(12);
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await goToStep(page, 2);
  await page.getByTestId('import-file').setInputFiles(big);
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  // Every point of the file was read (the summary counts them), not just the first slices.
  const written = Math.ceil((12 * 1e6) / 95);
  assert.match(await result.textContent(), new RegExp(`1 file\\(s\\), ${written} points → \\d+ stays`));
  // Memory is bounded by the slices read, not by the file: far below the file's 12 MB × a parse tree.
  const peak = Number(await result.getAttribute('data-peak-memory'));
  assert.ok(peak > 0 && peak < 64 * 1024 * 1024, `worker memory ${peak} B`);
  await context.close();
});

for (const [name, file, pattern] of [
  // The importer's own message for each (ImportError in crates/core/src/import/error.rs).
  ['binary garbage', 'binary.bin', /binary\.bin: this is not a Google Takeout Records\.json/],
  ['a truncated GPX', 'truncated.gpx', /truncated\.gpx: this GPX file is cut off \(/],
  ['JSON that is not a location history', 'not_history.json', /not_history\.json: this JSON file has no `locations`, `timelineObjects` or `semanticSegments`/],
  ['deeply nested JSON', 'nested.json', /nested\.json: this file is nested more than \d+ levels deep/],
]) {
  test(`${name} gives one clear message and leaves the case as it was`, async () => {
    const { page, context, log } = await openApp(app.browser, app.url);
    await waitForData(page);
    await goToStep(page, 2);
    await page.getByTestId('stay-place').fill('打洛镇');
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, file));
    const error = page.getByTestId('error');
    await page.waitForFunction(() => !document.querySelector('[data-testid=error]')?.hidden);
    const text = await error.textContent();
    assert.match(text, /无法导入/);
    assert.match(text, new RegExp(file.replace('.', '\\.')));
    assert.match(text, pattern);
    assert.equal(await page.getByTestId('stay-place').inputValue(), '打洛镇');
    assert.equal(await page.getByTestId('stay-place').count(), 1);
    // The importer is back, ready for another file.
    assert.ok(await page.getByTestId('import-file').isEnabled());
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}
