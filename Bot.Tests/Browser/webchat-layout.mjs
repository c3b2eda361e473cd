// The chat page's layout on a phone and a desk, each state loaded fresh at each width, as a person
// opens it: MODE=sample measures the sample sign-in list and then the page signed in as a sample
// person (demo mode); MODE=proxy measures the page refused (no sign-on header) and then signed in
// through the sign-on proxy's header. Prints "layout: ..." lines (layout.mjs), keeps webchat-*.png.
// Usage: node webchat-layout.mjs BASE_URL ACCOUNT OUTPUT_FOLDER MODE
import { runInPage } from './chromium.mjs';
import { measureLayout, phoneAndDesk } from './layout.mjs';

const [baseUrl, account, output, mode] = process.argv.slice(2);

const header = { header: 'header', title: 'header h1' };
const signedIn = { ...header, visible: ['#board', '#who', '#sign-out'], sendBox: '.webchat__send-box' };

await runInPage(phoneAndDesk[0], output, 'webchat-layout', async page => {
  const each = async (name, ready, spec) => {
    for (const viewport of phoneAndDesk) {
      await page.setViewportSize(viewport);
      await page.goto(baseUrl);
      await ready();
      await measureLayout(page, name, output, spec);
    }
  };
  // Web Chat is connected once the bot's greeting is shown; the transcript has settled by then.
  const chatReady = async () => {
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor();
    await page.locator('.webchat__basic-transcript').getByText(/发送「帮助」/).first().waitFor();
  };

  if (mode === 'sample') {
    await each('webchat-sign-in', () => page.locator(`button[data-account="${account}"]`).waitFor(), { ...header, visible: ['#demo-notice'] });
    await page.locator(`button[data-account="${account}"]`).click();
    // The first turn (the greeting) finishes before the page is reloaded.
    await chatReady();
    await each('webchat-demo', chatReady, signedIn);
  } else {
    await each('webchat-refused', () => page.locator('.notice').waitFor(), { ...header, visible: ['.notice'] });
    await page.setExtraHTTPHeaders({ 'X-Forwarded-User': account });
    await each('webchat', chatReady, signedIn);
  }
});
