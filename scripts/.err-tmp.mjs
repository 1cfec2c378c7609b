import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 800)));
page.on('pageerror', (e) => console.log('pageerror:', e.message, e.stack?.slice(0, 1500)));
await page.goto('http://127.0.0.1:3200');
await page.waitForTimeout(1500);
await browser.close();
