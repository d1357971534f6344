import { axe } from './axe.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-adr-'));
}

test('import a folder of 2,000 ADRs with a progress bar and a report at the end', async ({ app, page }) => {
  const dir = tempFolder();
  for (let i = 1; i <= 2000; i++) {
    const n = String(i).padStart(4, '0');
    fs.writeFileSync(
      path.join(dir, `${n}-generated-decision-${i}.md`),
      `# ${i}. Generated decision ${i}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nDecision number ${i} of a large folder.\n`,
    );
  }
  fs.writeFileSync(path.join(dir, 'README.md'), '# Decisions\n');
  try {
    const dialog = await app.importFolder(dir);
    const progress = dialog.getByRole('progressbar', { name: 'Import progress' });
    await expect(progress).toHaveAttribute('max', '2001');
    await expect(progress).toHaveAttribute('value', '2001');
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report).toContainText('2000 new, 0 updated, 0 unchanged, 1 skipped');
    await expect(
      report.getByText('README.md: README.md is a folder index, README or template, not a decision.'),
    ).toBeVisible();
    await app.closeImport();
    await expect(page.getByText('2,000 decisions')).toBeVisible();
    // The list renders only the rows in view; searching brings a late one up.
    await page.getByLabel('Search').fill('Generated decision 1999');
    await expect(page.getByRole('link', { name: 'Generated decision 1999', exact: true })).toBeVisible();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the report names each file that could not be read, and why; the dialog passes an accessibility check', async ({
  app,
  page,
}) => {
  const dir = tempFolder();
  fs.cpSync(path.join(FIXTURES, 'bad'), dir, { recursive: true });
  try {
    const dialog = await app.importFolder(dir);
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report).toContainText('3 new, 0 updated, 0 unchanged, 7 skipped');
    await expect(report).toContainText('0006-code-tag.md: The front matter uses the YAML tag !!js/function');
    await expect(report).toContainText('0009-invalid-utf8.md: The file is not valid UTF-8');
    await expect(report).toContainText('0008-binary.md: The file holds binary data');
    const result = await axe(page).include('dialog').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a decision shows its relations in both directions, and relations added on one show on the other', async ({
  app,
  page,
  served,
}) => {
  const dir = tempFolder();
  fs.cpSync(path.join(FIXTURES, 'nygard'), dir, { recursive: true });
  try {
    expect((await served.cli('import', dir)).code).toBe(0);
    await page.reload();
    await app.openDecision('Record architecture decisions');
    await expect(app.relations().getByRole('listitem')).toHaveText([/Amended by ADR 3: Deploy with containers/]);

    await app.addRelation('Relates to', 'ADR 4: Log to local files');
    await expect(app.relations().getByRole('listitem')).toHaveText([
      /^Amended by ADR 3/,
      /^Relates to ADR 4: Log to local files/,
    ]);
    const audit = await axe(page).include('.relations').analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

    await app.relations().getByRole('link', { name: 'ADR 3: Deploy with containers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ADR 3: Deploy with containers');
    // A link opens the decision's read view; its relations are edited beside the fields.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(app.relations()).toContainText('Supersedes ADR 2: Deploy with shell scripts');
    await expect(app.relations()).toContainText('Amends ADR 1: Record architecture decisions');

    await app.openDecision('Log to local files');
    await expect(app.relations()).toContainText('Relates to ADR 1: Record architecture decisions');
    await app.addRelation('Superseded by', 'ADR 1: Record architecture decisions');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ADR 4');
    await expect(app.field('Status')).toHaveValue('superseded');
    await app
      .relations()
      .getByRole('button', { name: 'Remove relation: Relates to ADR 1: Record architecture decisions' })
      .click();
    await expect(app.relations().getByRole('listitem')).toHaveText([
      /^Superseded by ADR 3: Deploy with containers/,
      /^Superseded by ADR 1: Record architecture decisions/,
    ]);
    await app.relations().getByText('Status history').click();
    await expect(app.relations().getByRole('group').getByRole('listitem')).toHaveText([
      /superseded “Superceded by \[3\. Deploy with containers\]\(0003-deploy-with-containers\.md\)” · revision 1 \(import\)/,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('two files with the same number are reported, and one is renumbered from the report', async ({ app }) => {
  const dir = tempFolder();
  fs.writeFileSync(path.join(dir, '0001-use-kafka.md'), '# 1. Use Kafka\n\n## Status\n\nAccepted\n');
  fs.writeFileSync(path.join(dir, '0001-use-nats.md'), '# 1. Use NATS\n\n## Status\n\nProposed\n');
  try {
    const dialog = await app.importFolder(dir);
    const duplicates = dialog.getByRole('list', { name: 'Duplicate numbers' });
    await expect(duplicates).toContainText('ADR 1 is used by 0001-use-kafka.md and 0001-use-nats.md.');
    await duplicates.getByRole('button', { name: 'Renumber 0001-use-nats.md' }).click();
    await expect(duplicates.getByRole('status')).toHaveText('Now ADR 2 (0001-use-nats.md → 0002-use-nats.md).');
    expect(fs.readdirSync(dir).sort()).toEqual(['0001-use-kafka.md', '0002-use-nats.md']);
    await app.closeImport();
    await expect(app.page.getByRole('row', { name: /Use NATS/ })).toContainText('2');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a field changed both in the file and in Cairn is shown with both values, and the file's can be taken", async ({
  app,
  served,
}) => {
  const repo = tempFolder();
  try {
    const sample = (await served.api('createSampleDecision', {})) as { id: string };
    const exported = (await served.api('runExport', { ids: [sample.id], dir: repo, index: false })) as {
      folder: string;
      written: { file: string }[];
    };
    const adr = exported.written.find((w) => w.file.endsWith('.md'))!.file;
    // Cairn's side: the author adds to the context.
    const mine = (await served.api('getDecision', { id: sample.id })) as { revision: number; context: string };
    await served.api('updateDecision', {
      id: sample.id,
      baseRevision: mine.revision,
      content: { ...mine, context: `${mine.context} Author's note.` },
    });
    // The folder's side: a teammate adds another sentence to the same context.
    const file = path.join(exported.folder, adr);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('in TypeScript.', "in TypeScript. Teammate's note."));

    const dialog = await app.importFolder(exported.folder);
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report).toContainText('1 conflicting field kept');
    const conflicts = report.getByRole('list', { name: 'Conflicts' });
    await expect(conflicts).toContainText("Author's note.");
    await expect(conflicts).toContainText("Teammate's note.");
    await conflicts.getByRole('button', { name: 'Take the file’s context' }).click();
    await expect(conflicts.getByRole('status')).toHaveText("Took the file's context.");
    const after = (await served.api('getDecision', { id: sample.id })) as { context: string; drivers: unknown };
    expect(after.context).toContain("Teammate's note.");
    expect(after.context).not.toContain("Author's note.");
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});
