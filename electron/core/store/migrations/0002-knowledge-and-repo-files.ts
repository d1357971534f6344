import type { Migration } from './types.js';

/**
 * Knowledge packs (shipped content kept whole; what the user added, hid or flagged kept apart,
 * so upgrading a shipped pack never touches it), and the files in ADR folders that Cairn has read or written, with the hash of their bytes.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'knowledge-and-repo-files',
  up: `
    CREATE TABLE packs (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      shipped INTEGER NOT NULL,
      content TEXT NOT NULL,
      content_sha TEXT NOT NULL,
      installed_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE pack_user_sources (
      pack TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      content TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (pack, id)
    ) STRICT;

    CREATE TABLE pack_user_claims (
      pack TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      content TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (pack, id)
    ) STRICT;

    CREATE TABLE claim_marks (
      pack TEXT NOT NULL,
      claim TEXT NOT NULL,
      hidden INTEGER NOT NULL DEFAULT 0,
      flagged INTEGER NOT NULL DEFAULT 0,
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (pack, claim)
    ) STRICT;

    CREATE TABLE repo_files (
      dir TEXT NOT NULL,
      file TEXT NOT NULL,
      decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      format TEXT NOT NULL,
      synced_at TEXT NOT NULL,
      PRIMARY KEY (dir, file)
    ) STRICT;
    CREATE INDEX repo_files_decision ON repo_files(decision_id);
  `,
};
