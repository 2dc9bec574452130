// Browsers that cannot run the app, hosts that serve wasm wrongly, WeChat's own browser, print
// and share: the person always gets a working page or a clear message, never a spinner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { DIST, useApp, openApp, waitForData, screenStay, goToStep, textMatching } from './browser.mjs';

const BIN = join(process.cwd(), 'node_modules', '.bin');
// The browser floor (docs/browsers.md): every feature the build may use. A build that needs one
// more fails the first test; then raise the floor knowingly (docs, start.js, wasm_floor.wat).
const FLOOR = ['sign-ext', 'mutable-globals', 'nontrapping-float-to-int', 'bulk-memory', 'multivalue', 'reference-types'];
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 12; V2134A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5075 MMWEBSDK/20230504 MMWEBID/1234 ' +
  'MicroMessenger/8.0.37.2380(0x2800255B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const app = useApp();

function wasmOpt(args) {
  const run = spawnSync(join(BIN, 'wasm-opt'), args, { encoding: 'utf8' });
  return { ok: run.status === 0, out: `${run.stdout}${run.stderr}` };
}
const enable = (features) => ['--mvp-features', ...features.map((f) => `--enable-${f}`)];

test('every built wasm validates with only the features of the browser floor', () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length >= 4, `expected the page and three workers' wasm in ${DIST}, found ${wasm}`);
  const dir = mkdtempSync(join(tmpdir(), 'floor-'));
  for (const file of wasm) {
    // What the compiler says it used (the target_features section) …
    const printed = wasmOpt(['--print-features', join(DIST, file), '-o', '/dev/null']).out;
    const used = [...printed.matchAll(/--enable-([a-z0-9-]+)/g)].map((m) => m[1]);
    // (bulk-memory-opt and call-indirect-overlong are parts of bulk-memory and reference-types.)
    const above = used.filter((f) => !FLOOR.includes(f) && !['bulk-memory-opt', 'call-indirect-overlong'].includes(f));
    assert.deepEqual(above, [], `${file} declares wasm features above the floor: ${above}`);
    // … and what its code really needs: without its features section, it validates with the floor.
    const stripped = join(dir, file);
    assert.ok(wasmOpt([join(DIST, file), '--strip-target-features', '-o', stripped]).ok);
    const check = wasmOpt([...enable(FLOOR), stripped, '-o', '/dev/null']);
    assert.ok(check.ok, `${file} needs a wasm feature above the floor ${FLOOR}:\n${check.out.slice(0, 600)}`);
  }
});

test("start.js checks exactly the floor: its module is scripts/wasm_floor.wat and needs each feature", () => {
  const dir = mkdtempSync(join(tmpdir(), 'floor-'));
  const module = join(dir, 'floor.wasm');
  const as = spawnSync(join(BIN, 'wasm-as'), ['--all-features', 'scripts/wasm_floor.wat', '-o', module], { encoding: 'utf8' });
  assert.equal(as.status, 0, as.stderr);
  const base64 = readFileSync(module).toString('base64');
  assert.ok(readFileSync(join(DIST, 'start.js'), 'utf8').includes(`'${base64}'`), 'start.js must embed the assembled wasm_floor.wat');
  assert.ok(wasmOpt([...enable(FLOOR), module, '-o', '/dev/null']).ok);
  for (const feature of FLOOR) {
    // binaryen counts memory.fill as bulk-memory-opt, a part of bulk-memory: take both away.
    const also = feature === 'bulk-memory' ? ['--disable-bulk-memory-opt'] : [];
    const without = wasmOpt([...enable(FLOOR), `--disable-${feature}`, ...also, module, '-o', '/dev/null']);
    assert.ok(!without.ok, `the floor module must need ${feature}, so that start.js checks it`);
  }
});

for (const [locale, pattern] of [
  ['zh-CN', /这个浏览器无法运行本工具[\s\S]*锁定模式[\s\S]*在浏览器打开[\s\S]*更新/],
  ['zh-TW', /這個瀏覽器無法執行本工具[\s\S]*鎖定模式[\s\S]*在瀏覽器開啟[\s\S]*更新/],
  ['en-US', /cannot run this tool[\s\S]*Lockdown Mode[\s\S]*Open in Browser[\s\S]*update your browser/],
]) {
  test(`without WebAssembly (iOS Lockdown Mode) a clear message in ${locale} within 3 s, no spinner`, async () => {
    const context = await app.browser.newContext({ locale, viewport: { width: 360, height: 740 } });
    await context.addInitScript(() => {
      delete globalThis.WebAssembly;
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const started = Date.now();
    await page.goto(app.url);
    const message = page.getByTestId('unsupported');
    await message.waitFor({ timeout: 3_000 });
    assert.ok(Date.now() - started < 3_000);
    assert.match(await message.textContent(), pattern);
    assert.equal(await page.getByRole('alert').count(), 1);
    assert.equal(await page.locator('.boot-note').count(), 0, 'the "Loading…" line must be gone');
    assert.deepEqual(errors, []);
    assert.ok(!requests.some((r) => r.endsWith('.wasm')), 'no wasm is fetched where it cannot run');
    await context.close();
  });
}

test('a browser below the floor (a wasm feature missing) gets the message too', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN' });
  // An old engine: WebAssembly exists, but modules with newer features do not validate.
  await context.addInitScript(() => {
    WebAssembly.validate = () => false;
  });
  const page = await context.newPage();
  await page.goto(app.url);
  assert.match(await page.getByTestId('unsupported').textContent({ timeout: 3_000 }), /更新到最新版/);
  await context.close();
});

test('when the app cannot start (its wasm does not load) the page says so instead of spinning', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.route(/unfreeze-app-.*_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(app.url);
  const message = page.getByTestId('unsupported');
  await message.waitFor({ timeout: 10_000 });
  assert.equal(await message.getAttribute('data-reason'), 'failed');
  assert.match(await message.textContent(), /没能启动/);
  await context.close();
});

test('wasm served with a wrong content type still runs: page, screening and letters workers', async () => {
  const wrong = await serve(DIST, { types: { '.wasm': 'application/octet-stream' } });
  try {
    const { page, context, log } = await openApp(app.browser, wrong.url);
    const warnings = [];
    page.on('console', (m) => warnings.push(m.text()));
    await waitForData(page);
    await screenStay(page, { place: '打洛', from: '2019-09-03', to: '2019-09-05' });
    await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
    await goToStep(page, 4);
    await page.getByTestId('script-kind-hotline').click();
    await textMatching(page.getByTestId('script-text'), /打洛/);
    assert.deepEqual(log.pageErrors, []);
    // The wasm really came with the wrong type (so the fallback, not streaming, ran).
    const response = await fetch(new URL('engine_bg.wasm', wrong.url));
    assert.equal(response.headers.get('content-type'), 'application/octet-stream');
    await context.close();
  } finally {
    wrong.server.close();
  }
});

test("WeChat's browser: a hint to open in the system browser and to export; works without a service worker", async () => {
  const context = await app.browser.newContext({ userAgent: WECHAT_UA, locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  // As in WeChat's iOS web view (WKWebView): no service workers, no Cache API.
  await context.addInitScript(() => {
    delete Navigator.prototype.serviceWorker;
    delete globalThis.caches;
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.url);
  assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
  const hint = page.getByTestId('wechat-hint');
  await hint.waitFor({ timeout: 3_000 });
  assert.match(await hint.textContent(), /在浏览器打开[\s\S]*导出/);
  await waitForData(page);
  assert.ok(await hint.isVisible(), 'the hint stays above the app once it has started');
  await screenStay(page, { place: '打洛', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  // Erasing everything must not trip over the missing Cache API.
  await page.getByTestId('erase-all').click();
  await page.getByTestId('notice').waitFor();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
  assert.ok(wide, 'the hint must not push the page sideways');
  assert.deepEqual(errors, []);
  await context.close();
});

test('outside WeChat there is no WeChat hint', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  assert.equal(await page.getByTestId('wechat-hint').count(), 0);
  await context.close();
});

async function hotlineScript(page) {
  await waitForData(page);
  await screenStay(page, { place: '打洛', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  await goToStep(page, 4);
  await page.getByTestId('script-kind-hotline').click();
  return textMatching(page.getByTestId('script-text'), /打洛/);
}

test('a letter prints on A4: its whole text, no buttons, no forms', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  const letter = await hotlineScript(page);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const script = document.querySelector('[data-testid=script-text]');
    return {
      buttons: [...document.querySelectorAll('button, a.button, input, textarea, select, nav')].filter(visible).map((e) => e.outerHTML.slice(0, 80)),
      scriptVisible: visible(script),
      clipped: script.scrollHeight > script.clientHeight + 1 || script.scrollWidth > script.clientWidth + 1,
      text: document.body.innerText,
    };
  });
  assert.deepEqual(shown.buttons, [], 'no buttons or form fields on paper');
  assert.ok(shown.scriptVisible);
  assert.ok(!shown.clipped, 'the letter is not cut off');
  // Every line of the letter is on the printed page.
  for (const line of letter.split('\n').map((l) => l.trim()).filter(Boolean)) {
    assert.ok(shown.text.includes(line), `printed page lacks the line ${JSON.stringify(line)}`);
  }
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // A4 is 210 x 297 mm, 595.3 x 841.9 points: every page of the PDF has that size.
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  assert.ok(boxes.length >= 1);
  for (const [, w, h] of boxes) {
    assert.ok(Math.abs(w - 595.3) < 1.5 && Math.abs(h - 841.9) < 1.5, `page is ${w} x ${h} pt, not A4`);
  }
  await context.close();
});

test('Share is offered where the browser has navigator.share, and shares the letter', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  await context.addInitScript(() => {
    window.__shared = [];
    Navigator.prototype.share = function (data) {
      window.__shared.push(data);
      return Promise.resolve();
    };
  });
  const page = await context.newPage();
  await page.goto(app.url);
  const letter = await hotlineScript(page);
  await page.getByTestId('share').first().click();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.length, 1);
  assert.equal(shared[0].text, letter);
  await context.close();
});

test('no Share button where the browser cannot share', async () => {
  const context = await app.browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    delete Navigator.prototype.share;
  });
  const page = await context.newPage();
  await page.goto(app.url);
  await hotlineScript(page);
  assert.equal(await page.getByTestId('share').count(), 0);
  await context.close();
});
