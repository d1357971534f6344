/**
 * Backups of the store and the health check on open. Policy enforced here:
 * - a backup is a complete database written with VACUUM INTO to a temporary file, flushed, then
 *   renamed into `backups/` beside the database, so a backup file is either whole or absent;
 * - one daily backup is taken on the first open of a day, and only the newest `keepDaily` are kept,
 *   except that the newest one holding decisions is never removed;
 * - a damaged database is examined through a read-only connection and never opened for writing;
 * - restoring never deletes: the file being replaced is renamed aside, with its -wal and -shm.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';

export const BACKUP_KINDS = ['daily', 'manual', 'migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  /** File name inside the backup folder. */
  name: string;
  file: string;
  kind: BackupKind;
  /** When it was taken (ISO 8601, from the file name). */
  createdAt: string;
  bytes: number;
}

export const DEFAULT_KEEP_DAILY = 7;
/** Manual backups kept; older ones are removed so that a script calling `cairn backup` cannot fill the disk. */
export const KEEP_MANUAL = 20;
const STALE_TEMP_MS = 10 * 60 * 1000;

export function backupDirFor(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

/** `2026-03-01T09:00:00.000Z` → `2026-03-01T09-00-00-000Z`, safe in file names on every system. */
const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
const isoOf = (stamp: string) => stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');

function nameFor(dbFile: string, kind: 'daily' | 'manual' | `v${number}`, when: Date): string {
  return `${path.basename(dbFile)}.${kind}.${stampOf(when)}.bak`;
}

/** Flushes a file (and, where the system allows, its folder entry) to disk. */
function fsyncPath(p: string, directory = false): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, directory ? 'r' : 'r+');
    fs.fsyncSync(fd);
  } catch (e) {
    // Folders cannot be opened for fsync on Windows; the rename is still atomic there.
    if (!directory) throw e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes a complete copy of an open database to `target`, atomically. */
export function writeBackup(db: Database.Database, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    // The copy inherits WAL mode; in rollback mode a backup opened read-only leaves no -wal/-shm beside it.
    db.prepare('ATTACH DATABASE ? AS cairn_backup').run(temp);
    try {
      db.pragma('cairn_backup.journal_mode = DELETE');
    } finally {
      db.exec('DETACH DATABASE cairn_backup');
    }
    fsyncPath(temp);
    fs.renameSync(temp, target);
    fsyncPath(path.dirname(target), true);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new CairnError('io', `Cannot write the backup ${target}: ${(e as Error).message}`);
  }
}

export function backupBeforeMigration(
  db: Database.Database,
  dbFile: string,
  version: number,
  now: Date,
  dir = backupDirFor(dbFile),
): string {
  const target = path.join(dir, nameFor(dbFile, `v${version}`, now));
  writeBackup(db, target);
  return target;
}

export function createManualBackup(db: Database.Database, dbFile: string, now: Date): BackupInfo {
  const target = path.join(backupDirFor(dbFile), nameFor(dbFile, 'manual', now));
  writeBackup(db, target);
  const made = describe(target)!;
  const older = listBackups(dbFile).filter((b) => b.kind === 'manual' && b.name !== made.name);
  for (const old of older.slice(KEEP_MANUAL - 1)) fs.rmSync(old.file, { force: true });
  return made;
}

function describe(file: string): BackupInfo | null {
  const name = path.basename(file);
  const m = /\.(daily|manual|v\d+)\.(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.bak$/.exec(name);
  if (!m) return null;
  let bytes: number;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    return null;
  }
  const kind: BackupKind = m[1] === 'daily' || m[1] === 'manual' ? m[1] : 'migration';
  return { name, file, kind, createdAt: isoOf(m[2]!), bytes };
}

/** The backups of one database, newest first. */
export function listBackups(dbFile: string, dir = backupDirFor(dbFile)): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = path.basename(dbFile) + '.';
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.bak'))
    .map((n) => describe(path.join(dir, n)))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/** Removes temporary files a killed backup left behind (old enough that no backup is still writing them). */
function removeStaleTemps(dir: string, now: number): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.endsWith('.tmp')) continue;
    const file = path.join(dir, n);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/**
 * Takes today's backup if there is none yet, then keeps only the newest `keep` daily backups.
 * Returns the new backup, or null when today's already existed.
 */
export function dailyBackup(
  db: Database.Database,
  dbFile: string,
  now: Date,
  keep = DEFAULT_KEEP_DAILY,
): BackupInfo | null {
  const dir = backupDirFor(dbFile);
  removeStaleTemps(dir, Date.now());
  const today = now.toISOString().slice(0, 10);
  const dailies = listBackups(dbFile).filter((b) => b.kind === 'daily');
  let made: BackupInfo | null = null;
  if (!dailies.some((b) => b.createdAt.startsWith(today))) {
    const target = path.join(dir, nameFor(dbFile, 'daily', now));
    writeBackup(db, target);
    made = describe(target);
    if (made) dailies.unshift(made);
  }
  const kept = dailies.slice(0, Math.max(keep, 1));
  const older = dailies.slice(kept.length);
  // The newest backup that holds decisions is never rotated out, even after a week of opens of an
  // emptied store: it may be the only copy of the data left.
  if (older.length && !kept.some((b) => decisionsIn(b.file) > 0)) {
    const holder = older.find((b) => decisionsIn(b.file) > 0);
    if (holder) older.splice(older.indexOf(holder), 1);
  }
  for (const old of older) fs.rmSync(old.file, { force: true });
  return made;
}

/** How many decisions a backup holds (0 when it cannot be read). */
export function decisionsIn(file: string, nativeBinding?: string): number {
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(file, nativeBinding);
    return (db.prepare('SELECT COUNT(*) AS n FROM decisions').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db?.close();
  }
}

/** The newest restorable backup that holds decisions, with how many, or null. */
export function backupWithDecisions(
  dbFile: string,
  maxSchema: number,
  nativeBinding?: string,
): { name: string; decisions: number } | null {
  for (const b of listBackups(dbFile)) {
    const n = decisionsIn(b.file, nativeBinding);
    if (n > 0 && checkBackup(b.file, maxSchema, nativeBinding) === null) return { name: b.name, decisions: n };
  }
  return null;
}

function openReadOnly(file: string, nativeBinding?: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

const DAMAGE = /SQLITE_(CORRUPT|NOTADB)|malformed|not a database|file is encrypted/i;

/**
 * What is wrong with a database file, or null when `PRAGMA quick_check` finds nothing (or the
 * file does not exist yet). Read-only: a damaged file is looked at, never written.
 */
export function checkDatabase(file: string, nativeBinding?: string): string | null {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return null;
  }
  if (size === 0) return null;
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(file, nativeBinding);
    const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length ? problems.join('; ') : null;
  } catch (e) {
    const message = (e as Error).message;
    const code = (e as { code?: string }).code ?? '';
    if (DAMAGE.test(code) || DAMAGE.test(message)) return message;
    // Not damage (no permission, locked, a read-only folder holding a WAL file): let the normal open report it.
    return null;
  } finally {
    db?.close();
  }
}

/** Whether a backup can be restored: whole (integrity_check), and a Cairn schema this version can open. */
export function checkBackup(file: string, maxSchema: number, nativeBinding?: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(file, nativeBinding);
    const rows = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) return `damaged: ${problems.join('; ')}`;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) return 'not a Cairn database';
    if (version > maxSchema) return `written by a newer Cairn (schema ${version})`;
    return null;
  } catch (e) {
    const message = (e as Error).message;
    return DAMAGE.test(message) || DAMAGE.test((e as { code?: string }).code ?? '') ? `damaged: ${message}` : message;
  } finally {
    db?.close();
  }
}

export function newestGoodBackup(dbFile: string, maxSchema: number, nativeBinding?: string): BackupInfo | null {
  return listBackups(dbFile).find((b) => checkBackup(b.file, maxSchema, nativeBinding) === null) ?? null;
}

/** The command that restores the newest good backup, quoted for a shell. */
export function restoreCommandLine(dbFile: string): string {
  const p = path.resolve(dbFile);
  return `cairn restore --db ${/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`}`;
}

export interface RestoreResult {
  restored: BackupInfo | { name: string; file: string };
  /** Where the replaced database was moved (with its -wal and -shm), or null if there was none. */
  setAside: string | null;
}

/**
 * Puts a backup in place of the database. The backup is checked first; the current file (even a
 * damaged one) is renamed aside, never deleted. Cairn must not have the database open meanwhile.
 */
export function restoreBackup(
  dbFile: string,
  backupFile: string,
  now: Date,
  maxSchema: number,
  nativeBinding?: string,
): RestoreResult {
  const target = path.resolve(dbFile);
  const problem = checkBackup(backupFile, maxSchema, nativeBinding);
  if (problem)
    throw new CairnError(
      'invalid_input',
      `The backup ${backupFile} cannot be restored (${problem}). Choose another one: cairn backup --list.`,
    );
  const temp = `${target}.restoring.${process.pid}.tmp`;
  fs.copyFileSync(backupFile, temp);
  fsyncPath(temp);
  let setAside: string | null = null;
  const existing = ['-wal', '-shm', ''].filter((suffix) => fs.existsSync(target + suffix));
  if (existing.length) {
    setAside = `${target}.replaced-${stampOf(now)}`;
    // The -wal and -shm files go first: a WAL left beside the restored file would be replayed into it.
    for (const suffix of existing) fs.renameSync(target + suffix, setAside + suffix);
  }
  fs.renameSync(temp, target);
  fsyncPath(path.dirname(target), true);
  return { restored: describe(backupFile) ?? { name: path.basename(backupFile), file: backupFile }, setAside };
}

/** The error for a damaged database: what is wrong, that nothing was changed, and how to restore. */
export function corruptDatabaseError(
  dbFile: string,
  problem: string,
  maxSchema: number,
  nativeBinding?: string,
  state = 'is damaged',
): CairnError {
  const good = newestGoodBackup(dbFile, maxSchema, nativeBinding);
  const where = path.resolve(dbFile);
  const advice = good
    ? `Restore the newest good backup (${good.name}, taken ${good.createdAt.slice(0, 16).replace('T', ' ')} UTC) with:\n  ${restoreCommandLine(dbFile)}\nThe file there now is kept beside it.`
    : `No good backup was found in ${backupDirFor(dbFile)}. Keep a copy of the file; the sqlite3 tool's .recover command may save part of it.`;
  return new CairnError(
    'corrupt',
    `The database at ${where} ${state} (${problem}). Cairn has not changed it.\n${advice}`,
    {
      dbPath: where,
      problem,
      newestGood: good?.name ?? null,
    },
  );
}
