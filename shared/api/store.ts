import { z } from 'zod';
import { method } from './define.js';

export const BackupInfo = z.object({
  /** The file name inside the backup folder; what `restoreBackup` takes. */
  name: z.string(),
  kind: z.enum(['daily', 'manual', 'migration']),
  /** When it was taken, ISO 8601 UTC. */
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const StoreStatus = z.object({
  /** False when the database is damaged: Cairn left it untouched and answers only these store methods. */
  healthy: z.boolean(),
  /** What is wrong, in words, or null. */
  problem: z.string().nullable(),
  dbPath: z.string(),
  backupDir: z.string(),
  backups: z.array(BackupInfo),
  /** The newest backup that passes an integrity check (computed only when the database is damaged). */
  newestGood: BackupInfo.nullable(),
  /** The command line that restores it. */
  restoreCommand: z.string(),
  /** Why today's automatic backup could not be written, if it could not. */
  backupProblem: z.string().nullable(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

/** These methods take nothing; anything given is refused rather than ignored. */
const Nothing = z.object({}).strict();

export const storeMethods = {
  getStoreStatus: method(Nothing, StoreStatus, 'Whether the database is healthy, and its backups.'),
  listBackups: method(Nothing, z.array(BackupInfo), 'The backups of the database, newest first.'),
  createBackup: method(
    Nothing,
    BackupInfo,
    'Write a backup of the database now (the newest 20 manual backups are kept).',
  ),
  restoreBackup: method(
    z.object({ name: z.string().min(1).max(300) }).strict(),
    z.object({ restored: BackupInfo, setAside: z.string().nullable() }),
    'Replace the database with one of its backups (checked first); the replaced file is kept beside it.',
  ),
};
