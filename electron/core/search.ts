/**
 * One ranked search over decisions, claims and sources: a single FTS5 index, so every hit is
 * ranked on the same bm25 scale (titles weigh five times the body). The ranking query touches
 * only the FTS index; documents are looked up, filtered and given snippets for the top hits alone.
 */
import type { SearchHit } from '../../shared/api/knowledge.js';
import type { CoreContext } from './context.js';
import { makeSnippet, queryTerms } from '../../shared/snippet.js';
import { toFtsQuery } from './fts.js';

export { MARK_END, MARK_START } from '../../shared/snippet.js';

interface DocRow {
  kind: SearchHit['kind'];
  pack: string;
  ref: string;
  trashed: string | null;
}

export function createSearch(ctx: CoreContext, isHidden: (pack: string, claim: string) => boolean) {
  const { db } = ctx;
  const ranked = db.prepare<[string, number, number], { rowid: number; rank: number }>(
    'SELECT rowid, bm25(search_fts, 5, 1) AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?',
  );
  const doc = db.prepare<[number], DocRow>(
    `SELECT s.kind, s.pack, s.ref, d.trashed_at AS trashed FROM search_docs s
     LEFT JOIN decisions d ON s.kind = 'decision' AND d.id = s.ref WHERE s.id = ?`,
  );
  // A direct rowid lookup (no MATCH) is cheap; the snippet is cut in JavaScript from the text.
  const text = db.prepare<[number], { title: string; body: string }>('SELECT title, body FROM search_fts WHERE rowid = ?');

  return function search(q: { query: string; kinds?: SearchHit['kind'][]; pack?: string; limit: number }): { hits: SearchHit[] } {
    const fts = toFtsQuery(q.query);
    if (!fts) return { hits: [] };
    const terms = queryTerms(q.query);
    const kinds = new Set(q.kinds?.length ? q.kinds : ['decision', 'claim', 'source']);
    const keep = (d: DocRow) =>
      kinds.has(d.kind) &&
      (!q.pack || d.pack === q.pack) &&
      !(d.kind === 'decision' && d.trashed) &&
      !(d.kind === 'claim' && isHidden(d.pack, d.ref));
    const hits: SearchHit[] = [];
    // Filters drop some ranked rows; read further pages until enough hits are found.
    const page = Math.max(q.limit * 2, 50);
    for (let offset = 0; hits.length < q.limit; offset += page) {
      const rows = ranked.all(fts, page, offset);
      for (const r of rows) {
        const d = doc.get(r.rowid);
        if (!d || !keep(d)) continue;
        const t = text.get(r.rowid)!;
        hits.push({ kind: d.kind, id: d.ref, pack: d.pack || null, title: t.title, snippet: makeSnippet(t.body, terms), score: -r.rank });
        if (hits.length === q.limit) break;
      }
      if (rows.length < page) break;
    }
    return { hits };
  };
}
