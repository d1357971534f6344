/**
 * The editor holds what ADRs hold, and keeps what is typed: a pro cites a claim of the decision's
 * evidence, picked by keyboard, and the exported ADR carries the claim's footnote; a save the disk
 * cannot hold says so in plain words, keeps the text, and goes through once there is room.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBundle } from '../helpers/cli-bundle.js';
import { expect, test } from './fixtures.js';
import { CairnApp } from './pages/CairnApp.js';

const root = path.resolve(import.meta.dirname, '../..');

const runtime = {
  title: 'Pick a runtime for the chat backend',
  drivers: [{ id: 'd1', name: 'Waiting on I/O', weight: 5 }],
  options: [
    { id: 'o1', name: 'Node.js', description: '' },
    { id: 'o2', name: 'Python', description: '' },
  ],
  evaluation: {
    claims: [
      {
        id: 'node-npm',
        driver: 'd1',
        option: 'o1',
        effect: 'bad' as const,
        summary: 'Install scripts run without review',
        verdict: 'unreviewed' as const,
        verification: 'missing' as const,
        source: { id: 's2', title: 'Supply chain notes' },
      },
      {
        id: 'node-io',
        driver: 'd1',
        option: 'o1',
        effect: 'good' as const,
        summary: 'Serves many idle sockets from one loop',
        section: 'Concurrency',
        anchor: 'one loop for many sockets',
        verdict: 'accepted' as const,
        verification: 'verified' as const,
        source: { id: 's1', title: 'Runtime field notes', date: '2025-03-01' },
      },
      {
        id: 'py-io',
        driver: 'd1',
        option: 'o2',
        effect: 'neutral' as const,
        summary: 'Async support is there but libraries lag',
        verdict: 'accepted' as const,
      },
    ],
  },
};

test('a pro cites a claim picked by keyboard, and the exported ADR carries its footnote', async ({
  app,
  page,
  served,
}) => {
  const created = await app.api('createDecision', { content: runtime });
  await app.openDecision(runtime.title);

  await page.getByRole('button', { name: 'Add a pro of Node.js' }).click();
  await expect(app.field('Point 1 of Node.js')).toBeFocused();
  await page.keyboard.type('one process holds thousands of open chats.');

  // Tab past the point's own buttons to the picker, open it with Enter: the accepted claim comes first.
  const cite = page.getByRole('button', { name: 'Cite claims in point 1 of Node.js' });
  for (let i = 0; i < 6 && !(await cite.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(cite).toBeFocused();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('group', { name: 'Claims to cite in point 1 of Node.js' });
  const choices = picker.getByRole('checkbox');
  // Only the claims about Node.js are offered, each saying where its quote stands.
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toBeFocused();
  await expect(picker.locator('label').nth(0)).toContainText('Serves many idle sockets from one loop');
  await expect(picker.locator('label').nth(0)).toContainText('quote verified');
  await expect(picker.locator('label').nth(1)).toContainText('not reviewed yet');
  await expect(picker.locator('label').nth(1)).toContainText('quote not found in the source');
  await page.keyboard.press('Space');
  await expect(choices.nth(0)).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cite other claims in point 1 of Node.js' })).toBeFocused();

  const cited = page.getByRole('list', { name: 'Claims point 1 of Node.js cites' });
  await expect(cited.getByRole('listitem')).toHaveCount(1);
  await expect(cited).toContainText('Serves many idle sockets from one loop');
  await expect(cited).toContainText('quote verified');
  await app.waitUntilSaved();
  await expect
    .poll(async () => (await app.api('getDecision', { id: created.id })).options[0]!.description)
    .toBe('* Good, because one process holds thousands of open chats.[^node-io]');

  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-cite-'));
  try {
    const result = (await served.api('runExport', { ids: [created.id], dir: out, index: false })) as {
      folder: string;
      written: { file: string }[];
    };
    const adr = result.written.find((w) => w.file.endsWith('.md') && !w.file.endsWith('README.md'))!;
    const text = fs.readFileSync(path.join(result.folder, adr.file), 'utf8');
    expect(text).toContain('* Good, because one process holds thousands of open chats.[^node-io]\n');
    expect(text.match(/^\[\^node-io\]: .*$/gm)).toEqual([
      '[^node-io]: *Runtime field notes*, 2025-03-01, section "Concurrency": "one loop for many sockets".',
    ]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

/** The test-only server whose disk fills on request (tests/e2e/harness/disk-full-serve.ts). */
async function serveWithSmallDisk(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const entry = await buildBundle(
    path.join(root, 'test-results', 'bundles', 'disk-full-serve.mjs'),
    'tests/e2e/harness/disk-full-serve.ts',
  );
  const child = spawn(process.execPath, [entry, path.join(dataDir, 'cairn.db')], { cwd: root });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
  return { child, url };
}

test('a save the full disk cannot hold says so in words, keeps the typed text, and saves once there is room', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-disk-full-'));
  const { child, url } = await serveWithSmallDisk(dataDir);
  try {
    const app = new CairnApp(page, url);
    await app.open();
    await app.createDecision('Keep orders in PostgreSQL');
    const id = new URL(page.url()).hash.split('/')[2]!;

    fs.writeFileSync(path.join(dataDir, 'disk-full'), '');
    // Far more text than the pages left can hold.
    const context = 'Orders need transactions across tables. '.repeat(4_000).trim();
    await app.fill('Context and problem statement', context);
    await expect(app.saveState()).toHaveText('Not saved');
    const alert = page.getByRole('alert').filter({ hasText: 'disk is full' });
    await expect(alert).toHaveText(
      'Not saved: the disk is full, so the database could not grow, and nothing was changed. Free some disk space, then try again. Your edits stay on this page and are saved as soon as saving works again.',
    );
    await expect(app.field('Context and problem statement')).toHaveValue(context);
    expect((await app.api('getDecision', { id })).context).toBe('');

    // Room again: the next try saves the same text, and the message goes.
    fs.rmSync(path.join(dataDir, 'disk-full'));
    await app.waitUntilSaved();
    await expect(alert).toHaveCount(0);
    expect((await app.api('getDecision', { id })).context).toBe(context);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The same file the unit tests read (tests/fixtures/web-links). */
const CDN = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/web-links/0004-use-a-cdn.md'), 'utf8');

test('the Links section is a list of links edited by keyboard, a bad address is refused in words, and export changes only those lines', async ({
  app,
  page,
  served,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-links-'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-links-out-'));
  try {
    fs.writeFileSync(path.join(dir, '0004-use-a-cdn.md'), CDN);
    await app.api('importFolder', { dir });
    await app.openDecision('Use a CDN for static files');
    const links = page.getByRole('list', { name: 'Links of this decision' });
    await expect(links.getByRole('listitem')).toHaveCount(3);
    await expect(app.field('Title of link 1')).toHaveValue('Vendor comparison');
    await expect(app.field('Address of link 2')).toHaveValue('reports/load-test.pdf');
    await expect(app.field('Address of link 3')).toHaveValue('mailto:web-team@example.org');

    await app.field('Title of link 1').fill('CDN vendors compared');
    await page.getByRole('button', { name: 'Add link' }).click();
    await expect(app.field('Title of link 4')).toBeFocused();
    await page.keyboard.type('Ticket WEB-88');
    await page.keyboard.press('Tab');
    await expect(app.field('Address of link 4')).toBeFocused();
    await page.keyboard.type('javascript:alert(1)');
    const refused = page.getByRole('alert').filter({ hasText: 'Link 4:' });
    await expect(refused).toHaveText(
      'Link 4: the address must start with http://, https:// or mailto:, or be a relative path (docs/runbook.pdf). Until then the link is kept here, not saved.',
    );
    await expect(app.field('Address of link 4')).toHaveAttribute('aria-invalid', 'true');
    await expect(app.saveState()).toHaveText('Other changes saved; one field needs fixing');

    await app.field('Address of link 4').fill('https://tracker.example.org/WEB-88');
    await expect(refused).toHaveCount(0);
    // Alt+↑ in the link moves it above the mailto link, keeping focus on it.
    await app.field('Title of link 4').press('Alt+ArrowUp');
    await expect(app.field('Title of link 3')).toHaveValue('Ticket WEB-88');
    await expect(app.field('Title of link 3')).toBeFocused();
    await page.getByRole('button', { name: 'Remove link 2' }).click();
    await expect(links.getByRole('listitem')).toHaveCount(3);
    await app.waitUntilSaved();

    const plan = (await served.api('planExport', { ids: [], dir: out, index: false })) as {
      files: { title: string; text: string }[];
    };
    expect(plan.files.find((f) => f.title === 'Use a CDN for static files')!.text).toBe(
      CDN.replace('[Vendor comparison]', '[CDN vendors compared]').replace(
        '[Load test report](reports/load-test.pdf)',
        '[Ticket WEB-88](https://tracker.example.org/WEB-88)',
      ),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
});
