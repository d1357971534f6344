import type { Migration } from './types.js';

/**
 * Files Cairn writes into ADR folders that belong to no decision: the folder index (README.md)
 * and the copies of Cairn's version kept beside a file changed outside Cairn. As with
 * repo_files, `dir` is the ADR folder's absolute real path and `sha256` the hash of the bytes
 * Cairn last wrote, so a file changed since is never overwritten.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'export-files',
  up: `
    CREATE TABLE export_files (
      dir TEXT NOT NULL,
      file TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('index', 'copy')),
      sha256 TEXT NOT NULL,
      synced_at TEXT NOT NULL,
      PRIMARY KEY (dir, file)
    ) STRICT;
  `,
};
