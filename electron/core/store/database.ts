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
import { backupBeforeMigration, backupWithDecisions, checkDatabase, corruptDatabaseError } from './backup.js';
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
    refuseIfNotOurs(file, target, options.nativeBinding);
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
      if (current > 0 && file !== ':memory:')
        backupBeforeMigration(db, file, current, options.now?.() ?? new Date(), options.backupDir);
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

/**
 * Looks at the file through a read-only connection, before anything opens it for writing: a
 * read-write connection would checkpoint a hot WAL into the file when it closes, and migrations
 * would add Cairn's tables to another application's database. Refused here, with the file untouched:
 * a database from a newer Cairn; a SQLite file that is not Cairn's (tables, but no Cairn schema
 * version); and an empty (0-byte) file where backups hold decisions, which is data lost, not a new
 * store. The last two get the `corrupt` code, so the hosts show the recovery screen.
 */
function refuseIfNotOurs(file: string, target: number, nativeBinding?: string): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return;
  }
  if (size === 0) {
    const lost = backupWithDecisions(file, target, nativeBinding);
    if (lost) {
      throw corruptDatabaseError(
        file,
        `0 bytes, while the backup ${lost.name} holds ${lost.decisions} decision${lost.decisions === 1 ? '' : 's'}`,
        target,
        nativeBinding,
        'is empty',
      );
    }
    return;
  }
  const seen = inspectReadOnly(file, nativeBinding);
  if (!seen) return;
  if (seen.version > target) {
    throw new CairnError(
      'unsupported',
      `The database at ${file} was written by a newer version of Cairn (schema ${seen.version}; this version knows up to ${target}). ` +
        'Update Cairn to open it; the file has not been changed.',
    );
  }
  if (seen.version === 0 && seen.tables.length) {
    const names = seen.tables.slice(0, 5).join(', ') + (seen.tables.length > 5 ? ', …' : '');
    throw corruptDatabaseError(
      file,
      `it holds ${seen.tables.length} table${seen.tables.length === 1 ? '' : 's'} of another application: ${names}`,
      target,
      nativeBinding,
      'is not a Cairn database',
    );
  }
}

/** The schema version and table names, read without writing (no WAL checkpoint, no recovery), or null when SQLite cannot open it so. */
function inspectReadOnly(file: string, nativeBinding?: string): { version: number; tables: string[] } | null {
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    return { version, tables };
  } catch {
    // Locked, or a folder without write access for the -shm file: the normal open reports what is wrong.
    return null;
  } finally {
    db?.close();
  }
}

export { SCHEMA_VERSION };
