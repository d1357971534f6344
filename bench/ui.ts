/**
 * What a user feels, measured in Chromium against `cairn serve`'s host with 10,000 decisions in
 * the store and the shipped sample decision (216 claims): opening a decision's page, opening the
 * guided decision's evidence step, and accepting one claim until its option's score shows the change.
 * Each sample is timed from the user's action to the screen showing its answer, waiting on the DOM
 * (roles, labels, data attributes), never on text that depends on the reader's locale.
 */
import type { Browser, Page } from '@playwright/test';
import { createCore, defaultKnowledgeDir, type Core } from '../electron/core/core.js';
import { startHttpHost } from '../electron/host/http.js';
import { findRendererDir } from '../electron/cli/serve.js';
import { chromiumForTests } from '../scripts/chromium.js';

export interface UiRun {
  core: Core;
  page: Page;
  browser: Browser;
  /** The app's address with this run's token. */
  openUrl: string;
  /** The sample decision's id (the shipped pack's 216 claims). */
  sampleId: string;
  close(): Promise<void>;
}

/** The browser the e2e tests use (scripts/chromium.ts), launched headless. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  const found = chromiumForTests(chromium.executablePath());
  return chromium.launch({ executablePath: found.executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * Serves the store at `dbPath` (a copy of the seed with 10,000 decisions) with the shipped packs,
 * adds the sample decision, and opens the app in a fresh page.
 */
export async function openApp(dbPath: string): Promise<UiRun> {
  const core = createCore({ dbPath, knowledgeDir: defaultKnowledgeDir(), backups: false });
  const sample = await core.invoke('createSampleDecision', {});
  const rendererDir = findRendererDir();
  if (!rendererDir) throw new Error('Build the renderer first: npm run build:renderer');
  const host = await startHttpHost({ core, port: 0, rendererDir });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(host.openUrl);
  await page
    .locator('[data-total]')
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(() => page.getByRole('main').waitFor());
  return {
    core,
    page,
    browser,
    openUrl: host.openUrl,
    sampleId: sample.id,
    async close() {
      await browser.close();
      await host.close();
      core.close();
    },
  };
}

/**
 * The page's globals as the page-side functions below use them: this file compiles with Node's
 * types, not the DOM's. (Page code must be functions, not strings: the app's CSP forbids eval.)
 */
interface PageGlobals {
  location: { hash: string };
  document: {
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): ArrayLike<{ value: string }>;
    getElementById(id: string): { textContent: string | null } | null;
  };
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as PageGlobals).location.hash = h;
  }, hash);
}

/** Milliseconds from `act` to `until` resolving. */
async function timed(act: () => Promise<unknown>, until: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await act();
  await until();
  return performance.now() - t;
}

/**
 * Open a decision's page from elsewhere in the app: its read view (what opening a decision shows)
 * until its title heading and the rendered ADR show, or its editor (`view: 'edit'`) until its title
 * heading, its filled text fields and its relations panel's decision field show.
 */
export async function openDecisionSamples(
  run: UiRun,
  ids: { id: string; title: string }[],
  view: 'read' | 'edit' = 'read',
): Promise<number[]> {
  const { page } = run;
  const samples: number[] = [];
  for (const [i, d] of ids.entries()) {
    // Start each from Help, a screen that holds no decision (so nothing is reused) and loads nothing
    // (a screen still loading, like the timeline of 10,000, would be timed instead of the page).
    await go(page, '#/help');
    await page.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
    const t = await timed(
      () => go(page, view === 'read' ? `#/decisions/${d.id}` : `#/decisions/${d.id}/edit`),
      () =>
        page.waitForFunction(
          ([title, edit]) => {
            const { document } = globalThis as unknown as PageGlobals;
            if (!document.querySelector('h1')?.textContent?.includes(title)) return false;
            if (!edit)
              return (document.querySelector('[role="region"][aria-label="The ADR"]')?.textContent ?? '') !== '';
            return (
              Array.from(document.querySelectorAll('textarea')).some((t) => t.value !== '') &&
              document.querySelector('.relations [role="combobox"]') !== null
            );
          },
          [d.title, view === 'edit'] as const,
          { polling: 'raf' },
        ),
    );
    if (i > 0) samples.push(t); // the first one also loads the screen's code: a warm-up
  }
  return samples;
}

function stepButton(page: Page, n: number) {
  return page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^Step ${n}: `) });
}

function stepHeading(page: Page, n: number) {
  return page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${n} of 5: `) });
}

/** Open the sample's guided decision on step 2, then time the click on step 3 until its first criterion's evidence shows. */
export async function evidenceStepSamples(run: UiRun, count: number): Promise<{ samples: number[]; claims: number }> {
  const { page } = run;
  await go(page, `#/decisions/${run.sampleId}/wizard`);
  await stepButton(page, 2).click();
  await stepHeading(page, 2).waitFor();
  const samples: number[] = [];
  for (let i = 0; i <= count; i++) {
    const t = await timed(
      () => stepButton(page, 3).click(),
      async () => {
        await stepHeading(page, 3).waitFor();
        await page
          .getByRole('region', { name: /: evidence and score$/ })
          .first()
          .getByRole('button', { name: /^Accept:/ })
          .first()
          .waitFor();
      },
    );
    if (i > 0) samples.push(t);
    await stepButton(page, 2).click();
    await stepHeading(page, 2).waitFor();
  }
  const decision = await run.core.invoke('getDecision', { id: run.sampleId });
  return { samples, claims: decision.evaluation.claims.length };
}

/**
 * On the evidence step, find a claim whose verdict moves its option's score, then time flipping
 * that verdict (accept, then not, in turn) until the score badge shows the new score.
 */
export async function acceptClaimSamples(run: UiRun, count: number): Promise<number[]> {
  const { page } = run;
  await go(page, `#/decisions/${run.sampleId}/wizard`);
  await stepButton(page, 3).click();
  await stepHeading(page, 3).waitFor();
  const criteria = page.getByRole('navigation', { name: 'Criteria' }).getByRole('button');
  // The wizard's save state by its class (save-saved), not by its words.
  const saved = () => page.locator('.save-state.save-saved').waitFor();
  const badge = (region: ReturnType<Page['getByRole']>) => region.locator('.score-badge');
  for (let c = 0; c < (await criteria.count()); c++) {
    await criteria.nth(c).click();
    const regions = page.getByRole('region', { name: /: evidence and score$/ });
    await regions.first().waitFor();
    for (let r = 0; r < (await regions.count()); r++) {
      const region = regions.nth(r);
      const boxes = region.getByRole('button', { name: /^Accept:/ });
      for (let b = 0; b < Math.min(await boxes.count(), 6); b++) {
        const box = boxes.nth(b);
        const before = await badge(region).textContent();
        await box.click();
        const moved = await page
          .waitForFunction(
            ([el, was]) => el?.textContent !== was,
            [await badge(region).elementHandle(), before] as const,
            { timeout: 1500 },
          )
          .then(
            () => true,
            () => false,
          );
        await box.click(); // back as it was
        await page.waitForFunction(([el, was]) => el?.textContent === was, [
          await badge(region).elementHandle(),
          before,
        ] as const);
        await saved();
        if (!moved) continue;
        const samples: number[] = [];
        for (let i = 0; i <= count; i++) {
          const was = await badge(region).textContent();
          const handle = await badge(region).elementHandle();
          const t = await timed(
            () => box.click(),
            () => page.waitForFunction(([el, w]) => el?.textContent !== w, [handle, was] as const, { polling: 'raf' }),
          );
          if (i > 0) samples.push(t);
          await saved();
        }
        return samples;
      }
    }
  }
  throw new Error(
    'no claim on the sample’s evidence step moves a score when accepted: the bench cannot measure accepting one',
  );
}

/** The browser alone on the same work: a static page with 216 checkboxes, one toggled until a number changes. */
export async function bareToggleSamples(browser: Browser, count: number): Promise<number[]> {
  const page = await browser.newPage();
  const rows = Array.from(
    { length: 216 },
    (_, i) => `<li><label><input type="checkbox" data-i="${i}"> claim ${i}</label></li>`,
  ).join('');
  await page.setContent(
    `<output id="s">0</output><ul>${rows}</ul><script>document.addEventListener('change', () => { s.textContent = document.querySelectorAll('input:checked').length; });</script>`,
  );
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const was = await page.locator('#s').textContent();
    samples.push(
      await timed(
        () =>
          page
            .locator('input')
            .nth(i % 216)
            .click(),
        () =>
          page.waitForFunction(
            (w) => (globalThis as unknown as PageGlobals).document.getElementById('s')?.textContent !== w,
            was,
            {
              polling: 'raf',
            },
          ),
      ),
    );
  }
  await page.close();
  return samples;
}

/** The browser alone opening a page of the same size as the decision page: the engine figure for page opens. */
export async function bareOpenSamples(browser: Browser, count: number, html: string): Promise<number[]> {
  const page = await browser.newPage();
  const samples: number[] = [];
  for (let i = 0; i < count; i++)
    samples.push(
      await timed(
        () => page.setContent(html),
        () => page.locator('h1').waitFor(),
      ),
    );
  await page.close();
  return samples;
}
