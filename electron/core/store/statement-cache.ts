/**
 * Statements prepared once per distinct SQL text, for queries built from their filters (the list,
 * the facet counts): a handful of shapes in practice, so the cache is simply emptied if it ever
 * holds more than `limit`.
 */
import type { Database, Statement } from 'better-sqlite3';

export function statementCache(db: Database, limit = 200): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= limit) statements.clear();
      statements.set(sql, (statement = db.prepare(sql)));
    }
    return statement;
  };
}
