import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';

/** Three repositories, each with its ADRs where its tool keeps them; imported by their root folders. */
function repository(name: string, files: Record<string, string>): string {
  const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-repos-')), name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['-c', 'user.email=e2e@example.org', '-c', 'user.name=E2E', 'add', '.'], { cwd: root });
  execFileSync('git', ['-c', 'user.email=e2e@example.org', '-c', 'user.name=E2E', 'commit', '-qm', 'ADRs'], {
    cwd: root,
  });
  return root;
}

const nygard = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2023-05-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nDo it.\n\n## Consequences\n\nSome.\n`;
const madr = (title: string) =>
  `# ${title}\n\n## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nChosen option: "A", because it is.\n`;

test('three repositories imported by their roots stay apart in the list, by column and by facet', async ({
  app,
  page,
}) => {
  const roots = [
    repository('payments', {
      'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions'),
      'doc/adr/0002-use-postgres.md': nygard(2, 'Use Postgres'),
    }),
    repository('search', {
      'docs/decisions/0001-use-opensearch.md': madr('Use OpenSearch'),
      'docs/decisions/archive/0000-use-solr.md': madr('Use Solr'),
    }),
    repository('platform', {
      '.adr-dir': 'architecture/adr\n',
      'architecture/adr/0001-use-kubernetes.md': nygard(1, 'Use Kubernetes'),
    }),
  ];
  try {
    for (const root of roots) {
      const dialog = await app.importFolder(root);
      await expect(dialog.getByRole('list', { name: 'Folders found' })).toContainText(
        `repository ${path.basename(root)}`,
      );
      await app.closeImport();
    }
    await expect(page.getByText('5 decisions')).toBeVisible();
    const row = (title: string) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect(row('Use Postgres').getByRole('cell').nth(2)).toHaveText('payments');
    await expect(row('Use Solr').getByRole('cell').nth(2)).toHaveText('search');
    await expect(row('Use Kubernetes').getByRole('cell').nth(2)).toHaveText('platform');
    // "ADR 1" three times, told apart by the repository; the MADR files state no date, and none is made up.
    await expect(row('Use OpenSearch')).toContainText('from git');
    await page.screenshot({ path: test.info().outputPath('repositories-list.png'), fullPage: true });

    const facet = page.getByRole('group', { name: 'Repository' });
    await facet.getByRole('button', { name: /^search\s*2$/ }).click();
    await expect(page.getByText('2 decisions')).toBeVisible();
    await expect(row('Use Postgres')).toHaveCount(0);
  } finally {
    for (const root of roots) fs.rmSync(path.dirname(root), { recursive: true, force: true });
  }
});

test('an imported decision exports back to its own repository, and the timeline and graph show one repository', async ({
  app,
  page,
}) => {
  const roots = [
    repository('billing', {
      'doc/adr/0001-use-go.md': nygard(1, 'Use Go').replace(
        '## Status\n\nAccepted',
        '## Status\n\nSuperseded by [2. Use Rust](0002-use-rust.md)',
      ),
      'doc/adr/0002-use-rust.md': nygard(2, 'Use Rust').replace(
        '## Status\n\nAccepted',
        '## Status\n\nAccepted\n\nSupersedes [1. Use Go](0001-use-go.md)',
      ),
    }),
    repository('catalog', {
      'docs/decisions/0001-use-opensearch.md': madr('Use OpenSearch'),
      'docs/decisions/0002-use-solr.md': `${madr('Use Solr')}\n## Links\n\n* Relates to [ADR-0001](0001-use-opensearch.md)\n`,
    }),
  ];
  try {
    for (const root of roots) {
      await app.importFolder(root);
      await app.closeImport();
    }
    const [billing, catalog] = roots.map((r) => fs.realpathSync(r));

    await app.readDecision('Use OpenSearch');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = app.exportDialog();
    const home = dialog.getByRole('radio', { name: /^Back to its repository/ });
    await expect(home).toBeChecked();
    await expect(dialog.getByText(`Back to its repository: docs/decisions in ${catalog} (MADR)`)).toBeVisible();
    await expect(dialog.getByLabel('Repository or ADR folder')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const plan = dialog.getByRole('region', { name: 'Files to be written' });
    await expect(plan).toContainText(`Into ${catalog}/docs/decisions`);
    await expect(plan.getByRole('button', { name: /0001-use-opensearch\.md/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('export-home.png') });
    await app.closeExport();

    // The whole list: each decision back to its own repository, listed by repository.
    await app.goToDecisions();
    await app.openExport();
    await expect(dialog.getByRole('radio', { name: 'Each back to its own repository (2 repositories)' })).toBeChecked();
    const homes = dialog.getByRole('list', { name: 'Repositories' });
    await expect(homes).toContainText(`2 decisions to doc/adr in ${billing} (adr-tools)`);
    await expect(homes).toContainText(`2 decisions to docs/decisions in ${catalog} (MADR)`);
    await app.closeExport();

    await app.goTo('Timeline');
    await expect(page.locator('.timeline-entry')).toHaveCount(4);
    await page.getByLabel('Repository').selectOption({ label: 'billing (2 decisions)' });
    await expect(page.locator('.timeline-entry')).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'ADR 2: Use Rust' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: /Use OpenSearch/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('timeline-billing.png'), fullPage: true });

    // The graph keeps the chosen repository: only billing's supersede link is drawn.
    await app.goTo('Relations');
    await expect(page.getByLabel('Repository')).toHaveValue('billing');
    const words = page.getByRole('complementary', { name: 'Links in words' });
    await expect(words).toContainText('Use Rust');
    await expect(words).not.toContainText('Use Solr');
    await page.getByLabel('Repository').selectOption({ label: 'All repositories' });
    await expect(words).toContainText('Use Solr');
  } finally {
    for (const root of roots) fs.rmSync(path.dirname(root), { recursive: true, force: true });
  }
});
