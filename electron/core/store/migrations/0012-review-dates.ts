import type { Migration } from './types.js';

/**
 * Review dates: the list sorts and filters by a decision's review date and `cairn due` asks which
 * are due, so the date lives in a column of its own (copied from the content on every save, like
 * title and status) with an index over the decisions not in the trash that have one.
 * Decisions saved before this version have no review date: content without one reads as null.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'review-dates',
  up: `
ALTER TABLE decisions ADD COLUMN review_by TEXT;
UPDATE decisions SET review_by = (SELECT json_extract(c.content, '$.reviewBy') FROM decision_content c WHERE c.id = decisions.id);
CREATE INDEX decisions_review ON decisions(review_by) WHERE trashed_at IS NULL AND review_by IS NOT NULL;
`,
};
