// The progress board in headless Chromium: sign in (as on the chat page), open /board/, print the
// numbers it shows, wait for the test to change the ledger through the bot, refresh, print them
// again, try the office filter, and keep a screenshot; then measure its layout on a phone and a desk.
// Usage: node board.mjs BASE_URL ACCOUNT OUTPUT_FOLDER; a line on stdin says the change is made.
import { boardLoaded, runInPage, stdinLines } from './chromium.mjs';
import { measureBoard } from './layout.mjs';
import path from 'node:path';

const [baseUrl, account, output] = process.argv.slice(2);
const lines = stdinLines();

await runInPage({ width: 1280, height: 1400 }, output, 'board', async page => {
  // What the page shows, read from its tables (the charts draw the same numbers on a canvas).
  const shown = () => page.evaluate(() => ({
    totals: ['total', 'done', 'due', 'overdue-count'].map(id => +document.getElementById(id).textContent),
    offices: [...document.querySelectorAll('#offices tbody tr')].map(r => ({ ...r.dataset })),
    overdue: [...document.querySelectorAll('#overdue tbody tr')].map(r => ({ ...r.dataset })),
    nextDays: [...document.querySelectorAll('#next-days tbody tr')].map(r => r.dataset.code),
    items: [...document.querySelectorAll('#items tbody tr')].map(r => ({ ...r.dataset })),
    charts: document.querySelectorAll('.chart canvas').length,
  }));
  const loaded = previous => boardLoaded(page, previous);

  await page.goto(baseUrl);
  await page.locator(`button[data-account="${account}"]`).click();
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor();

  await page.goto(new URL('board', baseUrl).href);
  let stamp = await loaded();
  console.log('numbers: ' + JSON.stringify(await shown()));
  // An item's tasks are fetched when it is opened.
  const firstItem = page.locator('#items tbody tr').first();
  await firstItem.locator('summary').click();
  await firstItem.locator('ul[data-loaded]').waitFor({ state: 'attached' });
  console.log('item-tasks: ' + JSON.stringify({ item: await firstItem.getAttribute('data-item'), listed: await firstItem.locator('li').count(), lines: await firstItem.locator('li').allTextContents() }));
  // The inspectors' binder, offered to a coordinator: the link downloads a zip (PK…) with the page's sign-in.
  const binder = await page.evaluate(async () => {
    const link = document.getElementById('binder');
    const response = await fetch(link.href);
    const head = new Uint8Array(await response.arrayBuffer()).slice(0, 2);
    return { visible: !link.hidden, status: response.status, zip: head[0] === 0x50 && head[1] === 0x4b };
  });
  console.log('binder: ' + JSON.stringify(binder));
  console.log('ready-for-change');
  await lines.next();

  await page.locator('#refresh').click();
  stamp = await loaded(stamp);
  console.log('numbers-after: ' + JSON.stringify(await shown()));
  await page.screenshot({ path: path.join(output, 'board.png'), fullPage: true });

  await page.locator('#office').selectOption({ label: '综合组' });
  await loaded(stamp);
  console.log('filtered: ' + JSON.stringify(await shown()));

  // On a phone and at a desk: board-390.png, board-1280.png.
  await measureBoard(page, 'board', output, new URL('board', baseUrl).href, () => loaded());
});
