import type { Migration } from './types.js';

/**
 * What the exporter last read from each file of a folder, by the file's stat (as git's index does):
 * while a file's size, times, inode and device are still the ones recorded, its bytes are the
 * ones hashed then, and an unchanged re-export need not read it again. Only stats taken well
 * after the file's last change are recorded (see electron/core/export/file-stats.ts).
 */
export const migration0018: Migration = {
  version: 18,
  name: 'export-file-stats',
  up: `
    CREATE TABLE export_file_stats (
      dir TEXT NOT NULL,
      file TEXT NOT NULL,
      stat TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      PRIMARY KEY (dir, file)
    ) STRICT, WITHOUT ROWID;
  `,
};
