// The Web Chat page in headless Chromium, as a person uses it: sign in as a sample person, ask
// 本周到期, press 完成 on a task, send a photo with 完成, subscribe to reminders, then wait (the
// test runs the reminder job meanwhile) until the reminder appears in the open page.
// Usage: node webchat.mjs PAGE_URL ACCOUNT PHOTO OUTPUT_FOLDER; the expected reminder text arrives on stdin.
// STOP_AFTER_DONE=name.png ends after the 完成 confirmation with that screenshot.
import { runInPage, stdinLines } from './chromium.mjs';
import path from 'node:path';

const [baseUrl, account, photo, output] = process.argv.slice(2);
const step = text => console.log('step: ' + text);
const lines = stdinLines();

await runInPage({ width: 1000, height: 900 }, output, 'webchat', async page => {
  const transcript = () => page.locator('.webchat__basic-transcript');
  // Typed key by key: Web Chat's send box keeps its own state, which a programmatic fill bypasses.
  const type = async text => {
    await page.locator('[data-id="webchat-sendbox-input"]').click();
    await page.keyboard.type(text);
  };
  const say = async text => {
    await type(text);
    await page.keyboard.press('Enter');
  };

  await page.goto(baseUrl);
  step('sign-in list shown');
  await page.locator(`button[data-account="${account}"]`).click();
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
  // The bot greets a new conversation: once that is shown, Web Chat is connected and sends what is typed.
  await transcript().getByText(/发送「帮助」/).first().waitFor();
  step('signed in, Web Chat connected, greeted');

  await say('本周到期');
  await transcript().getByText(/到期（.+）：\d+ 项/).last().waitFor();
  const doneButtons = page.getByRole('button', { name: '完成', exact: true });
  await doneButtons.first().waitFor();
  step(`list shown with ${await doneButtons.count()} 完成 button(s)`);

  await doneButtons.first().click();
  const confirmation = transcript().getByText(/^已完成：T\d+/).last();
  await confirmation.waitFor();
  step('confirmed: ' + await confirmation.innerText());
  if (process.env.STOP_AFTER_DONE) {
    await page.screenshot({ path: path.join(output, process.env.STOP_AFTER_DONE), fullPage: true });
    return;
  }

  // A photo with 完成: Web Chat uploads it (multipart) with the text, and it becomes evidence.
  const code = process.env.PHOTO_TASK;
  if (code) {
    await type('完成 ' + code + ' 现场照片');
    await page.locator('input[type="file"]').setInputFiles(photo);
    // Web Chat reads the file and makes its thumbnail asynchronously before it can be sent with the text.
    await page.waitForTimeout(1500);
    await page.keyboard.press('Enter');
    // Two items of evidence: the note ("现场照片") and the photo.
    await transcript().getByText(new RegExp('^已完成：' + code + '.*佐证 2 项')).first().waitFor();
    // The photo is offered back from the bot's own store; the page's sign-in authorises the download.
    const link = transcript().locator('a[href*="/v3/directline/attachments/"]').first();
    await link.waitFor();
    const download = await page.request.get(await link.getAttribute('href'));
    if (download.status() !== 200 || download.headers()['content-type'] !== 'image/png') {
      throw new Error(`the photo came back as ${download.status()} ${download.headers()['content-type']}`);
    }
    step('photo recorded as evidence of ' + code + ' and downloadable by its uploader');
  }

  await say('订阅我的提醒');
  await transcript().getByText(/^已订阅/).first().waitFor();
  step('subscribed');

  console.log('ready-for-reminder');
  const expected = (await lines.next()).value.trim();
  await transcript().getByText(expected).first().waitFor({ timeout: 30000 });
  step('reminder arrived without a reload: ' + expected);

  await page.screenshot({ path: path.join(output, 'webchat.png'), fullPage: true });
});
