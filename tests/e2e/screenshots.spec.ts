/**
 * Pictures of every main screen in both themes, run only by `npm run screenshots`, which writes
 * them to docs/screenshots/ for the README (playwright.config.ts leaves this file out of a test
 * run). New screens join through tests/e2e/screens.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pngSize } from '../../scripts/icon-formats.js';
import { expect, test } from './fixtures.js';
import { SCREENS, visit } from './screens.js';

const VIEWPORT = { width: 1440, height: 900 };

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of every main screen, ${theme} theme`, async ({ app, page, served }, testInfo) => {
    test.setTimeout(120_000);
    const dir = process.env.CAIRN_SCREENSHOTS_DIR
      ? path.resolve(process.env.CAIRN_SCREENSHOTS_DIR)
      : testInfo.outputPath('screenshots');
    fs.mkdirSync(dir, { recursive: true });
    await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ colorScheme: theme });

    const shoot = async (name: string) => {
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await app.shownTheme()).toBe(theme);
      const file = path.join(dir, `${name}-${theme}.png`);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      expect(pngSize(fs.readFileSync(file))).toEqual(VIEWPORT);
    };

    await app.expectWelcome();
    await app.createSampleDecision();
    const sampleUrl = page.url();
    for (const screen of SCREENS) {
      await visit(screen, app, { sampleUrl, dataDir: served.dataDir });
      await shoot(screen.name);
    }
  });
}
