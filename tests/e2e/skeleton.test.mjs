// End-to-end: the built dist/ in real Chromium, as a person would use it on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp,
  openApp,
  waitForData,
  screenStay,
  offOriginRequests,
  goToStep,
  currentStep,
  textMatching,
} from './browser.mjs';

const app = useApp({ serveDist: false });

test('the 打洛 company trip six weeks before the freeze is screened as a border-zone finding', async () => {
  const url = await app.start();
  const { page, log, context } = await openApp(app.browser, url);
  await waitForData(page);
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-verdict'), 'possible');
  const finding = await page.getByTestId('finding-0').textContent();
  assert.match(finding, /公里/);
  assert.match(finding, /回溯期/);
  // The error slot is always in the page (a live region); here it is there, hidden and empty.
  // (isVisible() === false would also pass if the slot were gone.)
  assert.deepEqual(await page.getByTestId('error').evaluate((e) => [e.hidden, e.textContent]), [true, '']);
  assert.deepEqual(log.cspViolations, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a Kunming-only trip finds nothing', async () => {
  const url = await app.start();
  const { page, context } = await openApp(app.browser, url);
  await waitForData(page);
  await screenStay(page, { place: '昆明', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
  assert.equal(await page.getByTestId('verdict').getAttribute('data-verdict'), 'none');
  await context.close();
});

test('bad input shows one clear message and keeps what was entered and the last result', async () => {
  const url = await app.start();
  const { page, log, context } = await openApp(app.browser, url);
  await waitForData(page);
  const error = page.getByTestId('error');

  await screenStay(page, { place: '', from: '2019-09-03', to: '2019-09-05' });
  await textMatching(error, /地点.*还没填写/);
  assert.equal(await page.getByTestId('verdict').count(), 0);

  await screenStay(page, { place: '不存在的地方', from: '2019-09-03', to: '2019-09-05' });
  await textMatching(error, /没有“不存在的地方”/);

  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
  assert.deepEqual(await error.evaluate((e) => [e.hidden, e.textContent]), [true, '']);

  // End before start: the message names the field; what was typed stays.
  await goToStep(page, 2);
  await page.getByTestId('stay-to').fill('2019-09-01');
  await page.getByTestId('screen-run').click();
  await textMatching(error, /结束日期.*早于开始日期/);
  assert.equal(await page.getByTestId('stay-place').inputValue(), '打洛镇');
  assert.equal(await page.getByTestId('stay-to').inputValue(), '2019-09-01');
  assert.equal(await currentStep(page), 2, 'a bad input does not move on');

  // A missing date (what a date picker gives for a half-typed date).
  await page.getByTestId('stay-from').fill('');
  await page.getByTestId('screen-run').click();
  await textMatching(error, /开始日期.*还没填写/);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('no request leaves the origin, none but static files, and none after load', async () => {
  const url = await app.start();
  const origin = new URL(url).origin;
  const { page, log, context } = await openApp(app.browser, url);
  await waitForData(page);
  await page.waitForLoadState('networkidle');
  const afterLoad = log.requests.length;
  await screenStay(page, { place: 'Daluo', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
  // No request is in flight (Playwright's network-idle state), so the log below is complete.
  await page.waitForLoadState('networkidle');
  assert.deepEqual(offOriginRequests(log, origin), []);
  assert.deepEqual(log.requests.slice(afterLoad), [], 'screening made a request');
  const paths = log.requests.map((r) => new URL(r.url).pathname);
  for (const path of paths) {
    assert.match(path, /^\/(|index\.html|boot\.js|[\w-]+\.(js|wasm|css)|data\/[\w-]+\.(json|geojson)|favicon\.ico|icon\.svg|manifest\.webmanifest|sw\.js)$/, path);
  }
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});

test('dist/ works from a sub-path', async () => {
  const url = await app.start({ prefix: '/tools/unfreeze/' });
  const { page, log, context } = await openApp(app.browser, url);
  await waitForData(page);
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
  assert.equal(await page.getByTestId('verdict').getAttribute('data-verdict'), 'possible');
  for (const request of log.requests) {
    assert.ok(new URL(request.url).pathname.startsWith('/tools/unfreeze/'), request.url);
  }
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});
