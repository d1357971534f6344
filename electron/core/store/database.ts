/**
 * Opening the store. Policy enforced here: a `PRAGMA quick_check` through a read-only connection
 * first, and a damaged database refused without being opened for writing; WAL, foreign keys and
 * synchronous=FULL on every open; migrations applied in one transaction after a copy of the file
 * is taken; a database written by a newer Cairn is refused, never touched.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import { backupBeforeMigration, checkDatabase, corruptDatabaseError } from './backup.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** For tests of the migration runner; the app always uses the full list. */
  migrations?: readonly Migration[];
  /** Where the pre-migration copy goes; defaults to a `backups` folder beside the database. */
  backupDir?: string;
  now?: () => Date;
  /** Path to a better-sqlite3 addon built for another ABI (Electron). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (file !== ':memory:') {
    const problem = checkDatabase(file, options.nativeBinding);
    if (problem) throw corruptDatabaseError(file, problem, target, options.nativeBinding);
  }
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    throw new CairnError('io', `Cannot open the database at ${file}: ${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // Read the version before anything writes: a newer database must be left byte-for-byte alone.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > target) {
      throw new CairnError(
        'unsupported',
        `The database at ${file} was written by a newer version of Cairn (schema ${current}; this version knows up to ${target}). ` +
          'Update Cairn to open it; the file has not been changed.',
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    const pending = migrations.filter((m) => m.version > current);
    if (pending.length) {
      if (current > 0 && file !== ':memory:') backupBeforeMigration(db, file, current, options.now?.() ?? new Date(), options.backupDir);
      db.transaction(() => {
        for (const m of pending) db.exec(m.up);
        db.pragma(`user_version = ${target}`);
      })();
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export { SCHEMA_VERSION };
