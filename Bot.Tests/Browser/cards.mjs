// The bot's cards in Web Chat on a phone and a desktop, as a person reads them: sign in, ask for a
// due list and a task's detail, and check that no card's deadline or state is cut off, that the page
// never scrolls sideways, and how tall five tasks of the list are.
// Usage: node cards.mjs PAGE_URL ACCOUNT OUTPUT_FOLDER WIDTH HEIGHT QUESTION
// Prints "measure: {json}" lines, then "ok" or "fail: ...". Screenshots: cards-<width>-list.png, -detail.png.
import { runInPage } from './chromium.mjs';
import path from 'node:path';

const [baseUrl, account, output, width, height, question] = process.argv.slice(2);
const viewport = { width: Number(width), height: Number(height) };
const shot = name => path.join(output, `cards-${viewport.width}-${name}.png`);

// Every deadline and state element of the cards on the page: clipped when its text is wider than
// its box, or when its box reaches past the card (a column that cannot shrink).
const clipped = page => page.evaluate(() => [...document.querySelectorAll('[id^="due-"], [id^="state-"]')].flatMap(e => {
  const card = e.closest('.ac-adaptiveCard').getBoundingClientRect();
  const box = e.getBoundingClientRect();
  const problems = [];
  if (e.scrollWidth > e.clientWidth) problems.push(`${e.id} "${e.innerText}" scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}`);
  if (box.right > card.right + 0.5 || box.left < card.left - 0.5) problems.push(`${e.id} "${e.innerText}" spans ${box.left}-${box.right} outside the card ${card.left}-${card.right}`);
  return problems;
}));

const sideways = page => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

await runInPage(viewport, output, `cards-${viewport.width}`, async page => {
  const transcript = () => page.locator('.webchat__basic-transcript');
  const say = async text => {
    await page.locator('[data-id="webchat-sendbox-input"]').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  await page.goto(baseUrl);
  await page.locator(`button[data-account="${account}"]`).click();
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
  await transcript().getByText(/发送「帮助」/).first().waitFor();

  await say(question);
  const card = page.locator('.ac-adaptiveCard').last();
  await card.waitFor();
  await page.waitForTimeout(500); // fonts and layout settle
  const rows = await card.evaluate(c => [...c.querySelectorAll('[id^="task-"]')].map(r => {
    const box = r.getBoundingClientRect();
    return { id: r.id, top: box.top, bottom: box.bottom };
  }));
  if (rows.length < 5) throw new Error(`the list has ${rows.length} tasks; five are needed to measure`);
  // The check itself must be able to fail: a deadline squeezed into 20 px without wrapping is reported.
  await card.evaluate(c => c.insertAdjacentHTML('beforeend', '<div id="due-selftest" style="width:20px;white-space:nowrap;overflow:hidden">12月31日 周四</div>'));
  const caught = await clipped(page);
  await card.evaluate(c => c.querySelector('#due-selftest').remove());
  if (!caught.some(p => p.startsWith('due-selftest'))) throw new Error('the clipping check missed a clipped deadline: ' + JSON.stringify(caught));
  const transcriptBox = await transcript().evaluate(t => t.getBoundingClientRect().height);
  const list = {
    what: 'list', viewport, tasks: rows.length,
    fiveTasksHeight: Math.round(rows[4].bottom - rows[0].top),
    perTask: Math.round((rows[4].bottom - rows[0].top) / 5),
    transcriptHeight: Math.round(transcriptBox),
    cardWidth: Math.round(await card.evaluate(c => c.getBoundingClientRect().width)),
    ...(await sideways(page)),
    clipped: await clipped(page),
  };
  console.log('measure: ' + JSON.stringify(list));
  // The first five tasks, scrolled into view, as the phone shows them.
  await page.locator('#' + rows[0].id).evaluate(e => e.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('list') });

  const code = rows[0].id.slice('task-'.length);
  await say('详情 ' + code);
  await transcript().getByText(/^测评项目：/).last().waitFor();
  await page.waitForTimeout(500);
  const detail = { what: 'detail', viewport, ...(await sideways(page)), clipped: await clipped(page) };
  console.log('measure: ' + JSON.stringify(detail));
  await page.locator('.ac-adaptiveCard').last().evaluate(e => e.scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('detail') });

  // The detail's 完成 pressed: Web Chat sends the command as the person's own message (imBack), so
  // it shows in the transcript as if typed, and the bot confirms.
  await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: '完成', exact: true }).click();
  await transcript().getByText('完成 ' + code, { exact: true }).last().waitFor();
  await transcript().getByText(new RegExp('^已完成：' + code)).last().waitFor();
  console.log('step: pressed 完成, sent as the text "完成 ' + code + '" and confirmed');

  const problems = [...list.clipped, ...detail.clipped];
  if (list.scrollWidth > viewport.width || detail.scrollWidth > viewport.width) problems.push(`the page scrolls sideways: ${detail.scrollWidth} > ${viewport.width}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
});
