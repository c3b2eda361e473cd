// The progress board as a member of one office: sign in, open /board/, and print which office the
// page chose and the office lines it shows; then choose 全部单位 and print them again; then measure
// the page as it opens for them on a phone and a desk.
// Usage: node board-member.mjs BASE_URL ACCOUNT OUTPUT_FOLDER
import { boardLoaded, runInPage } from './chromium.mjs';
import { measureBoard } from './layout.mjs';

const [baseUrl, account, output] = process.argv.slice(2);

await runInPage({ width: 1280, height: 1400 }, output, 'board-member', async page => {
  const offices = () => page.evaluate(() => [...document.querySelectorAll('#offices tbody tr')].map(r => r.dataset.office));
  const loaded = previous => boardLoaded(page, previous);

  await page.goto(baseUrl);
  await page.locator(`button[data-account="${account}"]`).click();
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor();

  await page.goto(new URL('board', baseUrl).href);
  const stamp = await loaded();
  const chosen = await page.evaluate(() => document.getElementById('office').selectedOptions[0].textContent);
  const binderVisible = await page.evaluate(() => !document.getElementById('binder').hidden);
  console.log('opened: ' + JSON.stringify({ chosen, offices: await offices(), binderVisible }));

  await page.locator('#office').selectOption({ value: '' });
  await loaded(stamp);
  console.log('everything: ' + JSON.stringify({ offices: await offices() }));

  // As the member first sees it (their own office), on a phone and at a desk: board-member-390.png, -1280.png.
  await measureBoard(page, 'board-member', output, new URL('board', baseUrl).href, () => loaded());
});
