// End-to-end, on a 360 px phone: WeChat Pay's newer bill, an .xlsx (and the zip it comes in once
// unlocked), is read by the import worker like the CSV: the 打洛 days ticked, the 勐拉 payment a
// question, no shop name or amount on the page, nothing fetched but the app's own places list. The
// zip as e-mailed (locked with a password) is refused in the page's language, saying to unzip it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  useApp,
  openApp,
  waitForData,
  goToStep,
  offOriginRequests,
  importProposals,
} from './browser.mjs';

const FIXTURES = join(import.meta.dirname, '../../crates/core/tests/fixtures/import');
const app = useApp();

for (const file of ['wechat_bill.xlsx', 'wechat_bill_zip.zip']) {
  test(`${file}: the 打洛 days ticked, the 勐拉 payment a question, nothing of the bill shown`, async () => {
    const { page, context, log } = await openApp(app.browser, app.url);
    await waitForData(page);
    await goToStep(page, 2);
    const requestsBefore = log.requests.length;
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, file));
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    const rows = await importProposals(page);
    assert.equal(rows.length, 4, JSON.stringify(rows));
    const daluo = rows.find((r) => r.text.includes('2019-09-03 – 2019-09-04'));
    assert.ok(daluo, JSON.stringify(rows));
    assert.match(daluo.text, /21\.69/);
    assert.equal(daluo.checked, true, 'the stay near Mong La comes ticked');
    const question = rows.find((r) => r.text.includes('2019-09-08'));
    assert.ok(question, JSON.stringify(rows));
    assert.equal(question.checked, false, 'a name of two places is never ticked for the person');
    assert.match(question.text, /勐拉镇/);
    assert.match(question.text, /缅甸/);
    const all = await result.textContent();
    for (const secret of ['示例小卖部', '示例过桥米线', '¥', '12.00', '零钱']) {
      assert.ok(!all.includes(secret), `${secret} shown: ${all}`);
    }
    // The page is a phone's width: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 360, `page is ${overflow} px wide`);
    await page.getByTestId('import-accept').click();
    await result.waitFor({ state: 'detached' });
    assert.match(await page.getByTestId('stay-lat').first().inputValue(), /^21\.69/);
    const origin = new URL(app.url).origin;
    assert.deepEqual(offOriginRequests({ requests: log.requests.slice(requestsBefore) }, origin), []);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}

test('the locked zip WeChat e-mails says, in the page language, to unzip it with the password', async () => {
  for (const [lang, words] of [
    [null, [/有密码/, /解压/, /微信支付/, /\.xlsx/]],
    ['lang-zh-TW', [/有密碼/, /解壓縮/, /檔案/]],
    ['lang-en', [/locked with a password/, /unzip it yourself/]],
  ]) {
    const { page, context, log } = await openApp(app.browser, app.url);
    await waitForData(page);
    if (lang) await page.getByTestId(lang).click();
    await goToStep(page, 2);
    await page.getByTestId('stay-place').first().fill('打洛镇');
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'wechat_bill_locked.zip'));
    await page.waitForFunction(() => !document.querySelector('[data-testid=error]')?.hidden, null, {
      timeout: 60_000,
    });
    const text = await page.getByTestId('error').textContent();
    assert.match(text, /wechat_bill_locked\.zip/);
    for (const w of words) assert.match(text, w, `${lang}: ${text}`);
    assert.ok(!text.includes('\n'), text);
    // The case is as it was.
    assert.equal(await page.getByTestId('stay-place').first().inputValue(), '打洛镇');
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

// Huawei Health's motion-path export (issue 18), as the file and as an unlocked zip: the walk in
// 打洛镇 on 5 Sep 2019 and the run in Kunming on 21 Sep come as two stays, and accepting them puts
// the 打洛 point on the stay form, with nothing fetched.
for (const file of ['huawei_motion.json', 'huawei_health.zip']) {
  test(`${file}: Huawei Health's track points become the 打洛 and Kunming stays (phone)`, async () => {
    const { page, context, log } = await openApp(app.browser, app.url);
    await waitForData(page);
    await goToStep(page, 2);
    const requestsBefore = log.requests.length;
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, file));
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    const rows = await importProposals(page);
    const daluo = rows.find((r) => r.text.includes('2019-09-05'));
    const kunming = rows.find((r) => r.text.includes('2019-09-21'));
    assert.ok(daluo && kunming, JSON.stringify(rows));
    assert.match(daluo.text, /21\.69/);
    assert.match(kunming.text, /25\.04/);
    assert.ok(rows.indexOf(daluo) < rows.indexOf(kunming), JSON.stringify(rows));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 360, `page is ${overflow} px wide`);
    await page.getByTestId('import-accept').click();
    await result.waitFor({ state: 'detached' });
    const lats = await page
      .getByTestId('stay-lat')
      .evaluateAll((inputs) => inputs.map((input) => input.value));
    assert.ok(lats.some((v) => v.startsWith('21.69')), JSON.stringify(lats));
    const origin = new URL(app.url).origin;
    assert.deepEqual(offOriginRequests({ requests: log.requests.slice(requestsBefore) }, origin), []);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}
