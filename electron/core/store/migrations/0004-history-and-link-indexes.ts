import type { Migration } from './types.js';

/**
 * Covering indexes on the few JSON parts that queries across every decision read: status per
 * revision (timeline), relations (graph, timeline) and what precedent ranking compares. Without
 * them each such query parses every stored decision, claim snapshots and all; with them SQLite
 * answers from the index alone. The expressions must match the queries in electron/core/compare.ts
 * character for character (tests/integration/compare.test.ts checks the query plans).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'history-and-link-indexes',
  up: `
    CREATE INDEX revisions_status ON revisions(decision_id, revision, saved_at, json_extract(content, '$.status'));
    CREATE INDEX decision_content_links ON decision_content(id, json_extract(content, '$.relations'));
    CREATE INDEX decision_content_precedents ON decision_content(
      id, json_extract(content, '$.options'), json_extract(content, '$.drivers'), json_extract(content, '$.chosenOption'),
      substr(json_extract(content, '$.rationale'), 1, 600)
    );
  `,
};
