// Throwaway (not committed): 360 px screenshots of two later-event stories.
import { serve } from './serve.mjs';
import { launch, openApp, waitForData, screenStay } from './browser.mjs';
const OUT = '/tmp/e4shots';
const { server, url } = await serve('dist');
const browser = await launch();
for (const [name, stay, message] of [
  ['lincang', { place: '临沧', from: '2021-11-07', to: '2021-11-09' }, null],
  ['cambodia', { place: '西港', from: '2025-03-01', to: '2025-07-20' }, '您的号码存在涉诈风险，已暂停服务，请到营业厅进行二次实人认证。'],
]) {
  const { page, context } = await openApp(browser, url, { viewport: { width: 360, height: 740 } });
  await waitForData(page);
  await page.getByTestId('platform-phone').check();
  if (message) await page.getByTestId('message-input').fill(message);
  await screenStay(page, stay);
  await page.getByTestId('verdict').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/${name}-top.png` });
  const f = page.locator('[data-testid^=finding-]').last();
  await f.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/${name}-finding.png` });
  console.log(name, JSON.stringify(await page.locator('[data-testid^=finding-]').allTextContents()));
  await context.close();
}
await browser.close();
server.close();
