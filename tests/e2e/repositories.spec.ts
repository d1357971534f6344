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
