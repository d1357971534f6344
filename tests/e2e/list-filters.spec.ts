/**
 * The decision list when a request fails: the filter counts and the rows each say what could not be
 * loaded and offer to try again, instead of an empty panel or a count that says "Loading…" forever.
 * The host's failure is given by the test (the route answers as the core does on an error); the
 * retry goes to the real host.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** `method` answers with an error until `healed()` is called. */
async function failing(page: Page, method: string, message: string) {
  let failing = true;
  await page.route(`**/api/${method}`, (route) =>
    failing
      ? route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: { code: 'io', message } }),
        })
      : route.continue(),
  );
  return { healed: () => (failing = false) };
}

test('filter counts that fail to load say so, and Try again brings them', async ({ app, page }) => {
  await app.api('createDecision', { content: { title: 'Publish events through Kafka', tags: ['events'] } });
  const counts = await failing(page, 'listDecisionFacets', 'Cannot read the store right now.');
  await app.goToDecisions();

  const panel = page.getByRole('complementary', { name: 'Filters' });
  await expect(panel.getByRole('alert')).toContainText('Could not load the filter counts: Cannot read the store');
  // The rows do not depend on the counts.
  await expect(page.getByRole('link', { name: 'Publish events through Kafka' })).toBeVisible();

  counts.healed();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.getByRole('group', { name: 'Tag' }).getByRole('button', { name: /^events 1$/ })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
});

test('rows that fail to load say so instead of a count that keeps loading', async ({ app, page }) => {
  await app.api('createDecision', { content: { title: 'Keep orders in PostgreSQL' } });
  const rows = await failing(page, 'listDecisions', 'Cannot read the store right now.');
  await app.goToDecisions();

  const toolbar = page.getByRole('search');
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load the decisions' })).toContainText(
    'Cannot read the store right now.',
  );
  await expect(toolbar).not.toContainText('Loading…');

  rows.healed();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('link', { name: 'Keep orders in PostgreSQL' })).toBeVisible();
  await expect(toolbar).toContainText('1 decision');
});
