// The main flow in the two other engines, through WebDriver: Firefox ESR (Debian's firefox-esr,
// geckodriver 0.37.1 from the Rust registry) and WebKitGTK (Debian's webkit2gtk-driver, its
// MiniBrowser under Xvfb). scripts/setup.sh installs them; scripts/test.sh runs this file under
// `xvfb-run -a`. Chromium runs every other e2e file (playwright-core).
//
// The flow: the 打洛 story to a hotline script; a location-history import (takeout.zip); a case
// export, erase, import. What an engine does differently is printed as a diagnostic line
// ("engine note: …"); what it cannot do makes the test fail with a message saying so, never a
// silent skip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { serve } from './serve.mjs';

const DIST = process.env.DIST ?? 'dist';
const FIXTURES = join(import.meta.dirname, '../../crates/core/tests/fixtures/import');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), '.cargo/bin/geckodriver');
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const OFFICE = '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。';
let server;
let url;
let frames;
let harness;

before(async () => {
  ({ server, url } = await serve(DIST));
  // A page that shows the app in an iframe of the width asked for (?w=320).
  frames = createHttpServer((req, res) => {
    const w = Number(new URL(req.url, 'http://x').searchParams.get('w')) || 360;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><body style="margin:0"><iframe src="${url}" width="${w}" height="700" style="border:0"></iframe>`);
  });
  await new Promise((ok) => frames.listen(0, '127.0.0.1', ok));
  harness = `http://127.0.0.1:${frames.address().port}/`;
});
after(() => {
  server?.close();
  frames?.close();
});

function need(path, what) {
  assert.ok(existsSync(path), `${what} is not installed at ${path}: run ./scripts/setup.sh (this engine's test cannot run without it)`);
}

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

async function firefoxDriver() {
  need(FIREFOX, 'Firefox ESR (Debian package firefox-esr)');
  need(GECKODRIVER, 'geckodriver 0.37.1');
  const options = new firefox.Options().addArguments('-headless').setBinary(FIREFOX);
  options.setPreference('intl.accept_languages', 'zh-CN');
  const driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  return { driver, stop: () => driver.quit() };
}

async function webkitDriver() {
  need(WEBKIT_DRIVER, 'WebKitWebDriver (Debian package webkit2gtk-driver)');
  need(MINIBROWSER, 'WebKitGTK MiniBrowser (Debian package webkit2gtk-driver)');
  assert.ok(
    process.env.DISPLAY || process.env.WAYLAND_DISPLAY,
    'WebKitGTK needs a display (its MiniBrowser has no headless mode): run this file under `xvfb-run -a` as scripts/test.sh does',
  );
  const port = await freePort();
  const child = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore' });
  // The driver answers once it listens.
  const until = Date.now() + 15_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > until) throw new Error('WebKitWebDriver did not start within 15 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    })
    .build();
  return {
    driver,
    stop: async () => {
      await driver.quit().catch(() => {});
      child.kill();
    },
  };
}

// ---- page helpers: explicit state, never fixed sleeps ----------------------------------------

async function until(driver, script, args = [], what, timeout = 30_000) {
  try {
    return await driver.wait(() => driver.executeScript(script, ...args), timeout);
  } catch (e) {
    const shown = await driver
      .executeScript("return (document.querySelector('[data-testid=error]')?.textContent || '') + ' | step ' + document.querySelector('main')?.dataset.step")
      .catch(() => '?');
    throw new Error(`${what}: not within ${timeout / 1000} s (page: ${shown}) ${e.message}`);
  }
}
const byId = (id) => By.css(`[data-testid="${id}"]`);
const click = async (driver, id) => (await driver.findElement(byId(id))).click();
const jsClick = (driver, id) => driver.executeScript(`document.querySelector('[data-testid="' + arguments[0] + '"]').click()`, id);
/** Types into a field the way a person's input arrives: the value, then input and change. */
function fill(driver, id, value, last = true) {
  return driver.executeScript(
    `const all = document.querySelectorAll('[data-testid="' + arguments[0] + '"]');
     const el = arguments[2] ? all[all.length - 1] : all[0];
     const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
     Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    id,
    value,
    last,
  );
}
const step = (driver) => driver.executeScript("return document.querySelector('main')?.dataset.step");
async function next(driver) {
  const from = await step(driver);
  await click(driver, 'step-next');
  await until(driver, "return document.querySelector('main')?.dataset.step !== arguments[0]", [from], `leave step ${from}`);
}

/**
 * Hands `path` to the file input `id`: WebDriver's own file upload first (sendKeys); where the
 * engine refuses that for this input, a File built in the page from the same bytes, set through
 * DataTransfer (what a drop gives). Returns which way worked.
 */
async function pickFile(driver, id, path, notes) {
  const input = await driver.findElement(byId(id));
  try {
    await input.sendKeys(path);
    return 'sendKeys';
  } catch (e) {
    notes.push(`file input ${id}: WebDriver upload refused (${e.name}: ${e.message.split('\n')[0]}); used a DataTransfer File instead`);
  }
  await driver.executeScript(
    `const bytes = Uint8Array.from(atob(arguments[1]), (c) => c.charCodeAt(0));
     const input = document.querySelector('[data-testid="' + arguments[0] + '"]');
     const dt = new DataTransfer();
     dt.items.add(new File([bytes], arguments[2]));
     input.files = dt.files;
     input.dispatchEvent(new Event('change', { bubbles: true }));`,
    id,
    readFileSync(path).toString('base64'),
    path.split('/').pop(),
  );
  return 'DataTransfer';
}

async function theWholeFlow(driver, engine, t) {
  const notes = [];
  // A phone-wide window where the engine allows it: the layout must not scroll sideways here either.
  await driver.manage().window().setRect({ width: 360, height: 800 }).catch((e) => notes.push(`window not resizable: ${e.message}`));
  const started = Date.now();
  await driver.get(url);
  const width = await driver.executeScript('return innerWidth');
  notes.push(`window inner width ${width} px (asked for 360)`);
  const sideways = async (where) => {
    const [scroll, inner] = await driver.executeScript('return [document.documentElement.scrollWidth, innerWidth]');
    assert.ok(scroll <= inner, `${engine}, ${where}: the page is ${scroll} px wide in a ${inner} px window`);
  };
  await until(driver, "return document.querySelector('main[data-data=ready]') !== null", [], 'data ready', 60_000);
  notes.push(`data ready ${Date.now() - started} ms after navigation`);
  notes.push(`navigator.serviceWorker: ${await driver.executeScript("return 'serviceWorker' in navigator ? 'present' : 'absent'")}`);
  notes.push(`navigator.share: ${await driver.executeScript("return 'share' in navigator ? 'present (Share button shown)' : 'absent (no Share button)'")}`);
  notes.push(`WebAssembly: ${await driver.executeScript("return typeof WebAssembly")}`);

  // 1. The 打洛 story to a hotline script.
  await click(driver, 'platform-wechat');
  await fill(driver, 'message-input', OFFICE);
  await next(driver);
  await fill(driver, 'stay-place', '打洛');
  await fill(driver, 'stay-from', '2019-09-03');
  await fill(driver, 'stay-to', '2019-09-05');
  await sideways('step 2');
  await click(driver, 'screen-run');
  const verdict = await until(
    driver,
    "return document.querySelector('[data-testid=verdict]')?.getAttribute('data-verdict')",
    [],
    'a verdict for 打洛',
  );
  assert.equal(verdict, 'likely', `${engine}: verdict`);
  assert.equal(
    await driver.executeScript("return document.querySelector('[data-testid=cause]')?.getAttribute('data-cause')"),
    'border_area_freeze',
  );
  await next(driver);
  await click(driver, 'script-kind-hotline');
  await fill(driver, 'numbers-input', '13800000000');
  const script = await until(
    driver,
    "const t = document.querySelector('[data-testid=script-text]')?.textContent || ''; return /打洛/.test(t) && t",
    [],
    'the hotline script',
  );
  assert.match(script, /2019-09-03|2019年9月3日/);
  await sideways('step 4 with the hotline script');
  await until(driver, "return document.querySelector('[data-testid=tel-link][href=\"tel:13800000000\"]') !== null", [], 'the tel: link');

  // 2. Case export (the file's bytes are taken where the page hands them to the download), erase, import.
  await driver.executeScript(
    `window.__exported = [];
     const original = URL.createObjectURL;
     URL.createObjectURL = (blob) => { window.__exported.push(blob); return original(blob); };`,
  );
  await click(driver, 'case-export');
  await until(driver, 'return window.__exported.length > 0', [], 'the case export');
  const exported = await driver.executeAsyncScript('const done = arguments[arguments.length - 1]; window.__exported[0].text().then(done);');
  const json = JSON.parse(exported);
  assert.equal(json.version, 1);
  assert.equal(json.stays.length, 1);
  await click(driver, 'erase-all');
  await until(driver, "return document.querySelector('main')?.dataset.step === '1' && document.querySelector('[data-testid=message-input]')?.value === ''", [], 'erase all');
  const dir = mkdtempSync(join(tmpdir(), `engines-${engine}-`));
  const casePath = join(dir, 'case.json');
  writeFileSync(casePath, exported);
  notes.push(`case import by ${await pickFile(driver, 'case-import', casePath, notes)}`);
  await until(driver, "return document.querySelector('[data-testid=message-input]')?.value === arguments[0]", [OFFICE], 'the imported case');
  await until(driver, "return document.querySelector('[data-testid=platform-wechat]')?.checked === true", [], 'the imported platform');

  // 3. A location-history import (a Takeout zip, read by the import worker) screens as the 打洛 trip.
  await next(driver);
  notes.push(`location import by ${await pickFile(driver, 'import-file', join(FIXTURES, 'takeout.zip'), notes)}`);
  await until(driver, "return document.querySelector('[data-testid=import-accept]') !== null", [], 'the import result', 60_000);
  await click(driver, 'import-accept');
  await until(driver, "return document.querySelectorAll('[data-testid=stay-lat]').length >= 1", [], 'imported stays');
  await click(driver, 'screen-run');
  const imported = await until(
    driver,
    "return document.querySelector('main')?.dataset.step === '3' && document.querySelector('[data-testid=verdict]')?.getAttribute('data-verdict')",
    [],
    'a verdict for the imported stays',
  );
  assert.notEqual(imported, 'none');
  assert.equal(await driver.executeScript("return document.querySelector('[data-testid=recovery]')"), null, 'no crash screen');

  // 4. Offline copy: does the service worker take control here?
  const sw = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     if (!('serviceWorker' in navigator)) return done('no service workers in this engine');
     const timer = setTimeout(() => done('registered but not active within 10 s'), 10000);
     navigator.serviceWorker.ready.then((r) => { clearTimeout(timer); done('active: ' + (r.active ? r.active.state : '?')); }, (e) => done('failed: ' + e));`,
  );
  notes.push(`service worker: ${sw}`);
  notes.push(`whole flow ${Date.now() - started} ms`);

  // 5. Phone widths. These engines will not size a window below ~450-500 px, so the app runs in
  // a 320 px and a 414 px iframe (a real viewport of that width in this engine) with long inputs.
  for (const phone of [320, 414]) {
    await driver.switchTo().defaultContent();
    await driver.get(`${harness}?w=${phone}`);
    await driver.switchTo().frame(await driver.findElement(By.css('iframe')));
    await until(driver, "return document.querySelector('main[data-data=ready]') !== null", [], `data ready in a ${phone} px frame`, 60_000);
    assert.equal(await driver.executeScript('return innerWidth'), phone);
    await fill(driver, 'message-input', OFFICE + ' https://weixin110.qq.com/security/readtemplate?t=' + 'x'.repeat(120));
    await sideways(`${phone} px, step 1`);
    // Clicks from script here: WebKitGTK's WebDriver misses buttons inside an iframe (noted).
    await jsClick(driver, 'step-next');
    await until(driver, "return document.querySelector('main')?.dataset.step === '2'", [], 'step 2 in the frame');
    await fill(driver, 'stay-place', '云南省西双版纳傣族自治州勐海县打洛镇曼山村民小组第一百二十三号院子东边那户人家');
    // (The case from the flow above is still saved on this origin: two more stays on top of it.)
    const stays = await driver.executeScript("return document.querySelectorAll('fieldset.stay').length");
    await jsClick(driver, 'stay-add');
    await jsClick(driver, 'stay-add');
    await until(driver, "return document.querySelectorAll('fieldset.stay').length === arguments[0]", [stays + 2], 'two more stays');
    await sideways(`${phone} px, step 2 with ${stays + 2} stays and a 40-character place`);
  }
  await driver.switchTo().defaultContent();
  for (const note of notes) t.diagnostic(`${engine} engine note: ${note}`);
}

for (const [engine, start] of [
  ['firefox-esr', firefoxDriver],
  ['webkitgtk', webkitDriver],
]) {
  test(`${engine}: 打洛 story to a hotline script, a location import, case export and import`, { timeout: 300_000 }, async (t) => {
    const { driver, stop } = await start();
    try {
      await driver.manage().setTimeouts({ script: 30_000 });
      await theWholeFlow(driver, engine, t);
    } finally {
      await stop();
    }
  });
}
