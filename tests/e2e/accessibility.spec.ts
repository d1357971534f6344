/**
 * One tour of every main screen per theme (in parts the two workers share), checking on each screen everything a screen owes the
 * user (one walk instead of one per check keeps `npm test` short):
 * - axe-core (WCAG 2.1 A and AA rules and axe's best practices; in the dark tour the rules a colour
 *   scheme can change) finds no serious or critical violation;
 * - it fits the window without sideways scrolling, the sidebar visible (the light tour in a small
 *   1024×700 window, the dark one on a 3840×2160 screen);
 * - every control can be reached with Tab and shows where the focus is, and every form control
 *   has an accessible name (checked once, in the light tour: neither depends on the theme).
 * The screenshots walk the same screens, only in `npm run screenshots`.
 */
import { axe } from './axe.js';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { SCREENS, visit } from './screens.js';

/**
 * The rules whose outcome a colour scheme can change. The light tour runs every rule; the dark one
 * only these, since names, roles, landmarks and the Tab order are the same markup in both themes
 * (axe's full run took most of each dark step's time on the 4K screen).
 */
const THEME_RULES = ['color-contrast', 'link-in-text-block'];

async function seriousViolations(page: Page, scope: 'all' | 'theme' = 'all'): Promise<string[]> {
  const builder = axe(page);
  const results = await (
    scope === 'theme'
      ? builder.withRules(THEME_RULES)
      : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  ).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

const TOURS = [
  { scheme: 'light', size: { width: 1024, height: 700 }, keyboard: true },
  { scheme: 'dark', size: { width: 3840, height: 2160 }, keyboard: false },
] as const;

/**
 * Each tour in parts of a few screens, so the two workers share the ~25 screens of both themes
 * instead of each walking one whole tour (the walk was the longest test of the suite).
 */
const PARTS = 3;
const partOf = (part: number) =>
  SCREENS.slice(Math.floor((part * SCREENS.length) / PARTS), Math.floor(((part + 1) * SCREENS.length) / PARTS));

for (const { scheme, size, keyboard } of TOURS) {
  for (let part = 0; part < PARTS; part++) {
    const screens = partOf(part);
    test(`main screens ${part + 1}/${PARTS} (${screens[0]!.name} … ${screens[screens.length - 1]!.name}), ${scheme} theme at ${size.width}×${size.height}: accessible, fits the window${keyboard ? ', reachable by keyboard' : ''}`, async ({
      app,
      page,
      served,
    }) => {
      // One walk does every check of its screens: generous, so a busy machine does not fail it.
      test.setTimeout(240_000);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await app.expectWelcome();
      const rules = keyboard ? 'all' : 'theme';
      if (part === 0) expect(await seriousViolations(page, rules), 'first run').toEqual([]);
      await app.createSampleDecision();
      const sampleUrl = page.url();
      for (const screen of screens) {
        // One step per screen, so a failure or a timeout names the screen it was on.
        await test.step(screen.name, async () => {
          await visit(screen, app, { sampleUrl, dataDir: served.dataDir });
          expect(await seriousViolations(page, rules), screen.name).toEqual([]);
          await expectFits(page, size, screen.name);
          if (!keyboard) return;
          expect(await unnamedControls(page), screen.name).toEqual([]);
          const { stops, unmarked } = await tabThrough(page, 40);
          expect(stops, screen.name).toBeGreaterThanOrEqual(screen.minTabStops ?? 4);
          expect(unmarked, screen.name).toEqual([]);
        });
      }
    });
  }
}

/** No sideways scrolling, the sidebar the window's full height, the main area most of the width. */
async function expectFits(page: Page, size: { width: number; height: number }, name: string): Promise<void> {
  const fit = await page.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    const nav = document.querySelector('nav.sidebar')!.getBoundingClientRect();
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      main: main.width,
      navVisible: nav.width > 0 && nav.height >= window.innerHeight - 1,
    };
  });
  expect(fit.overflow, name).toBeLessThanOrEqual(0);
  expect(fit.navVisible, name).toBe(true);
  expect(fit.main, name).toBeGreaterThan(Math.min(size.width * 0.6, 1400));
}

/** Visible inputs, selects, text areas and buttons with no label, aria-label or text. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const labelled =
          (el as HTMLInputElement).labels?.length ||
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby');
        return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/**
 * Walks the Tab order: each stop must be a visible element with a visible focus indicator. The page
 * notes where the focus is after each Tab (on the key's release, once the browser has moved it), so
 * the walk is one round trip per key instead of two; it ends at the first stop seen before, or when
 * the focus leaves the page (no key reaches it then).
 */
async function tabThrough(page: Page, limit: number): Promise<{ stops: number; unmarked: string[] }> {
  await page.evaluate(() => {
    // Focusing the body moves the Tab starting point to the top of the page.
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
    type Stop = { path: string; marked: boolean; sized: boolean } | null;
    const w = window as unknown as { __tabStops?: Stop[] };
    // One listener per page, however many screens the walk visits in it.
    if (!w.__tabStops) {
      window.addEventListener(
        'keyup',
        (event) => {
          if (event.key !== 'Tab') return;
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return void w.__tabStops!.push(null);
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          const ringed = style.boxShadow !== 'none';
          const path = [
            el.tagName.toLowerCase(),
            el.id && `#${el.id}`,
            el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40),
          ]
            .filter(Boolean)
            .join(' ');
          w.__tabStops!.push({
            path: `${path} @${Math.round(rect.x)},${Math.round(rect.y)}`,
            marked: outlined || ringed,
            sized: rect.width > 0 && rect.height > 0,
          });
        },
        { capture: true },
      );
    }
    w.__tabStops = [];
  });
  for (let i = 0; i < limit; i++) await page.keyboard.press('Tab');
  const walked = await page.evaluate(() => {
    const w = window as unknown as { __tabStops?: ({ path: string; marked: boolean; sized: boolean } | null)[] };
    return w.__tabStops ?? [];
  });
  const unmarked: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  for (const info of walked) {
    if (!info || seen.has(info.path)) break;
    seen.add(info.path);
    stops++;
    if (!info.marked || !info.sized) unmarked.push(info.path);
  }
  return { stops, unmarked };
}
