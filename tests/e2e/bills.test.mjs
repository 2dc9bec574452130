// End-to-end, on a phone-sized page: a WeChat Pay bill (CSV) and a flight list are imported in
// the browser by the import worker, which fetches the app's own places list to match shop and
// city names. The shop in 打洛镇 comes ticked (near a freeze area); the "勐拉" payment, a name of two
// places, is a question (no coordinates, not ticked, its note lists both); nothing leaves the
// device; the bill's shop names and amounts are nowhere on the page.
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

test('a WeChat Pay bill gives the 打洛 days ticked and the 勐拉 payment as a question', async () => {
  const { page, context, log } = await openApp(app.browser, app.url);
  await waitForData(page);
  await goToStep(page, 2);
  const requestsBefore = log.requests.length;
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'wechat_bill.csv'));
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
  // Only days at places come out: no shop name, no amount.
  const all = await result.textContent();
  for (const secret of ['示例小卖部', '示例过桥米线', '¥', '12.00', '零钱']) {
    assert.ok(!all.includes(secret), `${secret} shown: ${all}`);
  }
  // The summary warns that a bill is thin evidence.
  assert.match(all, /not proof/);
  // Adding the ticked stay puts its coordinates into the case.
  await page.getByTestId('import-accept').click();
  await result.waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('stay-lat').first().inputValue(), /^21\.69/);
  // The places list is the app's own file; nothing else was fetched.
  const origin = new URL(app.url).origin;
  assert.deepEqual(offOriginRequests({ requests: log.requests.slice(requestsBefore) }, origin), []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a flight list gives the arrival cities; a damaged bill names its row and keeps the case', async () => {
  const { page, context, log } = await openApp(app.browser, app.url);
  await waitForData(page);
  await goToStep(page, 2);
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'flights.csv'));
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  const rows = await importProposals(page);
  assert.ok(rows.some((r) => r.text.includes('2019-09-03 – 2019-09-09') && /22\.00/.test(r.text)), JSON.stringify(rows));
  await page.getByTestId('import-dismiss').click();
  await result.waitFor({ state: 'detached' });

  await page.getByTestId('stay-place').first().fill('打洛镇');
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'wechat_bad_date.csv'));
  await page.waitForFunction(() => !document.querySelector('[data-testid=error]')?.hidden, null, {
    timeout: 60_000,
  });
  const text = await page.getByTestId('error').textContent();
  assert.match(text, /无法导入/);
  assert.match(text, /wechat_bad_date\.csv/);
  assert.match(text, /row 19/);
  assert.equal(await page.getByTestId('stay-place').first().inputValue(), '打洛镇');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
