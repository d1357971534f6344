import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/store/migrations/index.js';
import { tempDir } from '../helpers/temp.js';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the store', () => {
  it('applies WAL, foreign keys and synchronous=FULL on every open', () => {
    const file = path.join(tempDir(), 'a.db');
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
    }
  });

  it('migrates an older database in one step after copying it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const first = MIGRATIONS.slice(0, 1);
    const v1 = openDatabase(file, { migrations: first });
    v1.prepare(
      "INSERT INTO decisions (id, title, status, date, revision, created_at, updated_at) VALUES ('x', 't', 'proposed', '2026-01-01', 1, 'a', 'a')",
    ).run();
    v1.close();
    const extra = {
      version: first[0]!.version + 1,
      name: 'test-column',
      up: 'ALTER TABLE decisions ADD COLUMN extra TEXT;',
    };
    const db = openDatabase(file, { migrations: [...first, extra], backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(extra.version);
    db.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(first[0]!.version);
    expect(copy.prepare('SELECT id FROM decisions').all()).toEqual([{ id: 'x' }]);
    copy.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const file = path.join(tempDir(), 'b.db');
    const broken = { version: SCHEMA_VERSION + 1, name: 'broken', up: 'CREATE TABLE fine (x); THIS IS NOT SQL;' };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('decisions', 'fine')").all()).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer Cairn and leaves it untouched', () => {
    const file = path.join(tempDir(), 'new.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = hash(file);
    expect(() => openDatabase(file)).toThrow(/newer version of Cairn/);
    expect(hash(file)).toBe(before);
  });
});
