import path from 'node:path';
import { expect, test } from './fixtures.js';

const fixturePack = path.resolve(import.meta.dirname, '../fixtures/packs/database-engine.json');

test('browse the shipped pack by criterion, with contradictions, outdated claims and a source page', async ({
  app,
  page,
}) => {
  await app.openLibraryPack('Backend runtime: Node.js or Python');
  await page
    .getByRole('navigation', { name: 'Criteria' })
    .getByRole('link', { name: /Threading and parallelism/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Threading and parallelism' })).toBeVisible();
  const node = page.getByRole('region', { name: 'Node.js', exact: true });
  const python = page.getByRole('region', { name: 'Python', exact: true });
  await expect(node.getByRole('article').first()).toBeVisible();
  await expect(python.getByRole('article').first()).toBeVisible();
  await expect(page.getByText('Contradicted by').first()).toBeVisible();
  await expect(page.getByText('Outdated:').first()).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Library views' })
    .getByRole('link', { name: /Contradictions/ })
    .click();
  expect(await page.getByRole('listitem').count()).toBeGreaterThan(5);

  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('link', { name: 'Python vs Node.js for Backend Development', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Python vs Node.js for Backend Development' }),
  ).toBeVisible();
  expect(await page.getByRole('article').count()).toBeGreaterThan(10);
});

test('search the pack, hide and flag a claim, add a source and a claim of my own', async ({ app, page }) => {
  await app.openLibraryPack('Backend runtime: Node.js or Python');
  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search this pack’s claims and sources').fill('global interpreter lock');
  await expect(page.getByText(/\d+ results?/)).toBeVisible();
  await expect(page.locator('.search-results mark').first()).toBeVisible();

  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'By criterion' }).click();
  const first = page.getByRole('region', { name: 'Node.js', exact: true }).getByRole('article').first();
  const label = await first.getAttribute('aria-label');
  await first.getByRole('button', { name: 'Flag' }).click();
  await expect(page.getByRole('article', { name: label! }).getByText('flagged')).toBeVisible();
  await page.getByRole('article', { name: label! }).getByRole('button', { name: 'Hide' }).click();
  await page.getByText(/Hidden claims \(1\)/).click();
  await expect(page.getByRole('article', { name: label! }).getByRole('button', { name: 'Unhide' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'Add your own' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Our load test, March 2026');
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added source' })).toBeVisible();
  await page.getByLabel('Source', { exact: true }).selectOption({ label: 'Our load test, March 2026' });
  await page.getByLabel('Criterion').selectOption({ label: 'Real-time and streaming' });
  await page.getByLabel('Option', { exact: true }).selectOption({ label: 'Python' });
  await page.getByLabel('Effect for that option').selectOption('good');
  await page.getByLabel('Claim, in your own words').fill('Our FastAPI websocket prototype held 5k connections.');
  await page.getByRole('button', { name: 'Add claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added claim' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'By criterion' }).click();
  await page
    .getByRole('navigation', { name: 'Criteria' })
    .getByRole('link', { name: /Real-time and streaming/ })
    .click();
  const mine = page
    .getByRole('region', { name: 'Python', exact: true })
    .getByRole('article')
    .filter({ hasText: 'FastAPI websocket prototype' });
  await expect(mine.getByText('your claim')).toBeVisible();
});

test('a second pack imported with the CLI shows in the library with no code change', async ({ app, page, served }) => {
  const imported = await served.cli('knowledge', 'import', fixturePack);
  expect(imported.code, imported.err).toBe(0);
  await app.openLibraryPack('Database engine: PostgreSQL, MySQL or SQLite');
  for (const option of ['PostgreSQL', 'MySQL', 'SQLite'])
    await expect(page.getByRole('region', { name: option, exact: true })).toBeVisible();
});
