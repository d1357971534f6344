/**
 * Databases Cairn must not open as if they were its own, on real files: an empty (0-byte) file
 * where backups hold decisions, another application's SQLite file, a database from a newer
 * Cairn with a hot WAL (its bytes must not change: no checkpoint); and daily backup rotation
 * that must keep the newest backup holding data.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { createCore } from '../../electron/core/core.js';
import { openCoreHost } from '../../electron/core/recovery.js';
import { listBackups } from '../../electron/core/store/backup.js';
import { openDatabase, SCHEMA_VERSION } from '../../electron/core/store/database.js';
import { fakePlatform, tempDir } from '../helpers/temp.js';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a database that is not a Cairn store', () => {
  it('refuses a 0-byte cairn.db when a backup holds decisions, with the restore advice, and restore brings them back', async () => {
    const dbPath = path.join(tempDir(), 'cairn.db');
    const first = createCore({ dbPath, platform: fakePlatform(day(1)) });
    for (const title of ['Use PostgreSQL', 'Use Kafka']) await first.invoke('createDecision', { content: { title } });
    first.close();
    createCore({ dbPath, platform: fakePlatform(day(2)) }).close(); // the daily backup of day 2
    expect(listBackups(dbPath)).toHaveLength(1);
    fs.writeFileSync(dbPath, '');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });

    expect(() => createCore({ dbPath, platform: fakePlatform(day(3)) })).toThrow(
      /is empty \(0 bytes, while the backup .* holds 2 decisions\)\. Cairn has not changed it\.\nRestore the newest good backup/,
    );
    expect(fs.statSync(dbPath).size).toBe(0);
    const host = openCoreHost(() => createCore({ dbPath }), dbPath);
    expect(host.damage()).toMatch(/is empty/);
    host.close();
    const listed = await cairn('list', '--db', dbPath);
    expect(listed.code).toBe(1);
    expect(listed.err).toContain(`cairn restore --db ${dbPath}`);
    expect((await cairn('restore', '--db', dbPath)).code).toBe(0);
    expect((await cairn('list', '--json', '--db', dbPath)).out).toContain('Use Kafka');
  });

  it('opens a 0-byte file as a new store when no backup holds decisions', async () => {
    const dbPath = path.join(tempDir(), 'cairn.db');
    fs.writeFileSync(dbPath, '');
    const core = createCore({ dbPath });
    expect((await core.invoke('listDecisions', {})).items).toEqual([]);
    core.close();
  });

  it('refuses another application’s SQLite file: no table added, no byte changed', () => {
    const dbPath = path.join(tempDir(), 'places.sqlite');
    const other = new Database(dbPath);
    other.pragma('journal_mode = DELETE');
    other.exec(
      "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org');",
    );
    other.close();
    const before = hash(dbPath);
    expect(() => createCore({ dbPath })).toThrow(
      /is not a Cairn database \(it holds 1 table of another application: moz_places\)\. Cairn has not changed it\./,
    );
    expect(hash(dbPath)).toBe(before);
    expect(fs.existsSync(path.join(path.dirname(dbPath), 'backups'))).toBe(false);
  });

  it('refuses a database from a newer Cairn with a hot WAL without checkpointing it: the message is true', async () => {
    const dbPath = path.join(tempDir(), 'future.db');
    // A writer killed with its WAL not yet checkpointed (kill -9): the WAL is hot.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(dbPath)});
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec('CREATE TABLE future (x)');
      db.pragma('user_version = ${SCHEMA_VERSION + 7}');
      for (let i = 0; i < 50; i++) db.prepare('INSERT INTO future VALUES (?)').run('row ' + i);
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (c: Buffer) => c.toString().includes('ready') && resolve()),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);
    const before = [hash(dbPath), hash(`${dbPath}-wal`)];
    expect(() => openDatabase(dbPath)).toThrow(/newer version of Cairn \(schema \d+;.*the file has not been changed/);
    expect([hash(dbPath), hash(`${dbPath}-wal`)]).toEqual(before);
  });
});

describe('daily backup rotation', () => {
  it('never removes the newest backup that holds decisions, after a week of opens of an emptied store', async () => {
    const dbPath = path.join(tempDir(), 'cairn.db');
    let now = new Date(day(1));
    const open = () =>
      createCore({ dbPath, platform: { now: () => now, newId: () => crypto.randomUUID() }, backups: { keepDaily: 3 } });
    const first = open();
    const d = await first.invoke('createDecision', { content: { title: 'The only copy' } });
    first.close();
    now = new Date(day(2));
    open().close(); // day 2's backup holds the decision
    const emptied = open();
    emptied.db.prepare('DELETE FROM decisions WHERE id = ?').run(d.id);
    emptied.close();
    for (let n = 3; n <= 12; n++) {
      now = new Date(day(n));
      open().close();
    }
    const dailies = listBackups(dbPath).filter((b) => b.kind === 'daily');
    expect(dailies.map((b) => b.createdAt)).toEqual([day(12), day(11), day(10), day(2)]);
    const kept = new Database(dailies[3]!.file, { readonly: true });
    expect(kept.prepare('SELECT title FROM decisions').all()).toEqual([{ title: 'The only copy' }]);
    kept.close();
  });
});
