import { axe } from './axe.js';
import { reporting } from '../fixtures/decisions/runtime-decisions.js';
import { expect, test } from './fixtures.js';

test('see what changed between any two revisions and restore an earlier one as a new revision', async ({
  app,
  page,
}) => {
  await app.api('createDecision', { content: reporting });
  await page.reload();
  await app.openDecision('Python for the reporting service');
  await app.fill('Title', 'Python for reports');
  await app.waitUntilSaved();
  await app.fill('Rationale', 'The data team already works in pandas; reports run at night.');
  await page.getByRole('combobox', { name: 'Weight' }).first().selectOption('4');
  await app.waitUntilSaved();
  // More saves, so the first revision's row sits far down the page.
  const id = new URL(page.url()).hash.split('/')[2]!;
  for (const note of ['Reports are read in the morning.', 'Reports go to finance.', 'Reports are PDF files.']) {
    const {
      id: _i,
      number: _n,
      revision,
      createdAt: _c,
      updatedAt: _u,
      trashedAt: _t,
      ...content
    } = await app.api('getDecision', { id });
    await app.api('updateDecision', { id, baseRevision: revision, content: { ...content, context: note } });
  }
  await page.setViewportSize({ width: 1024, height: 700 });

  await page.getByRole('button', { name: 'Revisions' }).click();
  await page.getByRole('link', { name: 'Compare any two revisions, or restore one' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History of ADR 1: Python for reports');

  await page.getByLabel('From revision', { exact: true }).selectOption('1');
  const latest = await page.getByLabel('to revision', { exact: true }).inputValue();
  const changes = page.getByRole('list', { name: `Changes from revision 1 to revision ${latest}` });
  const title = changes.getByRole('listitem').filter({ hasText: 'Title' });
  await expect(title.getByRole('deletion')).toHaveText('was: Python for the reporting service');
  await expect(title.getByRole('insertion')).toHaveText('now: Python for reports');
  const rationale = changes.getByRole('listitem').filter({ hasText: 'Rationale' });
  await expect(rationale.getByRole('deletion')).toContainText('are batch jobs');
  await expect(rationale.getByRole('insertion')).toContainText('run at night');
  await expect(
    changes.getByRole('listitem').filter({ hasText: 'Driver “Real-time and streaming”: weight' }),
  ).toContainText(/1.*→.*4/);

  const audit = await axe(page).include('main').analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The confirmation opens where the user acted: right under that row's Restore button, in view.
  const restoreButton = page.getByRole('button', { name: 'Restore revision 1' });
  await restoreButton.click();
  const next = Number(latest) + 1;
  const confirmation = page.getByRole('group', { name: 'Restore revision 1?' });
  await expect(confirmation).toBeInViewport();
  await expect(page.getByRole('button', { name: `Restore as revision ${next}` })).toBeFocused();
  const acted = (await page.getByRole('row').filter({ has: restoreButton }).boundingBox())!;
  const shown = (await confirmation.boundingBox())!;
  expect(shown.y).toBeGreaterThanOrEqual(acted.y + acted.height - 1);
  expect(shown.y - (acted.y + acted.height)).toBeLessThan(24);
  await page.getByRole('button', { name: `Restore as revision ${next}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Restored revision 1 as revision ${next}.` })).toHaveText(
    `Restored revision 1 as revision ${next}.`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'History of ADR 1: Python for the reporting service',
  );
  await expect(page.getByRole('row', { name: new RegExp(`^${next} .*restored an earlier revision`) })).toBeVisible();
  await expect(page.getByLabel('From revision', { exact: true })).toHaveValue(latest);

  await page.getByRole('link', { name: '← Back to the decision' }).click();
  await expect(app.renderedAdr()).toContainText('Python for the reporting service');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(app.field('Title')).toHaveValue('Python for the reporting service');
  await expect(app.field('Rationale')).toHaveValue(String(reporting.rationale));
});
