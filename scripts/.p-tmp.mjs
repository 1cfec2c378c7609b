import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://127.0.0.1:3200');
await page.getByRole('switch', { name: 'Step mode' }).click();
await page.keyboard.press('p');
await page.keyboard.press('ArrowRight'); // run
await page.waitForTimeout(800);
await page.keyboard.press('ArrowRight'); // step -> Message 0
await page.waitForTimeout(600);
await page.keyboard.press('ArrowRight'); // Message 1
await page.waitForTimeout(900);
await page.screenshot({ path: '/tmp/shots/present.png' });
await page.keyboard.press('ArrowLeft');
await page.waitForTimeout(400);
await page.screenshot({ path: '/tmp/shots/present-back.png' });
console.log(page.url());
await page.keyboard.press('?');
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/shots/help.png' });
await browser.close();
