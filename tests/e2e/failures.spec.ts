/**
 * Reads that used to fail in silence now say so, with a way to ask again. The host's answer to
 * one method is replaced by an error result (the shape `cairn serve` gives a failed call), the
 * message is checked, then the real host answers again and "Check again" / "Try again" recovers.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { CairnApp } from './pages/CairnApp.js';

const DISK = 'The database file could not be read (disk I/O error). Check the disk, then try again.';

/** Until the returned function is called, the host answers `method` with an `io` error. */
async function failing(page: Page, method: string): Promise<() => Promise<void>> {
  const pattern = `**/api/${method}`;
  await page.route(pattern, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'io', message: DISK } }),
    }),
  );
  return () => page.unroute(pattern);
}

test('when the database health check fails, the app still opens and says it could not check', async ({
  page,
  served,
}) => {
  await served.api('createDecision', { content: { title: 'Use PostgreSQL for orders' } });
  const heal = await failing(page, 'getStoreStatus');
  const app = new CairnApp(page, served.url);
  await app.open();
  const problem = page.getByRole('alert').filter({ hasText: 'could not check the database for damage' });
  await expect(problem).toContainText(DISK);
  await page.screenshot({ path: test.info().outputPath('store-check-failed.png') });
  await app.goToDecisions();
  await expect(page.getByRole('link', { name: 'Use PostgreSQL for orders', exact: true })).toBeVisible();

  await heal();
  await problem.getByRole('button', { name: 'Check again' }).click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
});

test("evidence that cannot be checked is said in the list and on the decision's page, and checking again clears it", async ({
  app,
  page,
  served,
}) => {
  await served.api('createDecision', { content: { title: 'Pick a broker for orders' } });
  const heal = await failing(page, 'listEvidenceChanges');
  // The list says it could not mark changed evidence, rather than showing no tag as if none changed.
  await app.goToDecisions();
  const listProblem = page.getByRole('alert').filter({ hasText: "could not check which decisions' evidence changed" });
  await expect(listProblem).toContainText(DISK);
  await expect(page.getByRole('link', { name: 'Pick a broker for orders', exact: true })).toBeVisible();
  await app.readDecision('Pick a broker for orders');
  const problem = page.getByRole('alert').filter({ hasText: 'could not check whether the evidence' });
  await expect(problem).toContainText(DISK);
  await page.screenshot({ path: test.info().outputPath('evidence-check-failed.png') });

  // The editor says the same: the notice is one component on both pages.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Title', { exact: true })).toBeVisible();
  await expect(problem).toContainText(DISK);

  await heal();
  await problem.getByRole('button', { name: 'Check again' }).click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'Evidence changed' })).toHaveCount(0);
});

test('the import dialog says when the recent folders cannot be listed, and lists them once they can', async ({
  page,
  served,
}) => {
  await served.api('addRecentFolder', { path: served.dataDir });
  const heal = await failing(page, 'getRecentFolders');
  const app = new CairnApp(page, served.url);
  await app.open();
  await app.goToDecisions();
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import ADRs from a folder' });
  const problem = dialog.getByText('The recent folders could not be listed');
  await expect(problem).toContainText(DISK);
  await expect(dialog.getByRole('button', { name: `Use ${served.dataDir}` })).toHaveCount(0);

  await heal();
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByRole('button', { name: `Use ${served.dataDir}` })).toBeVisible();
  await expect(problem).toHaveCount(0);
});

test('in the guided decision, loading the newer version after a conflict says when it fails, and works once it can', async ({
  app,
  page,
}) => {
  await app.startGuidedDecision('Which broker for orders?');
  const id = new URL(page.url()).hash.split('/')[2]!;
  const stored = await app.api('getDecision', { id });
  const { id: _i, number: _n, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = stored;
  await app.api('updateDecision', { id, baseRevision: revision, content: { ...content, context: 'Saved elsewhere.' } });
  await app.fill('Context and problem statement', 'Orders peak at noon.');
  const conflict = page.getByRole('alert').filter({ hasText: 'was saved elsewhere' });
  await expect(conflict).toBeVisible();

  const heal = await failing(page, 'getDecision');
  await conflict.getByRole('button', { name: 'Discard my edits and load the newer version' }).click();
  await expect(conflict).toContainText(`The newer version could not be loaded: ${DISK}`);
  await expect(app.field('Context and problem statement')).toHaveValue('Orders peak at noon.');

  await heal();
  await conflict.getByRole('button', { name: 'Discard my edits and load the newer version' }).click();
  await expect(app.field('Context and problem statement')).toHaveValue('Saved elsewhere.');
  await expect(conflict).toHaveCount(0);
});
