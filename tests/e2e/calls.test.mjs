// End-to-end, on a 360 px phone in zh-CN: the call log of step 4 (each try at a number, kept like
// every other field: across a reload, in the case export, gone after "erase everything"); the
// documents sent or handed in (step 4's "我已寄出/已提交" with its day, kept the same way, read
// back from an exported file, and named with that day by the follow-up letter); and a case
// file's per-platform block texts surviving import → export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './serve.mjs';
import { launch, openApp, waitForData, screenStay, goToStep, textMatching } from './browser.mjs';

const DIST = process.env.DIST ?? 'dist';
const PHONE = { width: 360, height: 740 };
const WECHAT = '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。';
const QQ = '你的QQ账号因违反《QQ号码规则》相关条款，已被永久冻结。';
let browser;
let server;
let url;

before(async () => {
  browser = await launch();
  ({ server, url } = await serve(DIST));
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Exports the case and returns the file's JSON. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-export').click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('a case file with a block text per platform keeps every one through import and export', async () => {
  const { page, context, log } = await openApp(browser, url, { viewport: PHONE });
  await waitForData(page);
  const file = {
    version: 1,
    platforms: ['wechat', 'qq'],
    freeze_message: WECHAT,
    freeze_messages: { wechat: WECHAT, qq: QQ },
    calls: [{ at: '2019-10-16T09:31', number: '0879-2142110', result: 'busy' }],
    stays: [{ place: '打洛镇', from: '2019-09-03', to: '2019-09-05' }],
  };
  await page.getByTestId('case-import').setInputFiles({
    name: 'case.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByTestId('notice').waitFor();
  assert.equal(await page.getByTestId('message-input').inputValue(), WECHAT);
  const again = await exported(page);
  assert.deepEqual(again.freeze_messages, { wechat: WECHAT, qq: QQ }, "each platform's text is exported again");
  assert.equal(again.freeze_message, WECHAT);
  assert.deepEqual(again.calls, file.calls, "the call log comes back too");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the call log on a phone: entries kept across a reload, exported, erased (zh-CN)', async () => {
  const { page, context, log } = await openApp(browser, url, { viewport: PHONE });
  await waitForData(page);
  await page.getByTestId('platform-wechat').check();
  await page.getByTestId('message-input').fill(WECHAT);
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
  await goToStep(page, 4);
  await page.getByTestId('script-kind-hotline').click();
  await textMatching(page.getByTestId('script-text'), /打洛/);

  const callLog = page.getByTestId('call-log');
  await callLog.locator('summary').click();
  assert.match(await callLog.locator('summary').textContent(), /通话记录/);
  // A try now (the time left blank) and one earlier, typed: the log keeps time order.
  await page.getByTestId('call-number').fill('0879-2142110');
  await page.getByTestId('call-result').selectOption('no_answer');
  await page.getByTestId('call-add').click();
  await page.getByTestId('call-entry').first().waitFor();
  await page.getByTestId('call-at').fill('2019-10-16T09:45');
  await page.getByTestId('call-result').selectOption('got_through');
  await page.getByTestId('call-note').fill('让我带身份证去派出所');
  await page.getByTestId('call-add').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=call-entry]').length === 2);
  const entries = await page.getByTestId('call-entry').allTextContents();
  assert.match(entries[0], /^2019-10-16 09:45 +0879-2142110 · 打通了 · 让我带身份证去派出所/);
  assert.match(entries[1], /0879-2142110 · 无人接听/);
  // Nothing wider than the phone.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page is ${width} px wide`);

  // A reload keeps them (the draft is saved like every other field).
  await page.waitForFunction(() => sessionStorage.getItem('unfreeze.draft')?.includes('派出所'));
  await page.reload();
  await waitForData(page);
  await goToStep(page, 2);
  await page.getByTestId('screen-run').click();
  await page.getByTestId('verdict').waitFor();
  await goToStep(page, 4);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=call-entry]').length === 2);
  assert.notEqual(await page.getByTestId('call-log').getAttribute('open'), null, 'the log opens when it has entries');

  // The export holds them.
  const file = await exported(page);
  assert.equal(file.calls.length, 2);
  assert.deepEqual(file.calls[0], {
    at: '2019-10-16T09:45',
    number: '0879-2142110',
    result: 'got_through',
    note: '让我带身份证去派出所',
  });
  assert.equal(file.calls[1].result, 'no_answer');
  assert.match(file.calls[1].at, /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);

  // Removing one entry removes only it.
  await page.getByTestId('call-remove').last().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=call-entry]').length === 1);

  // "Erase everything" takes the log with it.
  await page.getByTestId('erase-all').click();
  await page.getByTestId('notice').waitFor();
  const stored = await page.evaluate(() => [
    ...Object.keys(localStorage),
    ...Object.keys(sessionStorage),
  ]);
  assert.deepEqual(stored, []);
  assert.equal((await exported(page)).calls, undefined, 'no call in an export after erasing');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});

const FLAGGED = '您的号码存在涉诈风险，已被限制使用，请到营业厅进行二次实人认证。';

/** The flagged-number story, screened, on step 4 with its first document shown. */
async function flaggedAtStep4(page) {
  await goToStep(page, 2);
  await page.getByTestId('screen-run').click();
  await page.getByTestId('verdict').waitFor();
  await goToStep(page, 4);
  await textMatching(page.getByTestId('script-text'), /二次实人认证/);
}

test('a document sent on a phone: its day kept across a reload, named by the follow-up, exported, imported, erased (zh-CN)', async () => {
  const { page, context, log } = await openApp(browser, url, { viewport: PHONE });
  await waitForData(page);
  await page.getByTestId('platform-phone').check();
  await page.getByTestId('message-input').fill(FLAGGED);
  await screenStay(page, { place: '北京', from: '2025-05-01', to: '2025-06-01' });
  await page.getByTestId('verdict').waitFor();
  await goToStep(page, 4);
  // The first document (the carrier-shop script) is shown: record the visit, on a day typed.
  assert.equal(await page.getByTestId('script-kind-carrier-counter').getAttribute('aria-pressed'), 'true');
  await textMatching(page.getByTestId('script-text'), /二次实人认证/);
  await page.getByTestId('sent-on').fill('2025-06-02');
  await page.getByTestId('sent-add').click();
  const entry = await textMatching(page.getByTestId('sent-entry'), /2025-06-02/);
  assert.match(entry, /^已寄出或提交：2025-06-02 · .*营业厅/, 'the entry names the day and the document');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page is ${width} px wide`);

  // A reload keeps it; the follow-up letter names the visit and its day.
  await page.waitForFunction(() => sessionStorage.getItem('unfreeze.draft')?.includes('2025-06-02'));
  await page.reload();
  await waitForData(page);
  await flaggedAtStep4(page);
  await textMatching(page.getByTestId('sent-entry'), /2025-06-02/);
  await page.getByTestId('script-kind-follow-up').click();
  await textMatching(page.getByTestId('script-text'), /2025-06-02，我已就此事向贵单位提出：到营业厅办理二次实人核验/);

  // The export holds it, and reading that file back brings it again.
  const file = await exported(page);
  assert.deepEqual(file.sent, [{ kind: 'carrier-counter', on: '2025-06-02' }]);
  await page.getByTestId('erase-all').click();
  await page.getByTestId('notice').waitFor();
  await page.getByTestId('case-import').setInputFiles({
    name: 'case.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=message-input]')?.value !== '');
  await flaggedAtStep4(page);
  await textMatching(page.getByTestId('sent-entry'), /^已寄出或提交：2025-06-02/);

  // Removed, it is gone; a day left blank is today (China time); "erase everything" leaves nothing.
  await page.getByTestId('sent-remove').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=sent-entry]').length === 0);
  await page.getByTestId('sent-on').fill('');
  await page.getByTestId('sent-add').click();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await textMatching(page.getByTestId('sent-entry'), new RegExp(`^已寄出或提交：${today} · `));
  await page.getByTestId('erase-all').click();
  await page.getByTestId('notice').waitFor();
  const stored = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  assert.deepEqual(stored, []);
  assert.equal((await exported(page)).sent, undefined, 'nothing sent in an export after erasing');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});
