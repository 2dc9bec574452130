// Accessibility: axe-core finds no violation on any step, in every language, on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useApp, openApp, waitForData, screenStay, goToStep } from './browser.mjs';

const app = useApp();

async function violations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['zh-CN', 'zh-TW', 'en']) {
  test(`every step has no axe violations (${lang})`, async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await waitForData(page);
    if (lang !== 'zh-CN') await page.getByTestId(`lang-${lang}`).click();
    // The page really is in that language before axe reads it.
    await page.waitForSelector(`main[lang="${lang}"]`);
    assert.deepEqual(await violations(page), [], 'step 1');
    await goToStep(page, 2);
    assert.deepEqual(await violations(page), [], 'step 2');
    await page.getByTestId('stay-mode-coordinates').click();
    assert.deepEqual(await violations(page), [], 'step 2, coordinates');
    await page.getByTestId('stay-mode-place').click();
    await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
    await page.getByTestId('verdict').waitFor();
    assert.deepEqual(await violations(page), [], 'step 3');
    await goToStep(page, 4);
    await page.getByTestId('script-kind-hotline').click();
    assert.deepEqual(await violations(page), [], 'step 4');
    await context.close();
  });
}

test('the flow can be walked with the keyboard alone', async () => {
  const { page, context } = await openApp(app.browser, app.url);
  await waitForData(page);
  await page.getByTestId('step-next').focus();
  await page.keyboard.press('Enter');
  // Focus moves to the new step's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('step-title')), true);
  await page.keyboard.press('Tab');
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.dataset?.testid === 'stay-place')) && guard++ < 20) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('打洛镇');
  await page.getByTestId('stay-from').fill('2019-09-03');
  await page.getByTestId('stay-to').fill('2019-09-05');
  await page.getByTestId('screen-run').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('verdict').waitFor();
  await context.close();
});
