// How a page sits on a phone (390×844) and a desk (1280×800): measured in the page, printed as one
// "layout: {json}" line per page and width for PageLayout.cs to judge, with a screenshot of each
// (<name>-<width>.png) kept beside the other screenshots for a person to look at.
import path from 'node:path';

export const phoneAndDesk = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];

// spec: { header, title, visible: [selectors that must be fully on screen], sendBox, dates, cells, sections, totals }
export async function measureLayout(page, name, output, spec, { fullPage = false } = {}) {
  const measured = await page.evaluate(inPage, spec);
  const viewport = page.viewportSize();
  console.log('layout: ' + JSON.stringify({ page: name, ...measured }));
  await page.screenshot({ path: path.join(output, `${name}-${viewport.width}.png`), fullPage });
  return measured;
}

// Runs in the browser: only what a person would notice, in CSS pixels.
function inPage(spec) {
  const box = element => {
    const r = element.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width), height: Math.round(r.height) };
  };
  // Lines of text an element's content takes: the distinct tops of its text's boxes.
  const lines = element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  };
  const shown = element => element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const all = selector => selector ? [...document.querySelectorAll(selector)].filter(shown) : [];
  const one = selector => all(selector)[0];
  const header = one(spec.header);
  const title = one(spec.title);
  const sendBox = one(spec.sendBox);
  return {
    expects: { sendBox: !!spec.sendBox, dates: !!spec.dates, sideBySideWhenWide: spec.sideBySideWhenWide || [] },
    viewportWidth: innerWidth,
    viewportHeight: innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    scrollY: Math.round(scrollY),
    header: header ? { ...box(header), text: header.innerText } : null,
    title: title ? { text: title.textContent, lines: lines(title), ellipsis: getComputedStyle(title).textOverflow === 'ellipsis' } : null,
    visible: (spec.visible || []).map(selector => ({ selector, box: one(selector) ? box(one(selector)) : null })),
    sendBox: sendBox ? box(sendBox) : null,
    // Dates are read whole: one line, nothing cut off.
    dates: all(spec.dates).map(d => ({ text: d.textContent, lines: lines(d), clipped: d.scrollWidth > d.clientWidth + 1 })),
    // Cells squeezed to a character or two per line ("逾/期/任/务"): several lines of at most two characters.
    squeezed: all(spec.cells).filter(c => { const n = lines(c); return n > 1 && c.textContent.trim().length / n <= 2; })
      .map(c => c.textContent.trim().slice(0, 20)),
    sections: all(spec.sections).map(s => ({ name: s.id || s.querySelector('h2')?.textContent || s.className, ...box(s) })),
    // Text that runs past the right edge of the screen (as 逾期 0 项 did).
    offScreen: all(spec.totals).filter(e => box(e).right > innerWidth || box(e).left < 0).map(e => e.textContent.trim()),
  };
}

// The board (board.mjs, board-member.mjs): loaded fresh at each width, the first evaluation item
// opened (its task list is part of what is read on a phone), measured, and a full-page screenshot.
export const boardSpec = {
  header: 'header', title: 'header h1', visible: ['header a[href="../"]'],
  dates: '#overdue tbody td:nth-child(4), #next-days tbody td:nth-child(1), #items li .nowrap',
  cells: 'main td', sections: 'main > section', totals: '.totals span',
  sideBySideWhenWide: ['逾期任务', '未来 14 天'],
};

export async function measureBoard(page, name, output, url, loaded) {
  for (const viewport of phoneAndDesk) {
    await page.setViewportSize(viewport);
    await page.goto(url);
    await loaded();
    const firstItem = page.locator('#items tbody tr').first();
    await firstItem.locator('summary').click();
    await firstItem.locator('ul[data-loaded]').waitFor({ state: 'attached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await measureLayout(page, name, output, boardSpec, { fullPage: true });
  }
}
