import type { Migration } from './types.js';

/**
 * Sources with their text, and where every claim's quote stands against it.
 * `source_texts` keeps every version of a source's extracted text (with its headings as JSON,
 * the hash of the original file and what format it was read as); the newest version is the one
 * claims are checked against, the older ones say what changed. `claim_checks` holds the last
 * verification of each claim (state, where it was found, against which version) and the state
 * before it, so a new version can list what moved or went missing. Suggestions the user dismissed are
 * remembered by place (source, offset, option, criterion) so they are not offered again.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'source-texts-and-claim-checks',
  up: `
    CREATE TABLE source_texts (
      pack TEXT NOT NULL,
      source TEXT NOT NULL,
      version INTEGER NOT NULL,
      text TEXT NOT NULL,
      sections TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      file TEXT,
      format TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (pack, source, version)
    ) STRICT;

    CREATE TABLE claim_checks (
      pack TEXT NOT NULL,
      claim TEXT NOT NULL,
      state TEXT NOT NULL,
      found_section TEXT,
      start INTEGER,
      end INTEGER,
      text_version INTEGER,
      reason TEXT NOT NULL DEFAULT '',
      previous_state TEXT,
      checked_at TEXT NOT NULL,
      PRIMARY KEY (pack, claim)
    ) STRICT;

    CREATE TABLE suggestion_dismissals (
      pack TEXT NOT NULL,
      source TEXT NOT NULL,
      start INTEGER NOT NULL,
      option TEXT NOT NULL,
      criterion TEXT NOT NULL,
      dismissed_at TEXT NOT NULL,
      PRIMARY KEY (pack, source, start, option, criterion)
    ) STRICT;
  `,
};
