import AxeBuilder from '@axe-core/playwright';
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

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  const next = Number(latest) + 1;
  await page.getByRole('button', { name: `Restore as revision ${next}` }).click();
  await expect(page.getByRole('status')).toHaveText(`Restored revision 1 as revision ${next}.`);
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
