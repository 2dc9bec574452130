// The result at a glance (issue 20): on a 360×740 phone, in each language, step 3's first screen
// says what most likely froze the account, how sure we are, the strongest clue and the one thing
// to do now; step 4 opens on the most useful document, whose text is in the first screen.
// Prints the page heights of steps 3 and 4 (see docs/perf.md for the figures before and after).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, waitForData, screenStay, currentStep, textMatching } from './browser.mjs';

const VIEWPORT = { width: 360, height: 740 };
const app = useApp();

const STORIES = [
  {
    name: 'the 2019 border story (打洛)',
    platforms: ['wechat', 'qq'],
    message: '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。',
    stay: { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' },
    cause: 'border_area_freeze',
    // The clue names the place, a distance and the dates.
    clue: [/打洛/, /\d+(–\d+)? ?(公里|km)/, /2019-09-03/],
    // Short and wholly in the reader's language: how sure the point is, its radius, its source.
    placeNote: {
      'zh-CN': '地点位置：推断，半径 4 公里；来源：美篇（共 4 个）',
      'zh-TW': '地點位置：推斷，半徑 4 公里；來源：美篇（共 4 個）',
      en: 'Place point: inferred, radius 4 km; source: Meipian (1 of 4)',
    },
    document: 'hotline',
  },
  {
    name: 'a bank freeze',
    platforms: ['bank'],
    message: '您的账户已被公安机关冻结，如有疑问请联系冻结机关。',
    stay: { place: '景洪', from: '2023-05-01', to: '2023-05-03' },
    cause: 'funds_frozen_by_authority',
    clue: [/公安|police/i],
    document: 'bank-counter',
  },
  {
    name: 'a flagged phone number',
    platforms: ['phone'],
    message: '您的号码存在涉诈风险，已暂停服务，请到营业厅进行二次实人认证。',
    stay: { place: '景洪', from: '2023-05-01', to: '2023-05-03' },
    cause: 'phone_number_flagged',
    clue: [/手机号|手機號碼|phone number/i],
    document: 'carrier-counter',
  },
];

/** The element's box relative to the top of the page (not the scrolled viewport). */
async function pageBox(locator) {
  return locator.first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, height: r.height };
  });
}

/** Asserts that `locator` is shown and lies wholly within the first screen of the page. */
async function assertInFirstScreen(page, locator, what) {
  assert.ok(await locator.first().isVisible(), `${what} is visible`);
  const box = await pageBox(locator);
  assert.ok(box.height > 0, `${what} has a size`);
  assert.ok(box.bottom <= VIEWPORT.height, `${what} ends at ${Math.round(box.bottom)} px, below the first screen (${VIEWPORT.height} px)`);
}

for (const lang of ['zh-CN', 'zh-TW', 'en']) {
  for (const story of STORIES) {
    test(`${story.name}: the answer and the next step are in the first screen (${lang}, 360×740)`, async (t) => {
      const { page, context, log } = await openApp(app.browser, app.url, { viewport: VIEWPORT });
      await waitForData(page);
      if (lang !== 'zh-CN') await page.getByTestId(`lang-${lang}`).click();
      for (const platform of story.platforms) await page.getByTestId(`platform-${platform}`).check();
      await page.getByTestId('message-input').fill(story.message);
      await screenStay(page, story.stay);
      await page.getByTestId('verdict').waitFor();
      assert.equal(await currentStep(page), 3);
      assert.equal(await page.getByTestId('cause').getAttribute('data-cause'), story.cause);
      await page.evaluate(() => window.scrollTo(0, 0));

      // The headline about the cause, the confidence in words and dots, the clue, the action.
      const headline = page.getByTestId('verdict');
      assert.ok((await headline.textContent()).trim().length > 4, 'the headline says something');
      await assertInFirstScreen(page, headline, 'the headline');
      const confidence = page.getByTestId('confidence');
      const confidenceText = await confidence.textContent();
      assert.match(confidenceText, /[●○]{3}/, 'dots');
      assert.match(confidenceText, /[\p{Script=Han}A-Za-z]{2}/u, 'words');
      await assertInFirstScreen(page, confidence, 'the confidence');
      const clue = page.getByTestId('clue');
      const clueText = await clue.textContent();
      for (const pattern of story.clue) assert.match(clueText, pattern, 'the strongest clue');
      await assertInFirstScreen(page, clue, 'the strongest clue');
      const action = page.getByTestId('primary-action');
      await assertInFirstScreen(page, action, 'the primary action');
      assert.equal(await action.getAttribute('data-kind'), story.document, 'the most useful document');
      // Everything else is still there, after the first screen's answer.
      assert.ok((await page.getByTestId('finding-0').count()) === 1, 'the finding is kept');
      if (story.placeNote) {
        // The named place says where its point comes from and how sure that point is.
        const note = await page.getByTestId('finding-0').getByTestId('place-note').textContent();
        assert.equal(note.trim(), story.placeNote[lang], 'the place note');
      }
      const step3Height = await page.evaluate(() => document.documentElement.scrollHeight);

      await action.click();
      await page.waitForFunction(() => document.querySelector('main')?.dataset.step === '4');
      await page.evaluate(() => window.scrollTo(0, 0));
      assert.equal(
        await page.getByTestId(`script-kind-${story.document}`).getAttribute('aria-pressed'),
        'true',
        'the most useful document is chosen',
      );
      // Step 4 does not repeat the verdict card.
      assert.equal(await page.locator('.what-to-do ~ .verdict-card, .verdict-card').count(), 0);
      const script = page.getByTestId('script-text');
      await textMatching(script, /\S{10}/);
      assert.ok(await script.first().isVisible(), 'the document text is shown');
      const box = await pageBox(script);
      // At least its first lines (three of ~20 px) are in the first screen.
      assert.ok(box.top + 60 <= VIEWPORT.height, `the document text starts at ${Math.round(box.top)} px`);
      const step4Height = await page.evaluate(() => document.documentElement.scrollHeight);
      t.diagnostic(`heights ${lang} ${story.cause}: step 3 ${step3Height} px, step 4 ${step4Height} px`);

      assert.deepEqual(log.pageErrors, []);
      await context.close();
    });
  }
}
