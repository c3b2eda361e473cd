// The board's item filter beyond its cap: sign in, open /board/, type a part of an item's name in
// the search beside the filter, then its whole name as the search offers it, and print what the
// board then shows. Usage: node board-search.mjs BASE_URL ACCOUNT OUTPUT_FOLDER ITEM
import { boardLoaded, runInPage } from './chromium.mjs';
import path from 'node:path';

const [baseUrl, account, output, item] = process.argv.slice(2);

await runInPage({ width: 390, height: 844 }, output, 'board-search', async page => {
  await page.goto(baseUrl);
  await page.locator(`button[data-account="${account}"]`).click();
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor();

  await page.goto(new URL('board', baseUrl).href);
  const stamp = await boardLoaded(page);
  const search = page.locator('#item-search');
  const offered = await page.evaluate(item => ({
    listed: document.getElementById('item').options.length - 1,
    alreadyListed: [...document.getElementById('item').options].some(o => o.value === item),
    placeholder: document.getElementById('item-search').placeholder,
    visible: !document.getElementById('item-search').hidden,
  }), item);
  console.log('offered: ' + JSON.stringify(offered));

  await search.fill(item.slice(0, -1));
  await page.locator('#item-search[data-found]').waitFor({ state: 'attached' });
  const found = await page.evaluate(() => [...document.querySelectorAll('#item-found option')].map(o => o.value));
  // Picking a suggestion puts its whole name in the box, as fill does.
  await search.fill(item);
  await boardLoaded(page, stamp);
  const chosen = await page.evaluate(() => ({
    item: document.getElementById('item').value,
    items: [...document.querySelectorAll('#items tbody tr')].map(r => r.dataset.item),
  }));
  console.log('chosen: ' + JSON.stringify({ found, ...chosen }));
  await page.screenshot({ path: path.join(output, 'board-search-390.png') });
});
