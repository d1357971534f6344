import { axe } from './axe.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

test('the relation picker finds a decision as you type: by words or number, by keyboard, a few at a time', async ({
  app,
  page,
  served,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-picker-'));
  fs.cpSync(path.join(FIXTURES, 'nygard'), dir, { recursive: true });
  try {
    expect((await served.cli('import', dir)).code).toBe(0);
    for (let i = 1; i <= 12; i++)
      await served.api('createDecision', { content: { title: `Queue option ${i}`, date: '2024-01-01' } });
    await page.reload();
    await app.openDecision('Record architecture decisions');
    const panel = app.relations();
    const picker = panel.getByRole('combobox', { name: 'Decision', exact: true });
    const list = panel.getByRole('listbox');
    const options = list.getByRole('option');

    // Words find titles; only the few that fit are listed, never the decision being edited.
    await picker.fill('queue');
    await expect(options).toHaveCount(8);
    await expect(options.first()).toContainText(/^Draft: Queue option \d+/);
    await picker.fill('memory');
    await expect(picker).toHaveAttribute('aria-expanded', 'false');
    await expect(panel.getByText('No decision matches “memory”.')).toBeVisible();

    // A number finds that ADR; the keyboard picks it.
    await picker.fill('3');
    await expect(options).toHaveText([/^ADR 3: Deploy with containers/]);
    await picker.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(picker).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
    await picker.press('Enter');
    await expect(picker).toHaveValue('ADR 3: Deploy with containers');
    await expect(picker).toHaveAttribute('aria-expanded', 'false');
    await panel.getByLabel('Relation', { exact: true }).selectOption({ label: 'Depends on' });
    await panel.getByRole('button', { name: 'Add relation' }).click();
    await expect(panel.getByRole('listitem')).toHaveText([
      /^Amended by ADR 3: Deploy with containers/,
      /^Depends on ADR 3: Deploy with containers/,
    ]);
    await expect(picker).toHaveValue('');

    // The name as the app writes it finds the decision too; Escape closes the list, then clears the text.
    await picker.fill('ADR 2: Deploy with shell');
    await expect(options).toHaveText([/^ADR 2: Deploy with shell scripts/]);
    const audit = await axe(page).include('.relations').analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await picker.press('Escape');
    await expect(list).toBeHidden();
    await expect(picker).toHaveValue('ADR 2: Deploy with shell');
    await picker.press('Escape');
    await expect(picker).toHaveValue('');
    await expect(panel.getByRole('button', { name: 'Add relation' })).toBeDisabled();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
