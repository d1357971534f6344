import type { Migration } from './types.js';

/**
 * The decision list's order by number (numbered decisions first, then drafts by creation), as an
 * index over the decisions not in the trash: listing 10,000 in that order reads the index instead
 * of sorting. The expression must match `list` in electron/core/decisions.ts.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'list-order-index',
  up: `CREATE INDEX decisions_listed ON decisions(number IS NULL, number, created_at) WHERE trashed_at IS NULL;`,
};
