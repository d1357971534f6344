import type { Migration } from './types.js';

/**
 * What the exporter read from each ADR file of a folder (title, status, date, relation lines),
 * keyed by the file's content hash, so writing the index does not parse every file again.
 * A cached header is used only while the file still has the hashed bytes.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'adr-headers',
  up: `CREATE TABLE adr_headers (
    dir TEXT NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    header TEXT NOT NULL,
    PRIMARY KEY (dir, file)
  ) STRICT, WITHOUT ROWID;`,
};
