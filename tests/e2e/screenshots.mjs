// Screenshots of each step at 360×740 and 1280×800 for docs/ (scripts/screenshots.sh).
import { serve } from './serve.mjs';
import { launch, openApp, waitForData, screenStay, goToStep } from './browser.mjs';

const OUT = process.argv[2] ?? 'docs/screenshots';
const { server, url } = await serve(process.env.DIST ?? 'dist');
const browser = await launch();
for (const [name, viewport] of [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 800 }],
]) {
  const { page, context } = await openApp(browser, url, { viewport });
  await waitForData(page);
  await page.getByTestId('platform-wechat').check();
  await page.getByTestId('platform-qq').check();
  await page.getByTestId('message-input').fill(
    '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。',
  );
  await page.screenshot({ path: `${OUT}/1-what-happened-${name}.png` });
  await goToStep(page, 2);
  await page.getByTestId('stay-place').fill('打洛镇');
  await page.getByTestId('stay-from').fill('2019-09-03');
  await page.getByTestId('stay-to').fill('2019-09-05');
  await page.screenshot({ path: `${OUT}/2-where-you-were-${name}.png` });
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor();
  await page.screenshot({ path: `${OUT}/3-result-${name}.png` });
  // The primary action opens step 4 on the most useful document (here the call script).
  await page.getByTestId('primary-action').click();
  await page.getByTestId('script-text').first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/4-what-to-do-${name}.png` });
  await context.close();
}
await browser.close();
server.close();
console.log(`screenshots written to ${OUT}`);
