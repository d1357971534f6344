/**
 * The stats of a folder's files as the exporter last read them (table export_file_stats), so an
 * unchanged re-export of thousands of files hashes none of them again, as git's index does.
 * Policy:
 * - a remembered hash stands for a file only while its stat (size, modification and change
 *   times to a fraction of a microsecond, inode, device) is exactly the one recorded; any difference and
 *   the file is read and hashed again;
 * - a stat is recorded only when it was taken at least STAT_SLACK_MS after the file's last
 *   change: a change made after the stat then always moves its times past the recorded ones,
 *   even where the file system keeps coarse times (git's "racily clean" files are read again).
 */
import type { Stats } from 'node:fs';
import type { Database } from 'better-sqlite3';

/** Longer than any file system's time granularity (FAT keeps two seconds) and the kernel's clock tick. */
export const STAT_SLACK_MS = 3000;

export interface FileStats {
  /** The sha256 remembered for `file` while `stat` is exactly the recorded one; null otherwise. */
  known(file: string, stat: Stats): string | null;
  /** Whether anything is remembered for `file` (only then is a stat worth taking before reading it). */
  has(file: string): boolean;
  /** `file`, whose stat was taken at `checkedAt` (ms since the epoch, read before the stat), holds bytes hashing to `sha`. */
  read(file: string, stat: Stats, checkedAt: number, sha: string): void;
  /** Records the stats read this time and forgets the files not in `files` (the folder as scanned). */
  save(files: ReadonlySet<string> | ReadonlyMap<string, unknown>): void;
}

/** The stat as recorded: the times in milliseconds with their fraction (to well under a microsecond). */
function fingerprint(stat: Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`;
}

export function createFileStats(db: Database, dir: string): FileStats {
  const known = new Map(
    db
      .prepare<[string], { file: string; stat: string; sha256: string }>(
        'SELECT file, stat, sha256 FROM export_file_stats WHERE dir = ?',
      )
      .all(dir)
      .map((r) => [r.file, r] as const),
  );
  // Per file read this time: the stat to remember, or null (too recent to trust: forget any old one).
  const read = new Map<string, { stat: string; sha256: string } | null>();
  return {
    known(file, stat) {
      const row = known.get(file);
      return row && row.stat === fingerprint(stat) ? row.sha256 : null;
    },
    has: (file) => known.has(file),
    read(file, stat, checkedAt, sha) {
      const settled = Math.max(stat.mtimeMs, stat.ctimeMs) < checkedAt - STAT_SLACK_MS;
      const print = fingerprint(stat);
      const row = known.get(file);
      if (settled && row?.stat === print && row.sha256 === sha) return;
      read.set(file, settled ? { stat: print, sha256: sha } : null);
    },
    save(files) {
      const put = db.prepare(
        'INSERT INTO export_file_stats (dir, file, stat, sha256) VALUES (?, ?, ?, ?) ON CONFLICT (dir, file) DO UPDATE SET stat = excluded.stat, sha256 = excluded.sha256',
      );
      const drop = db.prepare('DELETE FROM export_file_stats WHERE dir = ? AND file = ?');
      for (const [file, r] of read) {
        if (r && files.has(file)) put.run(dir, file, r.stat, r.sha256);
        else if (known.has(file)) drop.run(dir, file);
      }
      for (const file of known.keys()) if (!files.has(file) && !read.has(file)) drop.run(dir, file);
    },
  };
}
