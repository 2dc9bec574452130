// End-to-end: the whole flow on a phone and on a desktop, as a frightened person would use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, waitForData, screenStay, goToStep, currentStep, textMatching } from './browser.mjs';

const OFFICE = '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。';
const app = useApp();

for (const [name, viewport] of [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 800 }],
]) {
  test(`the 打洛 story end to end to a hotline script (${name})`, async () => {
    const { page, context, log } = await openApp(app.browser, app.url, { viewport });
    await waitForData(page);
    await page.getByTestId('platform-wechat').check();
    await page.getByTestId('platform-qq').check();
    await page.getByTestId('message-input').fill(OFFICE);
    await screenStay(page, { place: '打洛', from: '2019-09-03', to: '2019-09-05' });
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'likely');
    assert.equal(await page.getByTestId('cause').getAttribute('data-cause'), 'border_area_freeze');
    assert.ok(await page.getByTestId('channel-puer-police-station').isVisible());
    assert.ok(await page.getByTestId('map').isVisible());
    await goToStep(page, 4);
    await page.getByTestId('script-kind-hotline').click();
    await page.getByTestId('numbers-input').fill('13800000000');
    const script = await textMatching(page.getByTestId('script-text'), /打洛/);
    assert.match(script, /2019-09-03|2019年9月3日/);
    await page.locator('[data-testid=tel-link][href="tel:13800000000"]').waitFor();
    // The page never invents a number: without the user's, there is no tel: link.
    await page.getByTestId('numbers-input').fill('');
    await page.getByTestId('tel-link').first().waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('tel-link').count(), 0);
    assert.match(await page.locator('.what-to-do').textContent(), /代解封/);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.cspViolations, []);
    await context.close();
  });
}

test('an ambiguous place name asks the user to choose', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await screenStay(page, { place: '老街', from: '2019-09-03', to: '2019-09-05' });
  const error = await textMatching(page.getByTestId('error'), /可能指几个不同的地方/);
  assert.match(error, /MM/);
  assert.match(error, /VN/);
  await context.close();
});

test('reload keeps the case', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await page.getByTestId('message-input').fill(OFFICE);
  await goToStep(page, 2);
  await page.getByTestId('stay-place').fill('打洛镇');
  await page.getByTestId('stay-from').fill('2019-09-03');
  await page.reload();
  await waitForData(page);
  assert.equal(await page.getByTestId('message-input').inputValue(), OFFICE);
  await goToStep(page, 2);
  assert.equal(await page.getByTestId('stay-place').inputValue(), '打洛镇');
  assert.equal(await page.getByTestId('stay-from').inputValue(), '2019-09-03');
  await context.close();
});

test('export, erase everything, import: the case comes back', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await page.getByTestId('platform-qq').check();
  await page.getByTestId('message-input').fill(OFFICE);
  await goToStep(page, 2);
  await page.getByTestId('stay-place').fill('打洛镇');
  await page.getByTestId('stay-from').fill('2019-09-03');
  await page.getByTestId('stay-to').fill('2019-09-05');
  await page.getByTestId('stay-add').click();
  await page.getByTestId('stay-mode-coordinates').last().click();
  await page.getByTestId('stay-paste').fill('https://uri.amap.com/marker?position=100.031,21.698');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('case-export').click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.version, 1);
  assert.equal(exported.stays.length, 2);
  assert.equal(exported.stays[1].datum, 'gcj02');

  await page.getByTestId('erase-all').click();
  await page.getByTestId('notice').waitFor();
  assert.equal(await currentStep(page), 1);
  assert.equal(await page.getByTestId('message-input').inputValue(), '');
  // Nothing of ours is left in either storage (not even an empty draft or the browser's own
  // language); a draft is written again only once something is typed.
  const stored = await page.evaluate(() => [
    ...Object.keys(localStorage).map((k) => `local:${k}`),
    ...Object.keys(sessionStorage).map((k) => `session:${k}`),
  ]);
  assert.deepEqual(stored, []);
  await page.getByTestId('message-input').fill('x');
  await page.waitForFunction(() => sessionStorage.getItem('unfreeze.draft')?.includes('"x"'));
  await page.getByTestId('message-input').fill('');

  await page.getByTestId('case-import').setInputFiles(await download.path());
  await page.getByTestId('notice').waitFor();
  assert.equal(await page.getByTestId('message-input').inputValue(), OFFICE);
  assert.ok(await page.getByTestId('platform-qq').isChecked());
  await goToStep(page, 2);
  assert.equal(await page.getByTestId('stay-place').first().inputValue(), '打洛镇');
  assert.equal(await page.getByTestId('stay-lat').last().inputValue(), '21.698');
  await page.getByTestId('screen-run').click();
  await page.getByTestId('verdict').waitFor();
  await context.close();
});

test('a file that is not a case file is refused and changes nothing', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await page.getByTestId('message-input').fill('保留我');
  await page.getByTestId('case-import').setInputFiles({
    name: 'photo.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"not":"a case"}'),
  });
  await textMatching(page.getByTestId('error'), /不是本工具导出的案例文件/);
  assert.equal(await page.getByTestId('message-input').inputValue(), '保留我');
  await context.close();
});

test('switching the language keeps the input', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await goToStep(page, 2);
  await page.getByTestId('stay-place').fill('打洛镇');
  await page.getByTestId('lang-en').click();
  assert.equal(await page.locator('main').getAttribute('lang'), 'en');
  assert.match(await page.getByTestId('screen-run').textContent(), /Screen/);
  assert.equal(await page.getByTestId('stay-place').inputValue(), '打洛镇');
  await page.getByTestId('lang-zh-TW').click();
  assert.match(await page.getByTestId('screen-run').textContent(), /開始預檢/);
  await page.reload();
  await waitForData(page);
  assert.equal(await page.locator('main').getAttribute('lang'), 'zh-TW', 'the choice is remembered');
  await context.close();
});

test('the browser language picks the default', async () => {
  const { page, context } = await openApp(app.browser, app.url, { locale: 'en-GB' });
  await waitForData(page);
  assert.equal(await page.locator('main').getAttribute('lang'), 'en');
  await context.close();
});

test('after the first visit the app works offline', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || caches.keys().then((k) => k.length > 0));
  // Wait until the worker has stored everything it lists.
  await page.waitForFunction(async () => {
    const names = await caches.keys();
    if (names.length === 0) return false;
    const cache = await caches.open(names[0]);
    return (await cache.keys()).length > 5;
  });
  await context.setOffline(true);
  await page.reload();
  await waitForData(page);
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
  await context.close();
});

test('the sources section lists every event and region with its links when opened', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  const sources = page.getByTestId('sources');
  await sources.locator('summary').click();
  await textMatching(sources, /ODbL/);
  const links = sources.locator('a[href^="http"]');
  await links.first().waitFor();
  assert.ok((await links.count()) >= 5, `links: ${await links.count()}`);
  assert.match(await sources.textContent(), /小勐拉|勐拉/);
  await context.close();
});
