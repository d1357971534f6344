import { axe } from './axe.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.js';

const EVIDENCE = path.resolve(import.meta.dirname, '../fixtures/export/decision-evidence.json');

function gitRepo(parent: string): string {
  const dir = path.join(parent, 'repo');
  fs.mkdirSync(dir);
  git(dir, 'init', '-q');
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=e2e@example.org', '-c', 'user.name=E2E', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

test('export a decision with evidence into a git repository, preview its text, and re-export nothing', async ({
  app,
  page,
  served,
}) => {
  const content = JSON.parse(fs.readFileSync(EVIDENCE, 'utf8')) as Record<string, unknown>;
  const input = path.join(served.dataDir, 'decision.json');
  fs.writeFileSync(input, JSON.stringify({ ...content, relations: [] }));
  expect((await served.cli('new', '--from', input)).code).toBe(0);
  expect((await served.cli('new', 'Keep a decision log')).code).toBe(0);
  const repo = gitRepo(served.dataDir);

  await app.goToDecisions();
  await app.openExport();
  await app.previewExport(repo);
  const dialog = app.exportDialog();
  // Two ADRs, the evidence ledger beside the one that weighs claims, and the index.
  await expect(dialog.getByText(/as MADR 4, the default for a new folder: 4 new/)).toBeVisible();
  await expect(dialog.getByText('“Keep a decision log” becomes ADR 2')).toBeVisible();
  const text = await app.showExportedText('0001-use-node-js-for-the-notification-gateway.md');
  await expect(text).toContainText('Chosen option: "Node.js", because it serves many idle connections');
  await expect(text).toContainText(/\* Good, because .*[Ii]ts event loop keeps thousands of idle connections open/);
  await expect(text).toContainText('[^c-io-1]: [*Field notes on event loops*]');
  await expect(text).toContainText('| **Weighted total** | | **41** | **35** |');

  const audit = await axe(page).include('dialog').analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const result = await app.writeExport();
  await expect(result).toContainText('Wrote 4 files');
  await expect(result).toContainText('“Keep a decision log” is now ADR 2');
  const written = fs.readFileSync(
    path.join(repo, 'docs/decisions/0001-use-node-js-for-the-notification-gateway.md'),
    'utf8',
  );
  expect(written).toMatch(/^---\nstatus: accepted\ndate: 2026-03-14\n/);

  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'ADRs');
  await app.previewExport(repo);
  await expect(dialog.getByText(/0 new, 0 to update, 4 unchanged, 0 conflicts/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Nothing to write' })).toBeDisabled();
  await app.closeExport();
  await expect(page.getByRole('table').getByRole('row', { name: /Keep a decision log/ })).toContainText('2');
  expect(git(repo, 'status', '--porcelain')).toBe('');
});

test('a file changed outside Cairn is kept, and the conflict is listed with where Cairn’s version went', async ({
  app,
  page,
  served,
}) => {
  const repo = gitRepo(served.dataDir);
  await app.createDecision('Use PostgreSQL for orders');
  await app.openExport();
  await app.previewExport(repo, 'Nygard (adr-tools)');
  await expect(await app.showExportedText('0001-use-postgresql-for-orders.md')).toContainText(
    '# 1. Use PostgreSQL for orders',
  );
  await app.writeExport();
  await app.closeExport();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ADR 1: Use PostgreSQL for orders');

  const file = path.join(repo, 'doc/adr/0001-use-postgresql-for-orders.md');
  const theirs = fs.readFileSync(file, 'utf8') + '\nA note added in the repository.\n';
  fs.writeFileSync(file, theirs);
  // Saving still works after export gave the draft its number.
  await app.fill('Context and problem statement', 'Orders need transactions.');
  await app.waitUntilSaved();

  await app.openExport();
  await app.previewExport(repo);
  const dialog = app.exportDialog();
  await expect(dialog.getByRole('button', { name: /conflict 0001-use-postgresql-for-orders\.md/ })).toContainText(
    '0001-use-postgresql-for-orders.md.cairn',
  );
  const result = await app.writeExport();
  await expect(result.getByRole('list', { name: 'Conflicts' })).toContainText('Changed outside Cairn');
  await expect(result.getByRole('list', { name: 'Conflicts' })).toContainText(
    '0001-use-postgresql-for-orders.md.cairn',
  );
  expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
  expect(fs.readFileSync(`${file}.cairn`, 'utf8')).toContain('Orders need transactions.');
});

test('the export dialog explains a folder that does not exist', async ({ app }) => {
  await app.goToDecisions();
  await app.openExport();
  const dialog = app.exportDialog();
  await dialog.getByLabel('Repository or ADR folder').fill('/no/such/folder/anywhere');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('alert')).toContainText('There is no folder at /no/such/folder/anywhere');
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
