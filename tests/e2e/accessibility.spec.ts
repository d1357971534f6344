/**
 * Every main screen passes axe-core (WCAG 2.1 A and AA rules and axe's best practices) with no
 * serious or critical violation, in the light and the dark theme; and every control on it can
 * be reached with Tab and shows where the focus is.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { SCREENS, visit } from './screens.js';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every main screen passes the accessibility audit in the ${scheme} theme`, async ({ app, page, served }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await app.expectWelcome();
    expect(await seriousViolations(page), 'first run').toEqual([]);
    await app.createSampleDecision();
    const sampleUrl = page.url();
    for (const screen of SCREENS) {
      await visit(screen, app, { sampleUrl, dataDir: served.dataDir });
      expect(await seriousViolations(page), screen.name).toEqual([]);
    }
  });
}

/** Walks the Tab order: each stop must be a visible element with a visible focus indicator. */
async function tabThrough(page: Page, limit: number): Promise<{ stops: number; unmarked: string[] }> {
  // Focusing the body moves the Tab starting point to the top of the page.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const unmarked: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const ringed = style.boxShadow !== 'none';
      const path = [el.tagName.toLowerCase(), el.id && `#${el.id}`, el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)].filter(Boolean).join(' ');
      return { path: `${path} @${Math.round(rect.x)},${Math.round(rect.y)}`, marked: outlined || ringed, sized: rect.width > 0 && rect.height > 0 };
    });
    if (!info) break;
    if (seen.has(info.path)) break;
    seen.add(info.path);
    stops++;
    if (!info.marked || !info.sized) unmarked.push(info.path);
  }
  return { stops, unmarked };
}

test('every control is reached with Tab and shows its focus, on every main screen', async ({ app, page, served }) => {
  test.setTimeout(120_000);
  await app.createSampleDecision();
  const sampleUrl = page.url();
  for (const screen of SCREENS) {
    await visit(screen, app, { sampleUrl, dataDir: served.dataDir });
    const { stops, unmarked } = await tabThrough(page, 40);
    expect(stops, screen.name).toBeGreaterThanOrEqual(screen.minTabStops ?? 4);
    expect(unmarked, screen.name).toEqual([]);
  }
});

test('every form control on every main screen has an accessible name', async ({ app, page, served }) => {
  await app.createSampleDecision();
  const sampleUrl = page.url();
  for (const screen of SCREENS) {
    await visit(screen, app, { sampleUrl, dataDir: served.dataDir });
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
          return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed, screen.name).toEqual([]);
  }
});
