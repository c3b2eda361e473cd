// What the browser scripts share: Debian's Chromium through playwright-core (`playwright install`
// cannot download browsers here), a page in Chinese in Shanghai's time zone, lines from the test on
// stdin, and one way to end: "ok", or "fail: ..." with a screenshot of the failure.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';
import path from 'node:path';

export const stdinLines = () => createInterface({ input: process.stdin })[Symbol.asyncIterator]();

// The board page stamps body[data-loaded] after each load: wait for a stamp other than the previous one.
export async function boardLoaded(page, previous) {
  await page.waitForFunction(p => document.body.dataset.loaded && document.body.dataset.loaded !== p, previous ?? null);
  return page.evaluate(() => document.body.dataset.loaded);
}

export async function runInPage(viewport, output, name, script) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.setDefaultTimeout(20000);
  page.on('websocket', socket => console.log('websocket: ' + new URL(socket.url()).pathname));
  page.on('console', message => { if (message.type() === 'error') console.log('browser console: ' + message.text()); });
  try {
    await script(page);
    console.log('ok');
  } catch (error) {
    console.log('fail: ' + (error && error.message ? error.message.split('\n')[0] : error));
    await page.screenshot({ path: path.join(output, name + '-failure.png'), fullPage: true }).catch(() => {});
    process.exitCode = 1;
  } finally {
    await browser.close();
    process.exit();
  }
}
