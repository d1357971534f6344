/**
 * A cloned repository is untrusted: an ADR folder may hold symbolic links to files elsewhere
 * (`0002-x.md -> ../../../home/.env`), links to folders, named pipes and sockets. Import reads
 * only the regular files inside the folder, reports every refusal with its reason, never blocks
 * on a FIFO (the CLI and `cairn serve` run as real processes here, with a time limit, so a
 * regression fails instead of hanging the suite), and nothing from outside reaches the store or
 * a later export.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdrFile } from '../../electron/core/import/read-file.js';
import type { ImportReport } from '../../shared/api/import.js';
import { bundleCli } from '../helpers/cli-bundle.js';
import { tempDir, testCore } from '../helpers/temp.js';

const SECRET = 'AWS_SECRET_ACCESS_KEY=do-not-leak-0xC0FFEE';
const ADR = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`;

let cli = '';
const servers: net.Server[] = [];
beforeAll(async () => {
  cli = await bundleCli('import-hostile');
});
afterAll(() => {
  for (const s of servers) s.close();
});

/** A folder as a hostile clone could hold it, with a secret file outside it. */
async function hostileFolder() {
  const root = fs.realpathSync(tempDir('cairn-hostile-'));
  fs.mkdirSync(path.join(root, 'home'));
  fs.writeFileSync(path.join(root, 'home', '.env'), `# 9. Secrets\n\n${SECRET}\n`);
  const adr = path.join(root, 'repo', 'doc', 'adr');
  fs.mkdirSync(adr, { recursive: true });
  fs.writeFileSync(path.join(adr, '0001-record-decisions.md'), ADR(1, 'Record decisions'));
  fs.symlinkSync('../../../home/.env', path.join(adr, '0002-x.md'));
  fs.symlinkSync(path.join(root, 'home', '.env'), path.join(adr, '0003-absolute.md'));
  fs.symlinkSync('0001-record-decisions.md', path.join(adr, '0004-link-inside.md'));
  fs.symlinkSync(path.join(root, 'home'), path.join(adr, '0005-folder.md'));
  expect(spawnSync('mkfifo', [path.join(adr, '0006-pipe.md')]).status).toBe(0);
  expect(spawnSync('mkfifo', [path.join(root, 'home', 'pipe')]).status).toBe(0);
  fs.symlinkSync(path.join(root, 'home', 'pipe'), path.join(adr, '0007-link-to-pipe.md'));
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(adr, '0008-socket.md'), resolve));
  servers.push(server);
  fs.symlinkSync('/dev/zero', path.join(adr, '0009-device.md'));
  return { root, adr };
}

describe('importing a folder with links, pipes and sockets', () => {
  it('imports the regular file only, reports each other entry with its reason, and never blocks (CLI process)', async () => {
    const { root, adr } = await hostileFolder();
    const db = path.join(root, 'cairn.db');
    const run = spawnSync(process.execPath, [cli, 'import', adr, '--json', '--db', db], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.signal, 'import blocked and was killed').toBeNull();
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.imported.map((f) => f.file)).toEqual(['0001-record-decisions.md']);
    const kinds = Object.fromEntries(report.skipped.map((s) => [s.file, s.kind]));
    expect(kinds).toEqual({
      '0002-x.md': 'symlink',
      '0003-absolute.md': 'symlink',
      '0004-link-inside.md': 'symlink',
      '0005-folder.md': 'symlink',
      '0006-pipe.md': 'special',
      '0007-link-to-pipe.md': 'symlink',
      '0008-socket.md': 'special',
      '0009-device.md': 'symlink',
    });
    for (const s of report.skipped) expect(s.reason, s.file).toMatch(/symbolic link|named pipe|socket/);
    expect(report.skipped.find((s) => s.file === '0002-x.md')!.reason).toMatch(/Replace the link with the file itself/);

    // The secret is nowhere in the store, and a later export into another repository does not carry it.
    expect(fs.readFileSync(db).includes(SECRET)).toBe(false);
    const other = path.join(root, 'other');
    fs.mkdirSync(other);
    const exported = spawnSync(process.execPath, [cli, 'export', '--dir', other, '--db', db], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(exported.status, exported.stderr).toBe(0);
    for (const name of fs.readdirSync(other))
      expect(fs.readFileSync(path.join(other, name), 'utf8')).not.toContain(SECRET);
    // The decision (no index: the imported folder's files are not Cairn's to index).
    expect(fs.readdirSync(other).filter((n) => n.endsWith('.md') && n !== 'README.md')).toEqual([
      '0001-record-decisions.md',
    ]);
    // The human report says the same.
    const text = spawnSync(process.execPath, [cli, 'import', adr, '--db', db], { encoding: 'utf8', timeout: 20_000 });
    expect(text.stdout).toMatch(/skipped {4}0006-pipe\.md: The entry is a named pipe \(FIFO\)/);
  });

  it('keeps `cairn serve` answering while a folder with a FIFO is imported', async () => {
    const { root, adr } = await hostileFolder();
    const token = 'a'.repeat(32);
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', path.join(root, 'cairn.db')], {
      env: { ...process.env, CAIRN_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 15_000);
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          out += c;
          const m = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (!m) return;
          clearTimeout(timer);
          resolve(m[1]!);
        });
      });
      const call = async (method: string, input: unknown) => {
        const res = await fetch(`${url}api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Cairn-Token': token },
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(5000),
        });
        return (await res.json()) as { ok: boolean; value: Record<string, unknown> };
      };
      const { job } = (await call('startImport', { dir: adr })).value as { job: string };
      let state = '';
      for (let i = 0; i < 100 && state !== 'done'; i++) {
        state = ((await call('getImportJob', { job })).value as { state: string }).state;
        if (state !== 'done') await new Promise((r) => setTimeout(r, 50));
      }
      expect(state).toBe('done');
      expect((await call('listDecisions', { limit: 10 })).ok).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a file swapped for a link or a pipe after the folder was listed, without opening it', () => {
    const dir = fs.realpathSync(tempDir());
    fs.writeFileSync(path.join(dir, 'target.md'), ADR(1, 'Target'));
    fs.symlinkSync(path.join(dir, 'target.md'), path.join(dir, 'link.md'));
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status).toBe(0);
    expect(readAdrFile(path.join(dir, 'link.md'), dir)).toMatchObject({ ok: false, kind: 'symlink' });
    expect(readAdrFile(path.join(dir, 'pipe.md'), dir)).toMatchObject({ ok: false, kind: 'special' });
    expect(readAdrFile(path.join(dir, 'target.md'), dir)).toMatchObject({ ok: true });
  });
});

describe('line endings', () => {
  it('imports a file with classic Mac OS line endings (a CR alone), says so, and exports it as LF', async () => {
    const core = testCore();
    const dir = fs.realpathSync(tempDir());
    fs.writeFileSync(path.join(dir, '0001-old-mac.md'), ADR(1, 'Old Mac').replace(/\n/g, '\r'));
    fs.writeFileSync(path.join(dir, '0002-mixed.md'), ADR(2, 'Mixed').replace(/\n\n/g, '\r\n\r'));
    const report = await core.invoke('importFolder', { dir });
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((f) => [f.file, f.number, f.title])).toEqual([
      ['0001-old-mac.md', 1, 'Old Mac'],
      ['0002-mixed.md', 2, 'Mixed'],
    ]);
    expect(report.warnings.map((w) => w.file)).toEqual(['0001-old-mac.md', '0002-mixed.md']);
    const d = await core.invoke('getDecision', { id: report.imported[0]!.id });
    expect([d.status, d.context]).toEqual(['accepted', 'Why.']);
    await core.invoke('runExport', { dir });
    expect(fs.readFileSync(path.join(dir, '0001-old-mac.md'), 'utf8')).toBe(ADR(1, 'Old Mac'));
  });
});

describe('other readers of a repository folder', () => {
  it('renumber does not read through a file swapped for a FIFO or a link after import (CLI process, bounded)', async () => {
    const dir = fs.realpathSync(tempDir());
    const db = path.join(dir, 'cairn.db');
    const adr = path.join(dir, 'adr');
    fs.mkdirSync(adr);
    fs.writeFileSync(path.join(adr, '0001-first.md'), ADR(1, 'First'));
    fs.writeFileSync(path.join(adr, '0002-second.md'), ADR(2, 'Second'));
    const imported = JSON.parse(
      spawnSync(process.execPath, [cli, 'import', adr, '--json', '--db', db], { encoding: 'utf8', timeout: 20_000 })
        .stdout,
    ) as ImportReport;
    fs.rmSync(path.join(adr, '0001-first.md'));
    expect(spawnSync('mkfifo', [path.join(adr, '0001-first.md')]).status).toBe(0);
    fs.rmSync(path.join(adr, '0002-second.md'));
    fs.writeFileSync(path.join(dir, 'secret'), SECRET);
    fs.symlinkSync(path.join(dir, 'secret'), path.join(adr, '0002-second.md'));
    for (const [f, n] of [
      [imported.imported[0]!, '7'],
      [imported.imported[1]!, '8'],
    ] as const) {
      const run = spawnSync(process.execPath, [cli, 'renumber', f.id, n, '--db', db], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.signal, 'renumber blocked and was killed').toBeNull();
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).toMatch(new RegExp(`${f.file} in .* is no longer a regular file`));
    }
    expect(fs.readdirSync(adr).sort()).toEqual(['0001-first.md', '0002-second.md']);
  });
});
