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
import { migration0010 } from './0010-repositories.js';
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
  // 0009 is the origin table (issue #14), merged separately; user_version only has to rise.
  migration0010,
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
