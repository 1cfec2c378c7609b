// Takes the README's screenshots of a running Stepstream (default http://127.0.0.1:3000): the
// default stream mid-run (desktop, while the generator sleeps after Message 1) and finished (phone).
// Usage: node scripts/screenshot.mjs [baseUrl] [outDir]   (README's image: public/screenshot.png)
import { chromium } from '@playwright/test';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000';
const outDir = process.argv[3] ?? 'public';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const [name, width, height] of [
  ['screenshot', 1366, 768],
  ['screenshot-phone', 360, 780],
]) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  if (name === 'screenshot') {
    await page.getByRole('cell', { name: 'Message 1', exact: true }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(450);
  } else {
    await page.getByTestId('connection-state').getByText('Closed').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1000);
  }
  await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: name !== 'screenshot' });
  await page.close();
}
await browser.close();
