import type { Migration } from './types.js';

/**
 * The evidence ledgers Cairn writes beside exported ADRs, and what each decision's prose read as
 * at its last export or import.
 *
 * `ledger_files` is to ledgers what `repo_files` is to ADRs: the hash of the bytes Cairn last
 * wrote, so a ledger changed outside Cairn is never overwritten, and the fingerprint of what it was
 * made from, so an unchanged re-export does not rebuild it.
 *
 * `sync_bases` holds, per decision, the fields a re-import merges (JSON, keyed by field) as
 * they were when the decision last went through a folder: the common ancestor of a three-way
 * merge. A field changed both in the file and in Cairn since then is a conflict, reported and
 * not applied.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'ledgers-and-sync-bases',
  up: `
    CREATE TABLE ledger_files (
      dir TEXT NOT NULL,
      file TEXT NOT NULL,
      decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      input_sha TEXT,
      synced_at TEXT NOT NULL,
      PRIMARY KEY (dir, file)
    ) STRICT;
    CREATE INDEX ledger_files_decision ON ledger_files(decision_id);

    CREATE TABLE sync_bases (
      decision_id TEXT PRIMARY KEY REFERENCES decisions(id) ON DELETE CASCADE,
      content TEXT NOT NULL,
      synced_at TEXT NOT NULL
    ) STRICT;
  `,
};
