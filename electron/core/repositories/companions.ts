/**
 * A repository's other files: what its ADR folder holds besides decisions (README or index,
 * templates, diagrams, a file that could not be read as an ADR), kept byte for byte on import
 * (`repository_companions`, migration 0015) so that the store can re-create a deleted folder or
 * a fresh clone whole. Policy: they are the repository's, never Cairn's — re-created only into a
 * folder that was empty or missing before the export, never over a file that is there, and
 * never recorded as Cairn's own. A file over MAX_FILE, or past MAX_TOTAL for the folder, is
 * not kept, and the import says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context.js';
import { sha256 } from '../hash.js';
import { writeIfAbsent } from '../export/write.js';

const MAX_FILE = 8 * 1024 * 1024;
const MAX_TOTAL = 64 * 1024 * 1024;

export interface Companion {
  path: string;
  bytes: Buffer;
}

/** Reads the named files of `folder` (relative paths) that are regular and small enough. */
export function readCompanions(folder: string, names: readonly string[]): { kept: Companion[]; tooLarge: string[] } {
  const kept: Companion[] = [];
  const tooLarge: string[] = [];
  let total = 0;
  for (const name of names) {
    const full = path.join(folder, name);
    const st = fs.lstatSync(full, { throwIfNoEntry: false });
    // Links, pipes and devices are not content: nothing to keep.
    if (!st?.isFile()) continue;
    if (st.size > MAX_FILE || total + st.size > MAX_TOTAL) {
      tooLarge.push(name);
      continue;
    }
    try {
      const bytes = fs.readFileSync(full);
      total += bytes.length;
      kept.push({ path: name, bytes });
    } catch {
      // Unreadable now (permissions, removed meanwhile): the folder's copy is all there is.
      tooLarge.push(name);
    }
  }
  return { kept, tooLarge };
}

/** Replaces the repository's kept files with these (inside the import's transaction). */
export function keepCompanions(db: CoreContext['db'], repository: number, files: readonly Companion[]): void {
  db.prepare('DELETE FROM repository_companions WHERE repository = ?').run(repository);
  const insert = db.prepare('INSERT INTO repository_companions (repository, path, bytes, sha256) VALUES (?, ?, ?, ?)');
  for (const f of files) insert.run(repository, f.path, f.bytes, sha256(f.bytes));
}

/**
 * Re-creates the repository's other files in `folder`, each only where nothing is, skipping the
 * names the export itself writes. Returns the paths written.
 */
export function restoreCompanions(
  db: CoreContext['db'],
  repository: number,
  folder: string,
  skip: ReadonlySet<string>,
): string[] {
  const rows = db
    .prepare<[number], { path: string; bytes: Buffer }>(
      'SELECT path, bytes FROM repository_companions WHERE repository = ? ORDER BY path',
    )
    .all(repository);
  const written: string[] = [];
  for (const row of rows) {
    if (skip.has(row.path)) continue;
    if (writeIfAbsent(folder, row.path, row.bytes)) written.push(row.path);
  }
  return written;
}
