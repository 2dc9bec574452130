// Step 4's tools, end to end on a phone (issue 19): the deadline's calendar file, the e-mail link,
// copy to the clipboard, the letter's download, the large-type view for reading aloud, and the
// personal fields (typed once, written into the letters, kept across a reload, gone after "erase
// everything"). Every check compares what the person gets with what the page shows them, so a
// tool that hands over something else fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, waitForData, screenStay, goToStep, currentStep, textMatching } from './browser.mjs';

const PHONE = { width: 360, height: 740 };
const OFFICE = '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。';
const app = useApp();

/** An invented ID-card number (勐海县's area code) with a correct check character (GB 11643). */
function idNumber(first17 = '53282219900101123') {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const PERSON = { name: '测试甲', 'id-number': idNumber(), 'wechat-id': 'ceshi_jia_2019' };

/** The 2019 story (WeChat and QQ, 打洛) screened, then step 4. */
async function story(page) {
  await waitForData(page);
  await page.getByTestId('platform-wechat').check();
  await page.getByTestId('platform-qq').check();
  await page.getByTestId('message-input').fill(OFFICE);
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  await goToStep(page, 4);
}

/** Chooses the document `kind` (a second click would unselect it) and waits for its text. */
async function choose(page, kind, pattern = /\S/) {
  const button = page.getByTestId(`script-kind-${kind}`);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  const doc = page.getByTestId('document-0');
  await textMatching(doc.getByTestId('script-text'), pattern);
  return doc;
}

/** What the page shows of document `doc`: title, recipient lines, the letter, the guidance. */
async function shown(doc) {
  return {
    title: await doc.locator('h3').textContent(),
    recipient: await doc.locator('ul.recipient li').allTextContents(),
    letter: await doc.getByTestId('script-text').textContent(),
    guidance: await doc.locator('details.guidance pre').textContent(),
  };
}

/** Opens the personal details and types `person` into them. */
async function typePerson(page, person) {
  const details = page.locator('details.person');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  for (const [field, value] of Object.entries(person)) await page.getByTestId(`person-${field}`).fill(value);
}

/** The day in China (UTC+8) `days` after today, as YYYY-MM-DD. */
function chinaDay(days = 0) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test('the deadline .ics holds one all-day event on the due date the page shows', async () => {
  const { page, context, log } = await openApp(app.browser, app.url, { viewport: PHONE });
  await story(page);
  const doc = await choose(page, 'pi-access', /个人信息/);
  const line = await doc.locator('p.deadline').textContent();
  const match = line.match(/(\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})/);
  assert.ok(match, `the deadline line shows two dates: ${line}`);
  const [, sentOn, due] = match;
  // Sent today (China time; either side of midnight while the test runs), due later.
  assert.ok([chinaDay(-1), chinaDay(0)].includes(sentOn), `sent on ${sentOn}, today is ${chinaDay()}`);
  assert.ok(due > sentOn, `due ${due} after ${sentOn}`);
  const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('download-ics').click()]);
  assert.equal(download.suggestedFilename(), 'deadline.ics');
  const ics = await readFile(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nEND:VCALENDAR\r\n$/);
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF (RFC 5545)');
  assert.equal(ics.match(/^BEGIN:VEVENT\r$/gm)?.length, 1, ics);
  assert.equal(ics.match(/^END:VEVENT\r$/gm)?.length, 1, ics);
  const compact = (iso) => iso.replaceAll('-', '');
  const dtstart = ics.match(/^DTSTART;VALUE=DATE:(\d{8})\r$/m);
  assert.ok(dtstart, ics);
  assert.equal(dtstart[1], compact(due), 'the event is on the due date shown');
  const next = new Date(`${due}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  assert.match(ics, new RegExp(`^DTEND;VALUE=DATE:${compact(next.toISOString().slice(0, 10))}\\r$`, 'm'), 'an all-day event ends the next day');
  assert.match(ics, new RegExp(`^DTSTAMP:${compact(sentOn)}T000000Z\\r$`, 'm'));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the e-mail link carries the letter shown, encoded, with no personal data but what was typed', async () => {
  const { page, context, log } = await openApp(app.browser, app.url, { viewport: PHONE });
  await story(page);
  await choose(page, 'pi-access');
  await typePerson(page, { name: PERSON.name, 'wechat-id': PERSON['wechat-id'] });
  const doc = page.getByTestId('document-0');
  // The WeChat ID is typed last: once the letter shows it, the letter and the link are both
  // written from every field typed (waiting for the name alone raced the last keystroke).
  const letter = await textMatching(doc.getByTestId('script-text'), new RegExp(PERSON['wechat-id']));
  const href = await doc.getByTestId('mailto').getAttribute('href');
  // Only unreserved ASCII and %XX escapes after the address: a raw space, '&', '#' or newline
  // would cut the subject or body short in a mail app.
  const parts = href.match(/^mailto:([^?]+)\?subject=([A-Za-z0-9._~%-]*)&body=([A-Za-z0-9._~%-]*)$/);
  assert.ok(parts, `not an encoded mailto: ${href.slice(0, 200)}`);
  const [, address, subject, body] = parts;
  assert.match(address, /^[^@\s]+@[^@\s]+\.[a-z]+$/i);
  assert.ok((await shown(doc)).recipient.some((l) => l.includes(address)), `${address} is the recipient shown`);
  assert.ok(body.includes('%0D%0A'), 'line breaks are CRLF, encoded');
  const decoded = {
    subject: decodeURIComponent(subject),
    body: decodeURIComponent(body).replaceAll('\r\n', '\n'),
  };
  // Exactly the letter on the page: subject, blank line, body.
  assert.equal(`${decoded.subject}\n\n${decoded.body}\n`, letter);
  assert.ok(decoded.body.includes(PERSON.name) && decoded.body.includes(PERSON['wechat-id']));
  // Personal data that was not typed is not there: no ID-card number, no phone number.
  assert.ok(!/\d{17}[\dX]/.test(decoded.body), 'no ID-card number');
  assert.ok(!/1[3-9]\d{9}/.test(decoded.body), 'no mobile number');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('copy puts the letter shown on the clipboard', async () => {
  const { page, context } = await openApp(app.browser, app.url, { viewport: PHONE });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  // Something else on the clipboard first, so a copy that did nothing cannot pass.
  await page.evaluate(() => navigator.clipboard.writeText('not the letter'));
  await story(page);
  const doc = await choose(page, 'hotline', /打洛/);
  const letter = await doc.getByTestId('script-text').textContent();
  await doc.getByTestId('copy-script').click();
  await textMatching(page.getByTestId('notice'), /已复制/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), letter);
  await context.close();
});

test('the downloaded letter is the page as shown: title, recipient, letter, guidance', async () => {
  const { page, context } = await openApp(app.browser, app.url, { viewport: PHONE });
  await story(page);
  const doc = await choose(page, 'pi-access');
  const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('download-script').click()]);
  assert.match(download.suggestedFilename(), /^pi-access-1\.txt$/);
  const text = await readFile(await download.path(), 'utf8');
  const { title, recipient, letter, guidance } = await shown(doc);
  const rule = '-'.repeat(40);
  const head = recipient.length ? `${title}\n${rule}\n${recipient.join('\n')}\n${rule}\n` : `${title}\n${rule}\n`;
  assert.equal(text, `${head}${letter}${rule}\n${guidance}\n`);
  await context.close();
});

test('read aloud: large type shows the letter, line by line, and goes back', async () => {
  const { page, context } = await openApp(app.browser, app.url, { viewport: PHONE });
  await story(page);
  const doc = await choose(page, 'hotline', /打洛/);
  const letter = await doc.getByTestId('script-text').textContent();
  const toggle = page.getByRole('button', { name: '大字朗读' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const lines = await doc.getByTestId('read-aloud').locator('li').allTextContents();
  assert.equal(await doc.getByTestId('script-text').count(), 0, 'one view at a time');
  assert.ok(lines.length >= 5, `${lines.length} lines`);
  // The same words, only broken into short lines.
  const squeeze = (s) => s.replace(/\s+/g, '');
  assert.equal(squeeze(lines.join('')), squeeze(letter));
  // Short lines: none wider than the phone's screen holds at a glance.
  for (const l of lines) assert.ok([...l].length <= 60, `a long line: ${l}`);
  const size = await doc.getByTestId('read-aloud').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await page.locator('main').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size > normal, `large type: ${size}px against ${normal}px`);
  await toggle.click();
  assert.equal(await doc.getByTestId('script-text').textContent(), letter);
  await context.close();
});

test('personal fields go into the letters, stay after a reload, and are gone after erase', async () => {
  const { page, context } = await openApp(app.browser, app.url, { viewport: PHONE });
  await story(page);
  await choose(page, 'hotline', /打洛/);
  // Before anything is typed, the letter holds placeholders, not data.
  const blank = await page.getByTestId('script-text').textContent();
  for (const value of Object.values(PERSON)) assert.ok(!blank.includes(value));
  await typePerson(page, PERSON);
  const letter = await textMatching(page.getByTestId('script-text'), new RegExp(PERSON['wechat-id']));
  assert.ok(letter.includes(PERSON.name), 'the name is in the hotline script');
  assert.ok(letter.includes(PERSON['id-number']), 'the ID number is in the hotline script');
  // The other documents get them too.
  await choose(page, 'pi-access');
  await textMatching(page.getByTestId('script-text'), new RegExp(PERSON.name));

  // After a reload the case comes back from storage (the screening does not: run it again).
  await page.reload();
  await waitForData(page);
  assert.equal(await page.getByTestId('message-input').inputValue(), OFFICE);
  await goToStep(page, 2);
  await page.getByTestId('screen-run').click();
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  await goToStep(page, 4);
  await choose(page, 'hotline', /打洛/);
  for (const [field, value] of Object.entries(PERSON)) {
    assert.equal(await page.getByTestId(`person-${field}`).inputValue(), value, `${field} kept after reload`);
  }
  await textMatching(page.getByTestId('script-text'), new RegExp(PERSON['id-number']));

  await page.getByTestId('erase-all').click();
  await textMatching(page.getByTestId('notice'), /清除/);
  assert.equal(await currentStep(page), 1);
  const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  for (const value of Object.values(PERSON)) assert.ok(!stored.includes(value), `${value} left in storage: ${stored}`);
  await page.reload();
  await story(page);
  await choose(page, 'hotline', /打洛/);
  const details = page.locator('details.person');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  for (const field of Object.keys(PERSON)) {
    assert.equal(await page.getByTestId(`person-${field}`).inputValue(), '', `${field} erased`);
  }
  const after = await page.getByTestId('script-text').textContent();
  for (const value of Object.values(PERSON)) assert.ok(!after.includes(value), `${value} still in the letter`);
  await context.close();
});
