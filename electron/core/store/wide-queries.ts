/**
 * Queries that read every decision or revision, shared by the concepts that need them (compare,
 * relations, insights) and by the benchmark that measures them against the bare query.
 */

/**
 * Queries that read every decision or revision. Each is answered from a covering index of
 * migration 4 (named with INDEXED BY where the primary key would otherwise win); their JSON
 * expressions must stay identical to the indexed ones.
 */
export const WIDE_QUERIES = {
  candidates: `SELECT d.id, d.revision, d.number, d.title, d.status, d.date, d.pack,
      json_extract(c.content, '$.options') AS options, json_extract(c.content, '$.drivers') AS drivers,
      json_extract(c.content, '$.chosenOption') AS chosen, substr(json_extract(c.content, '$.rationale'), 1, 600) AS rationale
    FROM decisions d JOIN decision_content c INDEXED BY decision_content_precedents ON c.id = d.id WHERE d.trashed_at IS NULL`,
  candidate: `SELECT d.id, d.revision, d.number, d.title, d.status, d.date, d.pack,
      json_extract(c.content, '$.options') AS options, json_extract(c.content, '$.drivers') AS drivers,
      json_extract(c.content, '$.chosenOption') AS chosen, substr(json_extract(c.content, '$.rationale'), 1, 600) AS rationale
    FROM decisions d JOIN decision_content c INDEXED BY decision_content_precedents ON c.id = d.id WHERE d.id = ?`,
  links: `SELECT d.id, d.number, d.title, d.status, d.date, d.chosen_option, d.trashed_at, json_extract(c.content, '$.relations') AS relations,
      (SELECT p.name FROM repositories p WHERE p.id = d.repository) AS repository
    FROM decisions d JOIN decision_content c INDEXED BY decision_content_links ON c.id = d.id`,
  /** Who states a relation to decision `?` (lifecycle's incoming relations), in number order: from `relation_targets` (migration 17). */
  incomingRelations: `SELECT d.id AS id, r.type AS type
    FROM relation_targets r INDEXED BY relation_targets_target
    JOIN decisions d ON d.id = r.source
    WHERE r.target = ? ORDER BY d.number, d.id, r.rowid`,
  statuses: `SELECT decision_id AS id, revision, saved_at, json_extract(content, '$.status') AS status FROM revisions ORDER BY decision_id, revision`,
} as const;
