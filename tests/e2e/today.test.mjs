// End-to-end on a phone (360 px): today's freezes (issue 15). A bank card frozen by the police and
// a phone number flagged by the carrier each get a headline about their cause (not the border),
// who decides and the next step, exactly the documents that fit, most useful first, and the first
// document's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, waitForData, screenStay, goToStep, textMatching } from './browser.mjs';

const PHONE = { width: 360, height: 740 };
const app = useApp();

/** The kinds offered in step 4, in page order. */
async function offeredKinds(page) {
  return page
    .locator('[data-testid^=script-kind-]')
    .evaluateAll((buttons) => buttons.map((b) => b.dataset.testid.replace('script-kind-', '')));
}

/** Screens one story and waits for its verdict card. */
async function screenStory(page, { platform, message, stay }) {
  await waitForData(page);
  await page.getByTestId(`platform-${platform}`).check();
  await page.getByTestId('message-input').fill(message);
  await screenStay(page, stay);
  await page.getByTestId('verdict').waitFor();
}

test('a bank account frozen by the police: police headline, bank-counter script first (phone)', async () => {
  const { page, context, log } = await openApp(app.browser, app.url, { viewport: PHONE });
  await screenStory(page, {
    platform: 'bank',
    message: '您的账户已被公安机关冻结，如有疑问请联系办案单位。',
    stay: { place: '上海', from: '2024-05-01', to: '2024-05-02' },
  });
  assert.equal(await page.getByTestId('cause').getAttribute('data-cause'), 'funds_frozen_by_authority');
  const headline = await textMatching(page.getByTestId('verdict'), /资金被公安机关冻结/);
  assert.match(headline, /只有冻结机关能解除/);
  assert.doesNotMatch(headline, /边境/, 'the border finding is not the headline');
  assert.match(await page.getByTestId('border-line').textContent(), /边境/);
  assert.match(await page.getByTestId('who-decides').textContent(), /原批准的机关/);
  assert.ok((await page.getByTestId('next-step').textContent()).length > 10);
  await goToStep(page, 4);
  const kinds = await offeredKinds(page);
  assert.deepEqual(kinds.slice(0, 3), ['bank-counter', 'police-inquiry', 'call-96110'], kinds.join());
  assert.ok(!kinds.includes('hotline') && !kinds.includes('pi-access'), kinds.join());
  await page.getByTestId('script-kind-bank-counter').click();
  const script = await textMatching(page.getByTestId('script-text'), /哪个办案单位/);
  assert.match(script, /期限到哪一天/);
  assert.match(script, /您的账户已被公安机关冻结/);
  // Nothing overflows the phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});

test('a flagged phone number: carrier headline, shop script for the second verification (phone)', async () => {
  const { page, context, log } = await openApp(app.browser, app.url, { viewport: PHONE });
  await screenStory(page, {
    platform: 'phone',
    message: '您的号码存在涉诈风险，已被限制使用，请到营业厅进行二次实人认证。',
    stay: { place: '北京', from: '2025-05-01', to: '2025-06-01' },
  });
  assert.equal(await page.getByTestId('cause').getAttribute('data-cause'), 'phone_number_flagged');
  await textMatching(page.getByTestId('verdict'), /号码被运营商按涉诈风险限制/);
  assert.match(await page.getByTestId('who-decides').textContent(), /运营商/);
  await goToStep(page, 4);
  const kinds = await offeredKinds(page);
  assert.equal(kinds[0], 'carrier-counter');
  assert.ok(kinds.includes('call-96110'), kinds.join());
  assert.ok(!kinds.includes('hotline') && !kinds.includes('platform-appeal'), kinds.join());
  await page.getByTestId('script-kind-carrier-counter').click();
  const script = await textMatching(page.getByTestId('script-text'), /二次实人认证/);
  assert.match(script, /还是公安机关要求停机的/);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.cspViolations, []);
  await context.close();
});
