/**
 * One ranked search over decisions, claims and sources: a single FTS5 index, so every hit is
 * ranked on the same bm25 scale (titles weigh five times the body).
 */
import type { SearchHit } from '../../shared/api/knowledge.js';
import type { CoreContext } from './context.js';
import { toFtsQuery } from './fts.js';

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

interface HitRow {
  kind: SearchHit['kind'];
  pack: string;
  ref: string;
  title: string;
  snippet: string;
  rank: number;
}

export function createSearch(ctx: CoreContext, isHidden: (pack: string, claim: string) => boolean) {
  const { db } = ctx;
  return function search(q: { query: string; kinds?: SearchHit['kind'][]; pack?: string; limit: number }): { hits: SearchHit[] } {
    const fts = toFtsQuery(q.query);
    if (!fts) return { hits: [] };
    const kinds = q.kinds?.length ? [...new Set(q.kinds)] : ['decision', 'claim', 'source'];
    const rows = db
      .prepare(
        `SELECT s.kind, s.pack, s.ref, search_fts.title AS title,
                snippet(search_fts, 1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet, bm25(search_fts, 5, 1) AS rank
         FROM search_fts JOIN search_docs s ON s.id = search_fts.rowid
         LEFT JOIN decisions d ON s.kind = 'decision' AND d.id = s.ref
         WHERE search_fts MATCH ? AND s.kind IN (${kinds.map(() => '?').join(', ')})
           AND (s.kind <> 'decision' OR d.trashed_at IS NULL) ${q.pack ? 'AND s.pack = ?' : ''}
         ORDER BY rank LIMIT ?`,
      )
      .all(fts, ...kinds, ...(q.pack ? [q.pack] : []), q.limit * 2) as HitRow[];
    const hits: SearchHit[] = [];
    for (const r of rows) {
      if (r.kind === 'claim' && isHidden(r.pack, r.ref)) continue;
      hits.push({ kind: r.kind, id: r.ref, pack: r.pack || null, title: r.title, snippet: r.snippet, score: -r.rank });
      if (hits.length === q.limit) break;
    }
    return { hits };
  };
}
