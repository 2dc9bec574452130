// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core, a record of
// every request and every CSP violation, and page helpers keyed on data-testid.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built app the tests run against (`DIST=… node --test …` points elsewhere). */
export const DIST = process.env.DIST ?? 'dist';

/**
 * Launches headless Chromium, quiet and offline apart from what the page asks for. Playwright gives
 * each launch a fresh, empty profile of its own.
 */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The set-up every e2e file shares, registered as the file's node:test `before`/`after` hooks: one
 * Chromium (`launch()`) and, unless `{ serveDist: false }`, one server of DIST. Returns `app`, whose
 * `browser` and `url` are set once `before` has run (read them inside tests, not at import time).
 * `app.start({ prefix, types })` serves DIST once more (e.g. under a sub-path, or to keep a test's
 * requests apart) and resolves to its url. `after` closes the browser and every server.
 */
export function useApp({ serveDist = true } = {}) {
  const servers = [];
  const app = {
    browser: undefined,
    url: undefined,
    async start(options = {}) {
      const { server, url } = await serve(DIST, options);
      servers.push(server);
      return url;
    },
  };
  before(async () => {
    app.browser = await launch();
    if (serveDist) app.url = await app.start();
  });
  after(async () => {
    await app.browser?.close();
    for (const server of servers) server.close();
  });
  return app;
}

/**
 * Opens `url` in a fresh context (phone-sized unless told otherwise) and records what happens:
 * `requests` (url, method, resourceType, when), `cspViolations` and `consoleErrors`.
 */
export async function openApp(
  browser,
  url,
  { viewport = { width: 360, height: 740 }, locale = 'zh-CN', acceptDownloads = true } = {},
) {
  const context = await browser.newContext({ viewport, locale, acceptDownloads });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const log = { requests: [], cspViolations: [], consoleErrors: [], pageErrors: [] };
  // On the context, so requests made by the service worker are recorded too.
  context.on('request', (request) =>
    log.requests.push({
      url: request.url(),
      method: request.method(),
      type: request.resourceType(),
    }),
  );
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) log.cspViolations.push(text);
    else if (message.type() === 'error') log.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => log.pageErrors.push(String(error)));
  await page.goto(url);
  return { context, page, log };
}

/** Waits until the data files are loaded (the app says so on <main data-ready>). */
export async function waitForData(page) {
  await page.waitForSelector('main[data-data="ready"]', { timeout: 30_000 });
}

/** The step the app shows (1–4). */
export async function currentStep(page) {
  return Number(await page.locator('main').getAttribute('data-step'));
}

/** Moves to step `n` with step-next / step-back (step 2 → 3 screens the stays). */
export async function goToStep(page, n) {
  for (let guard = 0; guard < 8; guard++) {
    const step = await currentStep(page);
    if (step === n) return;
    await page.getByTestId(step < n ? 'step-next' : 'step-back').click();
    await page.waitForFunction((s) => document.querySelector('main')?.dataset.step !== String(s), step);
  }
  throw new Error(`could not reach step ${n}`);
}

/**
 * Shows the field `testid` (the last one, where fields repeat per stay) by pressing step-next,
 * then step-back, as the flow needs; returns its locator.
 */
export async function reach(page, testid) {
  const field = page.getByTestId(testid).last();
  for (const button of ['step-next', 'step-back']) {
    for (let i = 0; i < 8 && !(await field.isVisible()); i++) {
      const step = page.getByTestId(button);
      if (!(await step.isVisible()) || !(await step.isEnabled())) break;
      await step.click();
    }
  }
  return field;
}

/** Goes to step 2, types into the last stay and presses the screen button. */
export async function screenStay(page, { place, from, to }) {
  if ((await currentStep(page)) !== 2) await goToStep(page, 2);
  await page.getByTestId('stay-place').last().fill(place);
  await page.getByTestId('stay-from').last().fill(from);
  await page.getByTestId('stay-to').last().fill(to);
  await page.getByTestId('screen-run').click();
}

/** Every request went to `origin`, was a GET, and fetched a static file. */
export function offOriginRequests(log, origin) {
  return log.requests.filter(
    (r) => !r.url.startsWith(origin) || r.method !== 'GET' || r.type === 'websocket',
  );
}

/**
 * Waits until `locator`'s text matches `pattern` and returns it. Answers come from the engine
 * workers a moment after a click, so a test reads them only once they are there. The timeout is
 * a generous hang guard, not a speed assertion: the first document starts the letters worker,
 * whose wasm is fetched and compiled then (seconds on a loaded 2-core machine).
 */
export async function textMatching(locator, pattern, timeout = 30_000) {
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = (await locator.first().textContent({ timeout }).catch(() => '')) ?? '';
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`text never matched ${pattern}; last: ${JSON.stringify(text.slice(0, 300))}`);
}

/** The stays an import proposes, in order: `{checked, text}` of each box and its label. */
export async function importProposals(page) {
  const boxes = page.locator('[data-testid^="import-stay-"]');
  const n = await boxes.count();
  const rows = [];
  for (let i = 0; i < n; i++) {
    const id = await boxes.nth(i).getAttribute('id');
    rows.push({
      checked: await boxes.nth(i).isChecked(),
      text: await page.locator(`label[for="${id}"]`).textContent(),
    });
  }
  return rows;
}
