import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CairnError } from '../../shared/api/define.js';
import { runCli } from '../../electron/cli/main.js';
import { createCore } from '../../electron/core/core.js';
import { openCoreHost } from '../../electron/core/recovery.js';
import { checkDatabase, listBackups, restoreBackup } from '../../electron/core/store/backup.js';
import { SCHEMA_VERSION } from '../../electron/core/store/database.js';
import { fakePlatform, tempDir, testCore } from '../helpers/temp.js';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A store with two decisions, closed cleanly, so the file alone holds everything. */
async function storeWithDecisions(dbPath: string, titles = ['Use PostgreSQL', 'Use Kafka']) {
  const core = createCore({ dbPath, platform: fakePlatform(day(1)), backups: false });
  for (const title of titles) await core.invoke('createDecision', { content: { title } });
  core.close();
}

/** Overwrites every page after the first with garbage: SQLite still recognises the file, but it is malformed. */
function damage(dbPath: string) {
  const size = fs.statSync(dbPath).size;
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
  fs.closeSync(fd);
}

const titles = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true });
  const rows = db.prepare('SELECT title FROM decisions ORDER BY title').all() as { title: string }[];
  db.close();
  return rows.map((r) => r.title);
};

describe('daily backups', () => {
  it('are taken on the first open of each day, not for a new store, and only the newest N are kept', async () => {
    const dbPath = path.join(tempDir(), 'cairn.db');
    let now = new Date(day(1));
    const open = () =>
      createCore({ dbPath, platform: { now: () => now, newId: () => crypto.randomUUID() }, backups: { keepDaily: 3 } });
    const first = open();
    await first.invoke('createDecision', { content: { title: 'First' } });
    first.close();
    expect(listBackups(dbPath)).toEqual([]);
    for (let d = 1; d <= 5; d++) {
      now = new Date(day(d));
      open().close();
      open().close();
    }
    const backups = listBackups(dbPath);
    expect(backups.map((b) => [b.kind, b.createdAt])).toEqual([
      ['daily', day(5)],
      ['daily', day(4)],
      ['daily', day(3)],
    ]);
    expect(titles(path.join(path.dirname(dbPath), 'backups', backups[0]!.name))).toEqual(['First']);
    expect(fs.readdirSync(path.join(path.dirname(dbPath), 'backups')).filter((n) => !n.endsWith('.bak'))).toEqual([]);
  });

  it('a manual backup is a whole database, listed by the API without paths', async () => {
    const core = testCore();
    await core.invoke('createDecision', { content: { title: 'Keep me' } });
    const made = await core.invoke('createBackup', {});
    expect(made).toMatchObject({ kind: 'manual', name: expect.stringMatching(/^cairn\.db\.manual\..+\.bak$/) });
    expect(made).not.toHaveProperty('file');
    expect(await core.invoke('listBackups', {})).toEqual([made]);
    const file = path.join(path.dirname(core.dbPath), 'backups', made.name);
    expect(titles(file)).toEqual(['Keep me']);
    expect(checkDatabase(file)).toBeNull();
    const status = await core.invoke('getStoreStatus', {});
    expect(status).toMatchObject({
      healthy: true,
      problem: null,
      backups: [made],
      restoreCommand: `cairn restore --db ${core.dbPath}`,
    });
  });
});

describe('a damaged database', () => {
  it('is refused on open with what is wrong and the restore command, and left byte-for-byte alone', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'cairn.db');
    await storeWithDecisions(dbPath);
    createCore({ dbPath, platform: fakePlatform(day(2)) }).close(); // takes the daily backup
    damage(dbPath);
    const before = hash(dbPath);
    let error: unknown;
    try {
      createCore({ dbPath });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CairnError);
    expect((error as CairnError).code).toBe('corrupt');
    expect((error as CairnError).message).toMatch(/is damaged \(.+\)\. Cairn has not changed it\./);
    expect((error as CairnError).message).toContain(`cairn restore --db ${dbPath}`);
    expect(hash(dbPath)).toBe(before);
  });

  it('a file that is not a database at all is refused the same way', () => {
    const dbPath = path.join(tempDir(), 'cairn.db');
    fs.writeFileSync(dbPath, 'these are my notes, not a database'.repeat(200));
    const before = hash(dbPath);
    expect(() => createCore({ dbPath })).toThrow(/is damaged .*No good backup was found/s);
    expect(hash(dbPath)).toBe(before);
  });

  it('is restored from the newest good backup; the damaged file is kept aside, whole', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'cairn.db');
    await storeWithDecisions(dbPath);
    createCore({ dbPath, platform: fakePlatform(day(2)) }).close();
    damage(dbPath);
    const damaged = hash(dbPath);
    const [backup] = listBackups(dbPath);
    const result = restoreBackup(dbPath, backup!.file, new Date(day(3)), SCHEMA_VERSION);
    expect(hash(result.setAside!)).toBe(damaged);
    expect(titles(dbPath)).toEqual(['Use Kafka', 'Use PostgreSQL']);
    const core = createCore({ dbPath });
    expect((await core.invoke('listDecisions', {})).total).toBe(2);
    core.close();
  });

  it('refuses to restore a damaged backup or one from a newer Cairn, and changes nothing', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'cairn.db');
    await storeWithDecisions(dbPath);
    const core = createCore({ dbPath, backups: false });
    const [bad, newer] = [0, 1].map(() =>
      path.join(dir, 'backups', (core.handlers.createBackup({}) as { name: string }).name),
    );
    core.close();
    damage(bad!);
    const raw = new Database(newer!);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = hash(dbPath);
    expect(() => restoreBackup(dbPath, bad!, new Date(), SCHEMA_VERSION)).toThrow(/cannot be restored \(damaged/);
    expect(() => restoreBackup(dbPath, newer!, new Date(), SCHEMA_VERSION)).toThrow(/newer Cairn/);
    expect(hash(dbPath)).toBe(before);
    // Checking a backup leaves nothing beside it, and nothing was set aside.
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'cairn.db']);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(2);
  });

  it('the hosts keep answering: only store methods work until a backup is restored from the page', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'cairn.db');
    await storeWithDecisions(dbPath);
    createCore({ dbPath, platform: fakePlatform(day(2)) }).close();
    damage(dbPath);
    const host = openCoreHost(() => createCore({ dbPath, checkOutput: true }), dbPath, { now: () => new Date(day(3)) });
    expect(host.current()).toBeNull();
    expect(host.damage()).toContain('cairn restore --db');
    expect(await host.call('listDecisions', {})).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(await host.call('createBackup', {})).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    const status = await host.call('getStoreStatus', {});
    expect(status).toMatchObject({
      ok: true,
      value: {
        healthy: false,
        problem: expect.any(String),
        newestGood: { kind: 'daily', createdAt: expect.stringMatching(/^2026-03-02T/) },
      },
    });
    for (const name of ['../cairn.db', 'nope.bak', '/etc/passwd']) {
      expect(await host.call('restoreBackup', { name })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const name = (status as { value: { newestGood: { name: string } } }).value.newestGood.name;
    const restored = await host.call('restoreBackup', { name });
    expect(restored).toMatchObject({
      ok: true,
      value: { restored: { name }, setAside: expect.stringContaining('cairn.db.replaced-') },
    });
    expect(host.current()).not.toBeNull();
    expect(await host.call('listDecisions', {})).toMatchObject({ ok: true, value: { total: 2 } });
    host.close();
  });

  it('the CLI says what to run, and `cairn restore` brings the data back', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'cairn.db');
    await storeWithDecisions(dbPath);
    expect((await cairn('backup', '--db', dbPath)).code).toBe(0);
    damage(dbPath);
    const listed = await cairn('list', '--db', dbPath);
    expect(listed.code).toBe(1);
    expect(listed.err).toContain(`Restore the newest good backup`);
    expect(listed.err).toContain(`cairn restore --db ${dbPath}`);
    const backups = await cairn('backup', '--list', '--json', '--db', dbPath);
    // The daily backup (taken when `backup` opened the store) and the manual one.
    expect(
      JSON.parse(backups.out)
        .map((b: { kind: string }) => b.kind)
        .sort(),
    ).toEqual(['daily', 'manual']);
    const restored = await cairn('restore', '--db', dbPath);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(
      /^Restored cairn\.db\.manual\..+\.bak into .+\nThe file it replaced was kept as .+cairn\.db\.replaced-/,
    );
    const after = await cairn('list', '--json', '--db', dbPath);
    expect(
      JSON.parse(after.out)
        .map((d: { title: string }) => d.title)
        .sort(),
    ).toEqual(['Use Kafka', 'Use PostgreSQL']);
    expect((await cairn('restore', 'no-such.bak', '--db', dbPath)).code).toBe(2);
  });
});
