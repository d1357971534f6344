import type { Migration } from './types.js';

/**
 * What each exported file was rendered from (the decision's revision, number, links and the
 * folder's style), so an unchanged re-export can reuse the file's bytes instead of rendering.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'export-input-fingerprints',
  up: `ALTER TABLE repo_files ADD COLUMN input_sha TEXT;`,
};
