import type { Migration } from './types.js';

/**
 * The files of an imported ADR folder that are not decisions: its README or index, templates,
 * diagrams the ADRs show, a file Cairn could not read as an ADR. Kept byte for byte (with their
 * path relative to the folder) so that a deleted folder or a fresh clone is re-created whole from
 * the store, `git status` clean. Replaced on each import of the folder.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'repository-companions',
  up: `
    CREATE TABLE repository_companions (
      repository INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      bytes BLOB NOT NULL,
      sha256 TEXT NOT NULL,
      PRIMARY KEY (repository, path)
    ) STRICT;
  `,
};
