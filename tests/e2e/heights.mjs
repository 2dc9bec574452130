// Page heights of steps 3 and 4 at 360×740 for the three glance stories (issue 20), e.g.
// `node tests/e2e/heights.mjs dist`. Step 4 is measured as it opens, and after the first
// offered document is shown.
import { serve } from './serve.mjs';
import { launch, openApp, waitForData, screenStay, goToStep, textMatching } from './browser.mjs';

const STORIES = [
  ['border 打洛', ['wechat', 'qq'], '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。', { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' }],
  ['bank freeze', ['bank'], '您的账户已被公安机关冻结，如有疑问请联系冻结机关。', { place: '景洪', from: '2023-05-01', to: '2023-05-03' }],
  ['flagged phone', ['phone'], '您的号码存在涉诈风险，已暂停服务，请到营业厅进行二次实人认证。', { place: '景洪', from: '2023-05-01', to: '2023-05-03' }],
];
const { server, url } = await serve(process.argv[2] ?? 'dist');
const browser = await launch();
const height = (page) => page.evaluate(() => document.documentElement.scrollHeight);
for (const lang of ['zh-CN', 'zh-TW', 'en']) {
  for (const [name, platforms, message, stay] of STORIES) {
    const { page, context } = await openApp(browser, url);
    await waitForData(page);
    if (lang !== 'zh-CN') await page.getByTestId(`lang-${lang}`).click();
    for (const p of platforms) await page.getByTestId(`platform-${p}`).check();
    await page.getByTestId('message-input').fill(message);
    await screenStay(page, stay);
    await page.getByTestId('verdict').waitFor();
    await page.waitForTimeout(300);
    const step3 = await height(page);
    await goToStep(page, 4);
    await page.waitForTimeout(300);
    const step4Open = await height(page);
    if ((await page.getByTestId('script-text').count()) === 0) {
      await page.locator('[data-testid^=script-kind-]').first().click();
    }
    await textMatching(page.getByTestId('script-text'), /\S{10}/);
    const text = await page.getByTestId('script-text').first().evaluate((el) => Math.round(el.getBoundingClientRect().top + scrollY));
    const step4 = await height(page);
    console.log(`${lang}\t${name}\tstep3 ${step3}px\tstep4 ${step4Open}px as opened, ${step4}px with a document (its text at ${text}px)`);
    await context.close();
  }
}
await browser.close();
server.close();
