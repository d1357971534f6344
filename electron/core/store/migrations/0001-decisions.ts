import type { Migration } from './types.js';

/** Decisions, their revisions, and the full-text index. */
export const migration0001: Migration = {
  version: 1,
  name: 'decisions',
  up: `
    CREATE TABLE decisions (
      id TEXT PRIMARY KEY,
      number INTEGER,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      date TEXT NOT NULL,
      pack TEXT,
      chosen_option TEXT,
      tags TEXT NOT NULL DEFAULT '[]',
      decision_makers TEXT NOT NULL DEFAULT '[]',
      revision INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      trashed_at TEXT
    ) STRICT;
    -- The whole decision as JSON, apart from the slim rows above so that listing thousands of
    -- decisions reads a few rows per page instead of one large row per page.
    CREATE TABLE decision_content (
      id TEXT PRIMARY KEY REFERENCES decisions(id) ON DELETE CASCADE,
      content TEXT NOT NULL
    ) STRICT;
    CREATE INDEX decisions_number ON decisions(number);
    CREATE INDEX decisions_updated ON decisions(updated_at);
    CREATE INDEX decisions_status ON decisions(status);

    CREATE TABLE revisions (
      decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      saved_at TEXT NOT NULL,
      reason TEXT NOT NULL,
      number INTEGER,
      content TEXT NOT NULL,
      PRIMARY KEY (decision_id, revision)
    ) STRICT;

    -- One full-text index for everything searchable (decisions, claims, sources), so hits of
    -- every kind are ranked on one bm25 scale. search_docs maps each document to its FTS rowid.
    CREATE TABLE search_docs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      pack TEXT NOT NULL DEFAULT '',
      ref TEXT NOT NULL,
      UNIQUE (kind, pack, ref)
    ) STRICT;
    CREATE INDEX search_docs_pack ON search_docs(pack, kind);
    CREATE VIRTUAL TABLE search_fts USING fts5(
      title, body, tokenize = 'porter unicode61 remove_diacritics 2'
    );
  `,
};
