/**
 * Writes to the one full-text index. Each document (a decision, a claim, a source) is keyed by
 * kind, pack and ref in search_docs, whose integer id is the FTS rowid: replacing or removing a
 * document is an indexed lookup, never a scan of the FTS table.
 */
import type { Db } from '../store/database.js';

export type DocKind = 'decision' | 'claim' | 'source';

export function createSearchIndex(db: Db) {
  const find = db.prepare<[string, string, string], { id: number }>(
    'SELECT id FROM search_docs WHERE kind = ? AND pack = ? AND ref = ?',
  );
  const addDoc = db.prepare('INSERT INTO search_docs (kind, pack, ref) VALUES (?, ?, ?)');
  const delDoc = db.prepare('DELETE FROM search_docs WHERE id = ?');
  const delText = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const addText = db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)');
  const packDocs = db.prepare<[string], { id: number }>(
    "SELECT id FROM search_docs WHERE pack = ? AND kind IN ('claim', 'source')",
  );

  function remove(kind: DocKind, pack: string, ref: string): void {
    const row = find.get(kind, pack, ref);
    if (!row) return;
    delText.run(row.id);
    delDoc.run(row.id);
  }

  return {
    put(kind: DocKind, pack: string, ref: string, title: string, body: string): void {
      const row = find.get(kind, pack, ref);
      const id = row ? row.id : Number(addDoc.run(kind, pack, ref).lastInsertRowid);
      if (row) delText.run(id);
      addText.run(id, title, body);
    },
    remove,
    /** Drops the claims and sources of one pack (before it is indexed afresh). */
    removePack(pack: string): void {
      for (const { id } of packDocs.all(pack)) {
        delText.run(id);
        delDoc.run(id);
      }
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
