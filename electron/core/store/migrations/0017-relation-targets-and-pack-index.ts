import type { Migration } from './types.js';

/**
 * Two lookups a decision's page makes, which read all 10,000 decisions without them:
 * - who states a relation to a decision (its incoming relations, shown on every decision page):
 *   `relation_targets` holds each stated relation as a row, indexed by target, kept by triggers on
 *   `decision_content` from the same JSON expression the query used (`$.relations`), so no writer
 *   has to remember it and a deleted decision takes its rows with it;
 * - the decisions made from a pack (whose evidence may have changed since): few among many, found
 *   through a partial index instead of a scan of every decision in list order.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'relation-targets-and-pack-index',
  up: `
    CREATE TABLE relation_targets (
      source TEXT NOT NULL REFERENCES decision_content(id) ON DELETE CASCADE,
      type TEXT,
      target TEXT
    ) STRICT;
    CREATE INDEX relation_targets_target ON relation_targets(target);
    CREATE INDEX relation_targets_source ON relation_targets(source);
    INSERT INTO relation_targets (source, type, target)
      SELECT c.id, json_extract(r.value, '$.type'), json_extract(r.value, '$.target')
      FROM decision_content c, json_each(json_extract(c.content, '$.relations')) r;
    CREATE TRIGGER relation_targets_insert AFTER INSERT ON decision_content BEGIN
      INSERT INTO relation_targets (source, type, target)
        SELECT NEW.id, json_extract(r.value, '$.type'), json_extract(r.value, '$.target')
        FROM json_each(json_extract(NEW.content, '$.relations')) r;
    END;
    CREATE TRIGGER relation_targets_update AFTER UPDATE OF content ON decision_content
      WHEN json_extract(OLD.content, '$.relations') IS NOT json_extract(NEW.content, '$.relations') BEGIN
      DELETE FROM relation_targets WHERE source = OLD.id;
      INSERT INTO relation_targets (source, type, target)
        SELECT NEW.id, json_extract(r.value, '$.type'), json_extract(r.value, '$.target')
        FROM json_each(json_extract(NEW.content, '$.relations')) r;
    END;
    CREATE INDEX decisions_pack ON decisions(pack) WHERE trashed_at IS NULL AND pack IS NOT NULL;
  `,
};
