/**
 * The imported file behind a decision (table decision_origins, migration 0009): its exact text,
 * its dialect and the importer's parse data. Kept apart from the decision's content on purpose:
 * it can be 6 MB, and no screen reads it, so it never travels with a save, never rides in a
 * revision and never crosses the API. Only the core reads it: the exporter (to write an unedited
 * decision back byte for byte), the importer (what the file said last time) and the lifecycle
 * (how the file links to others).
 */
import type { Db } from './store/database.js';
import { Origin } from '../../shared/domain.js';

interface OriginRow {
  decision_id: string;
  file: string;
  dialect: string;
  raw: string;
  extra: string;
}

const toOrigin = (r: OriginRow): Origin => ({
  file: r.file,
  dialect: r.dialect,
  raw: r.raw,
  extra: JSON.parse(r.extra) as Record<string, unknown>,
});

export function createOriginStore(db: Db) {
  const stmt = {
    get: db.prepare<[string], OriginRow>(
      'SELECT decision_id, file, dialect, raw, extra FROM decision_origins WHERE decision_id = ?',
    ),
    many: db.prepare<[string], OriginRow>(
      'SELECT decision_id, file, dialect, raw, extra FROM decision_origins WHERE decision_id IN (SELECT value FROM json_each(?))',
    ),
    // Plain INSERT and UPDATE rather than an upsert, as for decision_content: cheaper in a bulk import.
    insert: db.prepare(
      'INSERT INTO decision_origins (decision_id, file, dialect, raw, extra) VALUES (@id, @file, @dialect, @raw, @extra)',
    ),
    update: db.prepare(
      'UPDATE decision_origins SET file = @file, dialect = @dialect, raw = @raw, extra = @extra WHERE decision_id = @id',
    ),
    remove: db.prepare<[string]>('DELETE FROM decision_origins WHERE decision_id = ?'),
  };

  /** The file a decision was imported from, or null for a decision made in Cairn. */
  function read(id: string): Origin | null {
    const row = stmt.get.get(id);
    return row ? toOrigin(row) : null;
  }

  /** The origins of several decisions in one query; decisions without one are left out. */
  function readMany(ids: readonly string[]): Map<string, Origin> {
    const out = new Map<string, Origin>();
    if (ids.length) for (const row of stmt.many.all(JSON.stringify(ids))) out.set(row.decision_id, toOrigin(row));
    return out;
  }

  /**
   * Records a decision's origin (null removes it). Checked here once, against the schema's bounds;
   * the caller is the store's save, inside its transaction, so the origin and the revision that
   * goes with it land together.
   */
  function put(id: string, origin: Origin | null, isNew: boolean): void {
    if (origin === null) {
      if (!isNew) stmt.remove.run(id);
      return;
    }
    const o = Origin.parse(origin);
    const row = { id, file: o.file, dialect: o.dialect, raw: o.raw, extra: JSON.stringify(o.extra) };
    if (isNew || stmt.update.run(row).changes === 0) stmt.insert.run(row);
  }

  return { read, readMany, put };
}

export type OriginStore = ReturnType<typeof createOriginStore>;

/**
 * The file a decision was imported from (exact text, file name, dialect, parse data), or null for
 * a decision made in Cairn. For core code that has a database but no decision store at hand, e.g.
 * re-creating an unchanged imported file byte for byte.
 */
export function readDecisionOrigin(db: Db, id: string): Origin | null {
  return createOriginStore(db).read(id);
}
