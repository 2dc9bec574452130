// Privacy, proved in real Chromium against the built dist/: across a full flow (a stay typed, a
// freeze message pasted, the case screened) every request is recorded, none leaves the origin and
// none happens after load but GETs of same-origin static files; afterwards the app has written
// nothing to any browser storage except keys named `unfreeze.…`. The detectors are checked too
// (a planted request and a planted key must be caught), and dist/ is checked for third-party URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, useApp, openApp, reach, waitForData, screenStay, offOriginRequests } from './browser.mjs';

const PREFIX = 'unfreeze.';
/**
 * Cache Storage names: the service worker names its cache `unfreeze-<version>` (and deletes older
 * `unfreeze-` caches on activation), so a `-` is accepted after `unfreeze` there, and only there.
 */
const CACHE_PREFIX = /^unfreeze[.-]/;
/** What may be fetched at all: the page, its code, styles, data, icons, manifest, worker. */
const STATIC_PATH =
  /^\/(|index\.html|boot\.js|version\.txt|[\w.-]+\.(js|mjs|wasm|css|png|svg|ico|webmanifest)|data\/[\w.-]+\.(json|geojson))$/;
const MESSAGE =
  '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。';

const app = useApp({ serveDist: false });

/** Everything the page has stored, by name: storage keys, cookies, IndexedDB and cache names. */
async function storedNames(page, context) {
  // Let a service worker finish installing (it fills its cache then), if the app registers one.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker?.getRegistration();
    // Wait for `ready` itself; the timer is only a hang guard (generous, and it fails loudly
    // instead of reading the storage of a half-installed worker).
    if (registration) {
      await Promise.race([
        navigator.serviceWorker.ready,
        new Promise((_, fail) => setTimeout(() => fail(new Error('hang guard: the service worker was not ready in 60 s')), 60_000)),
      ]);
    }
  });
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    documentCookie: document.cookie ? document.cookie.split(/;\s*/).map((c) => c.split('=')[0]) : [],
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    caches: 'caches' in self ? await caches.keys() : [],
  }));
  inPage.cookies = (await context.cookies()).map((c) => c.name);
  return inPage;
}

/** The names that do not start with `unfreeze.`, per store. */
function foreign(stored) {
  const ours = (store, name) => (store === 'caches' ? CACHE_PREFIX.test(name) : name.startsWith(PREFIX));
  return Object.fromEntries(
    Object.entries(stored)
      .map(([store, names]) => [store, names.filter((n) => !ours(store, n))])
      .filter(([, names]) => names.length),
  );
}

/** Requests after load that are not GETs of same-origin static files. */
function notStatic(requests, origin) {
  return requests.filter((r) => {
    const url = new URL(r.url);
    return url.origin !== origin || r.method !== 'GET' || !STATIC_PATH.test(url.pathname);
  });
}

async function fullFlow(page) {
  const message = await reach(page, 'message-input');
  await message.fill(MESSAGE);
  // The platform boxes are on step 1 with the message: tick WeChat, always.
  await page.getByTestId('platform-wechat').check();
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
}

test('a full flow: no request leaves the origin, after load only same-origin static GETs, storage only unfreeze.*', async () => {
  const url = await app.start();
  const origin = new URL(url).origin;
  const { page, log, context } = await openApp(app.browser, url);
  // Requests the page does not see: a service worker's own fetches.
  const workerRequests = [];
  context.on('request', (r) => {
    if (r.serviceWorker()) workerRequests.push({ url: r.url(), method: r.method(), type: r.resourceType() });
  });
  await waitForData(page);
  await page.waitForLoadState('networkidle');
  const loaded = log.requests.length;
  await fullFlow(page);
  assert.ok(['likely', 'possible'].includes(await page.getByTestId('verdict').getAttribute('data-verdict')));
  // No request is in flight (Playwright's network-idle state), so the log below is complete.
  await page.waitForLoadState('networkidle');

  assert.ok(loaded > 0, 'the load itself was recorded');
  assert.deepEqual(offOriginRequests(log, origin), [], 'a request left the origin or was not a GET');
  assert.deepEqual(notStatic(log.requests, origin), [], 'a request was not a same-origin static file');
  assert.deepEqual(notStatic(log.requests.slice(loaded), origin), [], 'after load: not a static GET');
  assert.deepEqual(log.cspViolations, []);
  assert.deepEqual(log.pageErrors, []);

  const stored = await storedNames(page, context);
  assert.deepEqual(foreign(stored), {}, `stored outside ${PREFIX}*: ${JSON.stringify(stored)}`);
  assert.deepEqual(notStatic(workerRequests, origin), [], 'the service worker fetched something else');
  assert.deepEqual(stored.cookies, [], 'the app set a cookie');
  await context.close();
});

test('the detectors catch a planted POST and a planted storage key (so the checks above can fail)', async () => {
  const url = await app.start();
  const origin = new URL(url).origin;
  const { page, log, context } = await openApp(app.browser, url);
  await waitForData(page);
  await fullFlow(page);
  const loaded = log.requests.length;
  // Wait for the planted POST itself (an event, not a pause), and for the database to exist.
  const posted = page.waitForRequest((r) => r.method() === 'POST');
  await page.evaluate(async () => {
    await fetch('./data/events.json', { method: 'POST', body: 'x' }).catch(() => {});
    localStorage.setItem('tracker', '1');
    sessionStorage.setItem('unfreeze.ok', '1');
    document.cookie = 'sid=1';
    await new Promise((done) => {
      const open = indexedDB.open('analytics');
      open.onsuccess = () => {
        open.result.close();
        done();
      };
      open.onerror = done;
    });
    await caches.open('unfreeze.v1');
    await caches.open('workbox-precache');
  });
  await posted;
  assert.equal(offOriginRequests(log, origin).length, 1);
  assert.equal(notStatic(log.requests.slice(loaded), origin).length, 1);
  const bad = foreign(await storedNames(page, context));
  assert.deepEqual(bad.localStorage, ['tracker']);
  assert.deepEqual(bad.indexedDB, ['analytics']);
  assert.deepEqual(bad.documentCookie, ['sid']);
  assert.equal(bad.sessionStorage, undefined);
  assert.deepEqual(bad.caches, ['workbox-precache']);
  await context.close();
});

test('dist/ has no third-party URL and is within its size budgets; the check fails on a planted URL and on a planted 300 KiB', () => {
  const script = join(import.meta.dirname, '../../scripts/check-budgets.mjs');
  const out = execFileSync(process.execPath, [script, DIST], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.match(out, /first screen .*: [\d.]+ KiB gzip/);
  assert.match(out, /data .*: [\d.]+ KiB gzip/);
  assert.match(out, /third-party URLs: none in code/);

  const copy = mkdtempSync(join(tmpdir(), 'dist-planted-'));
  try {
    cpSync(DIST, copy, { recursive: true });
    writeFileSync(join(copy, 'boot.js'), readFileSync(join(copy, 'boot.js'), 'utf8') + '\nfetch("https://stats.example/p");\n');
    const planted = spawnSync(process.execPath, [script, copy], { encoding: 'utf8' });
    assert.equal(planted.status, 1, planted.stdout + planted.stderr);
    assert.match(planted.stderr, /boot\.js: https:\/\/stats\.example\/p/);

    // 300 KiB that does not compress, added to the page's wasm, breaks the first-screen budget.
    writeFileSync(join(copy, 'boot.js'), readFileSync(join(DIST, 'boot.js')));
    const wasm = readdirSync(copy).find((f) => f.startsWith('unfreeze-app') && f.endsWith('.wasm'));
    appendFileSync(join(copy, wasm), randomBytes(300 * 1024));
    const heavy = spawnSync(process.execPath, [script, copy], { encoding: 'utf8' });
    assert.equal(heavy.status, 1, heavy.stdout + heavy.stderr);
    assert.match(heavy.stderr, /FAIL: budget: first screen .* is [\d.]+ KiB gzip, [\d.]+ KiB over/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
