-- user_version = 1
CREATE INDEX decisions_number ON decisions(number);
CREATE INDEX decisions_status ON decisions(status);
CREATE INDEX decisions_updated ON decisions(updated_at);
CREATE TABLE decisions ( id TEXT PRIMARY KEY, number INTEGER, title TEXT NOT NULL, status TEXT NOT NULL, date TEXT NOT NULL, pack TEXT, chosen_option TEXT, tags TEXT NOT NULL DEFAULT '[]', decision_makers TEXT NOT NULL DEFAULT '[]', revision INTEGER NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, trashed_at TEXT ) STRICT;
CREATE VIRTUAL TABLE decisions_fts USING fts5( id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2' );
CREATE TABLE 'decisions_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'decisions_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2);
CREATE TABLE 'decisions_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'decisions_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'decisions_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE revisions ( decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE, revision INTEGER NOT NULL, saved_at TEXT NOT NULL, reason TEXT NOT NULL, number INTEGER, content TEXT NOT NULL, PRIMARY KEY (decision_id, revision) ) STRICT;
