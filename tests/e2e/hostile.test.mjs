// Hostile input through the real UI (the built dist/ in Chromium): markup and script in every
// text field (the place, the freeze message), right-to-left and emoji text, a 100,000-character
// message, dates at the ends of the calendar, empty fields. Each case must end in one clear
// message in [data-testid=error] or in a verdict; the app must stay alive (no page error, no CSP
// violation, no dialog, no injected element, no request after load but static files, the page
// still answers) and keep what was entered.
//
// Cases run in order on one page per group, as a person would type them one after another, so
// "earlier input kept" and "still responds" are checked across cases too.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, reach, waitForData, screenStay, offOriginRequests } from './browser.mjs';

const OFFICIAL =
  '该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。';
const VERDICTS = ['likely', 'possible', 'unlikely', 'none'];
const GOOD = { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' };

/** Markup and script payloads; each carries `data-xss` so an injected element can be found. */
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1) data-xss>',
  '"><svg/onload=alert(1) data-xss>',
  "'--></textarea><iframe data-xss srcdoc=\"<script>alert(1)</script>\">",
  'javascript:alert(1)//<a href="javascript:alert(1)" data-xss>x</a>',
  '<a href="https://evil.example/steal" data-xss>点我解封</a>',
  '{{constructor.constructor("alert(1)")()}} ${alert(1)} #{alert(1)}',
  '&lt;b data-xss&gt;&#60;script&#62;alert(1)&#60;/script&#62;',
  '<style data-xss>*{display:none}</style><link rel=stylesheet href=https://evil.example/x.css data-xss>',
  "'; DROP TABLE stays; -- <math data-xss><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
];

const app = useApp({ serveDist: false });

/** One page for a group of cases, with everything it does recorded. */
async function session() {
  const url = await app.start();
  const origin = new URL(url).origin;
  const { page, log, context } = await openApp(app.browser, url);
  log.dialogs = [];
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await waitForData(page);
  await page.waitForLoadState('networkidle');
  return { page, log, context, origin, loaded: log.requests.length };
}

async function fillMessage(page, text) {
  const field = await reach(page, 'message-input');
  await field.fill(text);
}

/**
 * Waits until the run has settled: an error is shown (containing `errorIncludes`, when given, so a
 * message left from the case before does not count), or a verdict is rendered.
 */
async function outcome(page, errorIncludes = '') {
  const error = page.getByTestId('error');
  const verdict = page.getByTestId('verdict');
  await page.waitForFunction(
    (part) => {
      const e = document.querySelector('[data-testid=error]');
      const v = document.querySelector('[data-testid=verdict]');
      const shown = (el) => el && (el.offsetWidth || el.offsetHeight) && el.textContent.trim();
      return (shown(e) && e.textContent.includes(part)) || shown(v);
    },
    errorIncludes,
    { timeout: 20_000 },
  );
  if (await error.isVisible()) return { error: (await error.textContent()).trim() };
  return { verdict: await verdict.getAttribute('data-verdict') };
}

/** The checks every case ends with. */
async function alive(s, { place, from, to, message } = {}) {
  const { page, log, origin, loaded } = s;
  // The page still answers, and nothing was injected or run.
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  assert.equal(await page.locator('[data-xss]').count(), 0, 'an injected element is in the page');
  assert.deepEqual(log.dialogs, [], 'a script ran (dialog)');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.cspViolations, []);
  assert.deepEqual(offOriginRequests(log, origin), []);
  // After load, only the letters worker may start (a result selects its first document): its
  // own files and the shipped data, same origin, exact names. Anything else is a request the
  // hostile input caused.
  const lazy = /^\/(letters(_loader|_bg)?\.(js|wasm)|data\/[a-z]+\.json)$/;
  const later = log.requests
    .slice(loaded)
    .map((r) => r.url)
    .filter((u) => !(u.startsWith(origin) && lazy.test(new URL(u).pathname)));
  assert.deepEqual(later, [], 'a request after load');
  // Earlier input kept.
  const kept = { 'stay-place': place, 'stay-from': from, 'stay-to': to, 'message-input': message };
  for (const [testid, value] of Object.entries(kept)) {
    if (value === undefined) continue;
    const field = await reach(page, testid);
    const now = await field.inputValue();
    assert.equal(now.length, value.length, `${testid} lost its input`);
    assert.equal(now, value, `${testid} changed`);
  }
}

function clear(text) {
  assert.ok(text.length > 0, 'an empty error');
  // Leaked internals; a "NaN" the person typed may be quoted back, a bare NaN may not.
  assert.doesNotMatch(text, /undefined|null|(?<!")NaN(?!")|panicked|RuntimeError|unreachable|\[object/, text);
}

// ---- the place field ------------------------------------------------------------------------

describe('hostile place names', () => {
  let s;
  before(async () => {
    s = await session();
    await screenStay(s.page, GOOD);
    assert.equal((await outcome(s.page)).verdict, 'possible');
  });
  after(async () => s?.context.close());

  const places = [
    ...XSS.map((p) => [`markup: ${p.slice(0, 40)}`, p]),
    ['right-to-left Arabic', 'مونغ لا'],
    ['right-to-left Hebrew with an override', '\u202Eמונג לה\u202C'],
    ['emoji only', '🎰🇲🇲💸'],
    ['a joined emoji family before a real name', '👨‍👩‍👧‍👦打洛镇'],
    ['a zero-width space inside a real name', '打\u200B洛镇'],
    ['10,000 characters', '勐'.repeat(10_000)],
    ['a real name with markup after it', '打洛镇<script>alert(1)</script>'],
    ['only spaces', '    '],
  ];
  for (const [name, place] of places) {
    test(`place: ${name} → a clear message, the earlier verdict and the input kept`, async () => {
      const stay = { place, from: '2019-09-03', to: '2019-09-05' };
      await screenStay(s.page, stay);
      const quoted = place.trim() && place.length < 200 ? place.trim() : '';
      const result = await outcome(s.page, quoted);
      assert.ok(result.error, `expected an error, got ${JSON.stringify(result)}`);
      clear(result.error);
      if (place.trim() && place.length < 200) {
        // Quoted back as text, exactly as typed.
        assert.ok(result.error.includes(place.trim()), result.error);
      }
      assert.ok(result.error.length < 12_000, 'the message does not run on');
      // If the flow still shows the earlier run's verdict, it is unchanged.
      if (await s.page.getByTestId('verdict').count()) {
        assert.equal(await s.page.getByTestId('verdict').getAttribute('data-verdict'), 'possible');
      }
      await alive(s, stay);
    });
  }

  test('place: after all of that, a real place screens again', async () => {
    await screenStay(s.page, GOOD);
    // The last case's message stays until the answer to this run replaces it.
    await s.page.getByTestId('error').waitFor({ state: 'hidden', timeout: 20_000 });
    assert.equal((await outcome(s.page)).verdict, 'possible');
    await alive(s, GOOD);
  });
});

// ---- the message field -------------------------------------------------------------------------

describe('hostile freeze messages', () => {
  let s;
  before(async () => {
    s = await session();
  });
  after(async () => s?.context.close());

  const long = ('<script>alert(1)</script>\u202E涉及欺诈🎰 ' + 'x'.repeat(70)).repeat(1_000);
  // A precondition of the case below, not a test: alive() then checks all of it is kept.
  assert.ok(long.length >= 100_000, `the long message is only ${long.length} characters`);
  const messages = [
    ...XSS.slice(0, 6).map((m) => [`markup: ${m.slice(0, 40)}`, m]),
    ['the official message with markup appended', OFFICIAL + XSS[1]],
    ['100,000 characters of markup, RTL and emoji', long],
    ['right-to-left Arabic', 'تم تجميد حسابك بسبب الاحتيال'],
    ['emoji only', '🥶🔒💬🧊'],
    ['a right-to-left override inside the official message', OFFICIAL.slice(0, 8) + '\u202E' + OFFICIAL.slice(8)],
    ['only spaces and newlines', '   \n\n\t  '],
  ];
  for (const [name, message] of messages) {
    test(`message: ${name} → a verdict, the input kept`, async () => {
      await fillMessage(s.page, message);
      await screenStay(s.page, GOOD);
      const result = await outcome(s.page);
      assert.ok(VERDICTS.includes(result.verdict), JSON.stringify(result).slice(0, 300));
      const cause = s.page.getByTestId('cause');
      if (await cause.count()) clear((await cause.textContent()).trim());
      await alive(s, { ...GOOD, message });
    });
  }
});

// ---- dates ------------------------------------------------------------------------------------

describe('dates far in the past and future', () => {
  let s;
  before(async () => {
    s = await session();
  });
  after(async () => s?.context.close());

  const dates = [
    ['the first to the last day of the calendar', '0001-01-01', '9999-12-31', 'verdict'],
    ['a day in 1900', '1900-01-01', '1900-01-02', 'verdict'],
    ['a week in 2099', '2099-01-01', '2099-01-07', 'either'],
    ['the last two days of year 9999', '9999-12-30', '9999-12-31', 'either'],
    ['an end eight thousand years before the start', '9999-12-31', '0001-01-01', 'error'],
    ['one day, the first of the calendar', '0001-01-01', '0001-01-01', 'verdict'],
  ];
  for (const [name, from, to, expected] of dates) {
    test(`dates: ${name} → ${expected === 'either' ? 'a verdict or a clear message' : expected}`, async () => {
      const stay = { place: '打洛镇', from, to };
      await screenStay(s.page, stay);
      // A verdict is expected: the previous case's message stays until this run's answer.
      if (expected === 'verdict') {
        await s.page.getByTestId('error').waitFor({ state: 'hidden', timeout: 20_000 });
      }
      const result = await outcome(s.page);
      if (expected === 'verdict') assert.ok(VERDICTS.includes(result.verdict), JSON.stringify(result));
      else if (expected === 'error') {
        assert.ok(result.error, JSON.stringify(result));
        assert.match(result.error, /结束日期.*早于开始日期/);
      } else assert.ok(result.error || VERDICTS.includes(result.verdict), JSON.stringify(result));
      if (result.error) clear(result.error);
      await alive(s, stay);
    });
  }
});

// ---- empty fields -----------------------------------------------------------------------------

describe('empty fields', () => {
  let s;
  before(async () => {
    s = await session();
  });
  after(async () => s?.context.close());

  // [case, stay, the message expected, a part of it to wait for (the previous case's message
  // stays until this run's answer replaces it)]
  const empties = [
    ['everything empty', { place: '', from: '', to: '' }, /还没填写/, '还没填写'],
    ['no place', { place: '', from: '2019-09-03', to: '2019-09-05' }, /地点.*还没填写/, '地点'],
    ['no start date', { place: '打洛镇', from: '', to: '2019-09-05' }, /开始日期.*还没填写/, '开始日期'],
    ['no end date', { place: '打洛镇', from: '2019-09-03', to: '' }, /结束日期.*还没填写/, '结束日期'],
  ];
  for (const [name, stay, message, part] of empties) {
    test(`empty: ${name} → a message naming the field`, async () => {
      await screenStay(s.page, stay);
      const result = await outcome(s.page, part);
      assert.ok(result.error, JSON.stringify(result));
      assert.match(result.error, message);
      await alive(s, stay);
    });
  }
  test('empty: no message at all still gives a verdict', async () => {
    await fillMessage(s.page, '');
    await screenStay(s.page, GOOD);
    const result = await outcome(s.page);
    assert.ok(VERDICTS.includes(result.verdict), JSON.stringify(result));
    await alive(s, { ...GOOD, message: '' });
  });
});

// ---- the checks themselves ----------------------------------------------------------------------

describe('the liveness checks can fail', () => {
  let s;
  before(async () => {
    s = await session();
  });
  after(async () => s?.context.close());

  test('an injected element, a dialog, a page error and lost input are each caught', async () => {
    await screenStay(s.page, GOOD);
    await outcome(s.page);
    await alive(s, GOOD);
    await s.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<i data-xss></i>'));
    await assert.rejects(alive(s, GOOD), /injected element/);
    await s.page.evaluate(() => document.querySelector('[data-xss]').remove());
    const dialog = s.page.waitForEvent('dialog');
    await s.page.evaluate(() => setTimeout(() => alert('pwned'), 0));
    await dialog;
    await assert.rejects(alive(s, GOOD), /dialog/);
    s.log.dialogs.length = 0;
    await assert.rejects(alive(s, { ...GOOD, place: '昆明' }), /stay-place/);
    const pageError = s.page.waitForEvent('pageerror');
    await s.page.evaluate(() => setTimeout(() => {
      throw new Error('boom');
    }, 0));
    await pageError;
    await assert.rejects(alive(s, GOOD), /boom/);
  });
});

// ---- imported case files (case-import) ---------------------------------------------------------

describe('hostile imported case files', () => {
  let s;
  const typed = '这是我之前输入的提示';
  before(async () => {
    s = await session();
    await fillMessage(s.page, typed);
  });
  after(async () => s?.context.close());

  async function importFile(file) {
    // The file input sits on every step; reach it from wherever the flow is.
    await s.page.getByTestId('case-import').setInputFiles(file);
  }
  const json = (value) => ({ name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });
  const stay = (fields) => ({ version: 1, frozen_on: '2019-10-14', stays: [{ from: '2019-09-03', to: '2019-09-05', ...fields }] });

  const refused = [
    // Said in words, not the JSON parser's "EOF while parsing a value".
    ['a 0-byte file', json(''), '案例文件：文件是空的或不完整，请选择本工具导出的完整文件。'],
    ['binary garbage', { name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)) }, '不是本工具导出的案例文件'],
    ['a PNG named .json', { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') }, '不是本工具导出的案例文件'],
    ['deeply nested JSON', json('['.repeat(100_000) + ']'.repeat(100_000)), '[0]'],
    ['NaN as a string', json(stay({ lat: 'NaN', lon: 100 })), '第 1 段停留的纬度'],
    ['Infinity as a number that overflows', json(JSON.stringify(stay({ lat: 21.7, lon: 100 })).replace('100', '1e999')), '第 1 段停留的经度'],
  ];
  for (const [name, file, fragment] of refused) {
    test(`import: ${name} → a clear message, the case typed before kept`, async () => {
      await importFile(file);
      const result = await outcome(s.page, fragment);
      assert.ok(result.error?.includes(fragment), JSON.stringify(result));
      clear(result.error);
      await alive(s, { message: typed });
    });
  }

  test('import: a 1 GB file → a message within a minute, the page alive, the case kept', async () => {
    const { openSync, ftruncateSync, closeSync, rmSync } = await import('node:fs');
    const path = `${(await import('node:os')).tmpdir()}/hostile-1g-${process.pid}.json`;
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1 << 30);
    closeSync(fd);
    try {
      // Refused by its size before a byte is read (Chromium cannot make a 1 GB string: reading
      // it used to fail and be reported as an empty file). The timeout is a hang guard.
      await importFile(path);
      const tooLarge = '这个文件超过 16 MB，不是本工具导出的案例文件';
      const result = await outcome(s.page, tooLarge);
      assert.ok(result.error?.startsWith(tooLarge), JSON.stringify(result));
      clear(result.error);
      await alive(s, { message: typed });
    } finally {
      rmSync(path, { force: true });
    }
  });

  test('import: a latitude of 91 is imported, and screening it names the latitude', async () => {
    await importFile(json(stay({ lat: 91, lon: 100 })));
    // Imported: the flow is back on step 1 with the file's (empty) message and no error.
    await s.page.waitForFunction(() =>
      document.querySelector('main')?.dataset.step === '1' &&
      document.querySelector('[data-testid=message-input]')?.value === '' &&
      document.querySelector('[data-testid=error]')?.hidden);
    await (await reach(s.page, 'screen-run')).click();
    const result = await outcome(s.page, '纬度');
    assert.ok(result.error?.includes('纬度'), JSON.stringify(result));
    clear(result.error);
    await alive(s, { from: '2019-09-03', to: '2019-09-05' });
  });

  test('import: markup in every field of a case file is imported as text and screened', async () => {
    const place = '<img src=x onerror=alert(1) data-xss>';
    const message = '</textarea><svg onload=alert(1) data-xss>';
    await importFile(json({ version: 1, frozen_on: '2019-10-14', freeze_message: message, platforms: ['wechat'], stays: [{ place, from: '2019-09-03', to: '2019-09-05', note: XSS[3] }] }));
    // Imported: step 1 shows the file's message.
    await s.page.waitForFunction(
      (m) => document.querySelector('[data-testid=message-input]')?.value === m,
      message,
    );
    await alive(s, { place, message, from: '2019-09-03', to: '2019-09-05' });
    // Screening it quotes the place back as text.
    await (await reach(s.page, 'screen-run')).click();
    const result = await outcome(s.page, place);
    assert.ok(result.error?.includes(place), JSON.stringify(result));
    await alive(s, { place, message });
  });
});
