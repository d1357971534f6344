import { chromium } from '@playwright/test';
const url = process.argv[2];
const base = url.replace(/#.*/, '');
const token = /#token=(\S+)/.exec(url)[1];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
  await page.goto(url);
  await page.waitForTimeout(800);
  await page.goto(base + '#/library/_new');
  await page.getByLabel('Title', { exact: true }).fill('Order storage');
  await page.getByLabel('Option 1', { exact: true }).fill('PostgreSQL');
  await page.getByRole('button', { name: 'Create pack' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/ev-newpack-${scheme}.png`, fullPage: true });
  await page.goto(base + '#/library/order-storage/suggestions/own-source-1');
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Accept…' }).first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/ev-sugg-${scheme}.png`, fullPage: false });
  await page.goto(base + '#/library');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/ev-list-${scheme}.png`, fullPage: true });
  await page.close();
}
await browser.close();
