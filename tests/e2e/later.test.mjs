// End-to-end on a phone (360 px): a later location-linked measure (issue 15). A visitor to 临沧 in
// November 2021 whose number was stopped, with no SMS kept, gets the number as the cause at one
// dot, a finding for the stay that names 临沧市 and says it is an unverified report, and the
// carrier's and 96110's documents, not the 2019 hotline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, waitForData, screenStay, goToStep, textMatching } from './browser.mjs';

const PHONE = { width: 360, height: 740 };
const app = useApp();

test('a 2021 临沧 trip with a stopped number: a finding worded as a report, the carrier documents (phone)', async () => {
  const { page, context, log } = await openApp(app.browser, app.url, { viewport: PHONE });
  await waitForData(page);
  await page.getByTestId('platform-phone').check();
  await screenStay(page, { place: '临沧', from: '2021-11-07', to: '2021-11-09' });
  await page.getByTestId('verdict').waitFor();
  assert.equal(await page.getByTestId('cause').getAttribute('data-cause'), 'phone_number_flagged');
  await textMatching(page.getByTestId('verdict'), /号码被运营商按涉诈风险限制/);
  // The stay's findings: the 2019 one (far, out of its window) and the 2021 report.
  const findings = page.locator('[data-testid^=finding-]');
  const texts = await findings.evaluateAll((items) => items.map((li) => li.textContent));
  const later = texts.find((t) => /2021年11月/.test(t));
  assert.ok(later, `no finding about the 2021 reports: ${JSON.stringify(texts)}`);
  assert.match(later, /临沧市/);
  assert.match(later, /未经核实/);
  assert.match(later, /不能证明/, 'a report, not a cause');
  await goToStep(page, 4);
  const kinds = await page
    .locator('[data-testid^=script-kind-]')
    .evaluateAll((buttons) => buttons.map((b) => b.dataset.testid.replace('script-kind-', '')));
  assert.equal(kinds[0], 'carrier-counter', kinds.join());
  assert.ok(kinds.includes('call-96110') && !kinds.includes('hotline'), kinds.join());
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});
