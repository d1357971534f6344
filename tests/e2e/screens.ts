/**
 * Every main screen, and how a user reaches it: the accessibility audit and the screenshots
 * walk this one list. A screen that lands later (wizard, export, import, compare) is added here
 * and is then audited and photographed with the rest.
 */
import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type { CairnApp } from './pages/CairnApp.js';

export interface ScreenContext {
  /** The sample decision's address. */
  sampleUrl: string;
  /** A scratch folder of this test run (an export goes there). */
  dataDir: string;
}

export interface Screen {
  /** Also the screenshot's file name. */
  name: string;
  /** The fewest Tab stops the screen must have (a modal dialog keeps Tab inside its few controls). */
  minTabStops?: number;
  open(app: CairnApp, ctx: ScreenContext): Promise<void>;
}

const PACK = 'Backend runtime: Node.js or Python';

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

async function libraryView(app: CairnApp, view: string | RegExp) {
  await app.openLibraryPack(PACK);
  await app.page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: view }).click();
}

export const SCREENS: Screen[] = [
  {
    name: 'welcome',
    async open(app) {
      await go(app.page, '#/welcome');
      await app.expectWelcome();
    },
  },
  {
    name: 'decision-list',
    async open(app) {
      await app.goToDecisions();
      await expect(app.page.getByRole('table')).toBeVisible();
    },
  },
  {
    // What opening a decision shows: the ADR rendered as export writes it.
    name: 'read',
    async open(app, { sampleUrl }) {
      await app.page.goto(sampleUrl);
      await expect(app.renderedAdr().getByRole('heading', { name: 'Decision Outcome' })).toBeVisible();
    },
  },
  {
    name: 'decision-editor',
    async open(app, { sampleUrl }) {
      await app.page.goto(`${sampleUrl}/edit`);
      await expect(app.page.getByRole('heading', { level: 1 })).toContainText('Sample:');
      await expect(app.field('Rationale')).not.toHaveValue('');
    },
  },
  ...['Question and context', 'Drivers', 'Evidence', 'Outcome', 'Review'].map((title, i): Screen => ({
    name: `guided-${i + 1}-${title.split(' ')[0]!.toLowerCase()}`,
    async open(app, { sampleUrl }) {
      await app.page.goto(`${sampleUrl}/wizard`);
      await app.page
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: new RegExp(`Step ${i + 1}: `) })
        .click();
      await app.expectStep(i + 1, title);
      await app.waitUntilSaved();
    },
  })),
  {
    name: 'decision-history',
    async open(app, { sampleUrl }) {
      await app.page.goto(sampleUrl.replace('#/decisions/', '#/history/'));
      await expect(app.page.getByRole('heading', { level: 1 })).toContainText('History of');
    },
  },
  {
    name: 'import-dialog',
    minTabStops: 1,
    async open(app) {
      await app.goToDecisions();
      await app.page.getByRole('button', { name: 'Import folder…' }).click();
      await expect(app.page.getByRole('dialog', { name: 'Import ADRs from a folder' })).toBeVisible();
    },
  },
  {
    name: 'export-dialog',
    minTabStops: 1,
    async open(app, { dataDir }) {
      const repo = path.join(dataDir, 'exports');
      fs.mkdirSync(repo, { recursive: true });
      await app.goToDecisions();
      await app.openExport();
      await app.previewExport(repo);
    },
  },
  {
    name: 'compare',
    async open(app, { sampleUrl }) {
      const sample = sampleUrl.split('/').pop()!;
      const other = await app.api('createDecision', {
        content: {
          title: 'Use Python for the reporting service',
          status: 'accepted',
          tags: ['reporting'],
          options: [{ id: 'python', name: 'Python' }],
          chosenOption: 'python',
        },
      });
      await app.page.goto(sampleUrl.replace(/#.*/, `#/compare/${sample}/${other.id}`));
      await expect(app.page.getByRole('heading', { level: 1, name: 'Compare decisions' })).toBeVisible();
      await expect(app.page.getByText('Loading…')).toHaveCount(0);
    },
  },
  {
    name: 'timeline',
    async open(app) {
      await app.goTo('Timeline');
      await expect(app.page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
    },
  },
  {
    name: 'relations',
    async open(app) {
      await app.goTo('Relations');
      await expect(app.page.getByRole('heading', { level: 1, name: 'Relations between decisions' })).toBeVisible();
    },
  },
  {
    name: 'library',
    async open(app) {
      await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
      await expect(app.page.getByRole('link', { name: PACK })).toBeVisible();
    },
  },
  {
    name: 'library-criterion',
    async open(app) {
      await app.openLibraryPack(PACK);
      await app.page
        .getByRole('navigation', { name: 'Criteria' })
        .getByRole('link', { name: /Threading and parallelism/ })
        .click();
      await expect(app.page.getByRole('heading', { level: 2, name: 'Threading and parallelism' })).toBeVisible();
    },
  },
  {
    name: 'library-sources',
    async open(app) {
      await libraryView(app, 'Sources');
      await expect(
        app.page.getByRole('link', { name: 'Python vs Node.js for Backend Development', exact: true }),
      ).toBeVisible();
    },
  },
  {
    name: 'library-source',
    async open(app) {
      await libraryView(app, 'Sources');
      await app.page.getByRole('link', { name: 'Python vs Node.js for Backend Development', exact: true }).click();
      await expect(
        app.page.getByRole('heading', { level: 2, name: 'Python vs Node.js for Backend Development' }),
      ).toBeVisible();
    },
  },
  {
    name: 'library-contradictions',
    async open(app) {
      await libraryView(app, /Contradictions/);
      await expect(app.page.getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'library-search',
    async open(app) {
      await libraryView(app, 'Search');
      await app.page.getByLabel('Search this pack’s claims and sources').fill('event loop');
      await expect(app.page.getByText(/\d+ results?/)).toBeVisible();
    },
  },
  {
    name: 'library-add',
    async open(app) {
      await libraryView(app, 'Add your own');
      await expect(app.page.getByRole('button', { name: 'Add source' })).toBeVisible();
    },
  },
  {
    name: 'help',
    async open(app) {
      await app.openHelp();
    },
  },
];

/** Opens a screen from wherever the last one left off: a dialog still open (the export) is closed first. */
export async function visit(screen: Screen, app: CairnApp, ctx: ScreenContext): Promise<void> {
  await app.page.evaluate(() =>
    document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close()),
  );
  await screen.open(app, ctx);
}
