// The result map (step 3) on the smallest phone and in high-contrast mode (issue 20: "it stays
// readable at 320 px and in high-contrast mode"). At 320 px the map fits the page (no sideways
// scroll) and every label placed in view lies inside the drawing at a readable size. With forced
// colors (Windows high contrast, emulated in Chromium with a dark scheme), every line, label and
// mark of the map is drawn in the system's colours on the system's canvas. Chromium keeps an
// SVG's own background in forced colors (forced-color-adjust: preserve-parent-color), so
// without the stylesheet's forced-colors rules for the map its lines and labels would be
// near-black on black, or white on its light grey drawing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './serve.mjs';
import { launch, openApp, waitForData, screenStay } from './browser.mjs';

let browser;
let server;
let url;

before(async () => {
  browser = await launch();
  ({ server, url } = await serve(process.env.DIST ?? 'dist'));
});
after(async () => {
  await browser?.close();
  server?.close();
});

// A stay by 打洛 in 2019: the map shows the region, the border, both countries and the stay.
async function openMap(viewport) {
  const opened = await openApp(browser, url, { viewport });
  const { page } = opened;
  await waitForData(page);
  await page.getByTestId('platform-wechat').check();
  await screenStay(page, { place: '打洛镇', from: '2019-09-03', to: '2019-09-05' });
  await page.getByTestId('map').waitFor();
  await page.getByTestId('map').scrollIntoViewIfNeeded();
  return opened;
}

test('at 320 px the map fits the page and its labels are inside it and readable', async () => {
  const { page, context, log } = await openMap({ width: 320, height: 640 });
  const seen = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="map"] svg');
    const box = svg.getBoundingClientRect();
    // Regions far out of view keep their label where the region is (outside the drawing, as the
    // region itself is): the labels that must be readable are those placed inside the view.
    const [vx, vy, vw, vh] = svg.getAttribute('viewBox').split(' ').map(Number);
    const inView = (text) => {
      const [x, y] = [Number(text.getAttribute('x')), Number(text.getAttribute('y'))];
      return x >= vx && x <= vx + vw && y >= vy && y <= vy + vh;
    };
    const labels = [...svg.querySelectorAll('text')].filter(inView).map((text) => {
      const r = text.getBoundingClientRect();
      const style = getComputedStyle(text);
      return {
        text: text.textContent,
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        height: r.height,
        shown: style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0,
      };
    });
    return {
      pageWidth: document.documentElement.scrollWidth,
      svg: { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width },
      labels,
    };
  });
  assert.ok(seen.pageWidth <= 320, `the page scrolls sideways: ${seen.pageWidth} px wide`);
  assert.ok(seen.svg.left >= 0 && seen.svg.right <= 320, `the map runs off the screen: ${JSON.stringify(seen.svg)}`);
  assert.ok(seen.svg.width > 200, `the map is drawn at a usable width: ${seen.svg.width} px`);
  // The nearest region, the stay, both countries and the scale bar are labelled.
  assert.ok(seen.labels.length >= 5, `labels: ${JSON.stringify(seen.labels.map((l) => l.text))}`);
  assert.ok(seen.labels.some((l) => /打洛|1 ·/.test(l.text)), 'the stay is labelled');
  assert.ok(seen.labels.some((l) => /小勐拉/.test(l.text)), 'the nearest region is named');
  assert.ok(seen.labels.some((l) => /^\d+ 公里$/.test(l.text)), 'the scale bar says how far');
  assert.ok(seen.labels.some((l) => /缅甸/.test(l.text)), 'Myanmar is named');
  assert.ok(seen.labels.some((l) => /中国/.test(l.text)), 'China is named');
  const slack = 1; // sub-pixel rounding
  for (const label of seen.labels) {
    assert.ok(label.shown, `${label.text} is hidden`);
    assert.ok(label.height >= 9, `${label.text} is ${label.height.toFixed(1)} px tall: too small to read`);
    assert.ok(
      label.left >= seen.svg.left - slack &&
        label.right <= seen.svg.right + slack &&
        label.top >= seen.svg.top - slack &&
        label.bottom <= seen.svg.bottom + slack,
      `${label.text} is cut off by the map's edge: ${JSON.stringify(label)} in ${JSON.stringify(seen.svg)}`,
    );
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('in forced colors the map draws its lines, labels and marks in the system colours', async () => {
  const { page, context, log } = await openMap({ width: 360, height: 740 });
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colors are on');
  const seen = await page.evaluate(() => {
    // What the system colours resolve to here, read from a probe element.
    const probe = document.createElement('div');
    document.body.append(probe);
    const system = (name) => {
      probe.style.color = name;
      return getComputedStyle(probe).color;
    };
    const colours = { text: system('CanvasText'), canvas: system('Canvas'), highlight: system('Highlight') };
    probe.remove();
    const svg = document.querySelector('[data-testid="map"] svg');
    const style = (el) => getComputedStyle(el);
    return {
      colours,
      background: style(svg).backgroundColor,
      labels: [...svg.querySelectorAll('text')].map((t) => ({
        text: t.textContent,
        fill: style(t).fill,
        stroke: style(t).stroke,
      })),
      lines: [...svg.querySelectorAll(':scope > g path, :scope > path, :scope > g line')].map((el) => ({
        tag: el.tagName,
        stroke: style(el).stroke,
      })),
      marks: [...svg.querySelectorAll('circle')].map((c) => ({ fill: style(c).fill, stroke: style(c).stroke })),
    };
  });
  const { text, canvas, highlight } = seen.colours;
  assert.notEqual(text, canvas, `the system colours differ: ${JSON.stringify(seen.colours)}`);
  // The drawing's background is the system's canvas, so the map's own colours must give way too.
  assert.equal(seen.background, canvas, 'the map sits on the system canvas');
  assert.ok(seen.labels.length >= 4, 'the labels are there');
  for (const label of seen.labels) {
    assert.equal(label.fill, text, `label ${label.text} is drawn in the system's text colour`);
    assert.equal(label.stroke, canvas, `label ${label.text} has a halo of the canvas colour`);
  }
  assert.ok(seen.lines.length >= 3, `the region outline, the border and the scale bar: ${JSON.stringify(seen.lines)}`);
  for (const line of seen.lines) {
    assert.ok(!/none|transparent|rgba\(0, 0, 0, 0\)/.test(line.stroke), `a ${line.tag} has no stroke`);
    assert.equal(line.stroke, text, `a ${line.tag} is drawn in the system's text colour`);
  }
  assert.ok(seen.marks.length >= 1, 'the stay is marked');
  for (const mark of seen.marks) {
    assert.equal(mark.fill, highlight, "the stay's dot is the system highlight");
    assert.equal(mark.stroke, canvas);
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
