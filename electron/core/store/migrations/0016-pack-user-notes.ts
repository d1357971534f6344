import type { Migration } from './types.js';

/**
 * The user's own contradictions and outdated notes on a pack they can edit (not a shipped one).
 * Like their own sources and claims, they live beside the pack's content, so re-importing the
 * pack never drops them; an export folds them into the file. A pair is stored once, its two
 * claim ids in order.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'pack-user-notes',
  up: `
    CREATE TABLE pack_user_contradictions (
      pack TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      claim_a TEXT NOT NULL,
      claim_b TEXT NOT NULL,
      note TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (pack, claim_a, claim_b),
      CHECK (claim_a < claim_b)
    ) STRICT;

    CREATE TABLE pack_user_outdated (
      pack TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      claim TEXT NOT NULL,
      note TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (pack, claim)
    ) STRICT;
  `,
};
