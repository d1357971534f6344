/**
 * Every schema version, in order. One file per version; never edit a shipped migration,
 * add the next one. The schema snapshot test (tests/integration/schema.test.ts) shows changes.
 */
import { migration0001 } from './0001-decisions.js';
import { migration0002 } from './0002-knowledge-and-repo-files.js';
import { migration0003 } from './0003-export-files.js';
import { migration0004 } from './0004-history-and-link-indexes.js';
import { migration0005 } from './0005-export-input-fingerprints.js';
import { migration0006 } from './0006-settings.js';
import { migration0007 } from './0007-adr-headers.js';
import { migration0008 } from './0008-list-order-index.js';
import { migration0009 } from './0009-decision-origins.js';
import { migration0010 } from './0010-repositories.js';
import { migration0011 } from './0011-source-texts-and-claim-checks.js';
import { migration0012 } from './0012-review-dates.js';
import { migration0013 } from './0013-ledgers-and-sync-bases.js';
import { migration0014 } from './0014-export-intents.js';
import { migration0015 } from './0015-repository-companions.js';
import { migration0016 } from './0016-pack-user-notes.js';
import { migration0017 } from './0017-relation-targets-and-pack-index.js';
import { migration0018 } from './0018-export-file-stats.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
