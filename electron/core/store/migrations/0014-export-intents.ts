import type { Migration } from './types.js';

/**
 * What an export is about to write, recorded before the first file lands: folder, file name,
 * decision, and the sha256 of the bytes. An export killed midway (kill -9, power loss) leaves
 * files the store has no record of; the next export finds them here by name and hash and takes
 * them as its own, so it finishes the same export (same numbers, no second copy) instead of
 * numbering everything again after them. Rows are removed when an export ends.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'export-intents',
  up: `
    CREATE TABLE export_intents (
      dir TEXT NOT NULL,
      file TEXT NOT NULL,
      decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      format TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (dir, file)
    ) STRICT;
  `,
};
