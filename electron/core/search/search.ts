/**
 * One ranked search over decisions, claims and sources: a single FTS5 index, so every hit is
 * ranked on the same bm25 scale (titles weigh five times the body). The ranking query touches
 * only the FTS index; documents are looked up, filtered and given snippets for the top hits alone.
 */
import type { SearchHit } from '../../../shared/api/search.js';
import type { CoreContext } from '../context.js';
import { queryTerms, snippetMaker } from '../../../shared/snippet.js';
import { toFtsQuery } from './fts.js';

export { MARK_END, MARK_START } from '../../../shared/snippet.js';

interface DocRow {
  kind: SearchHit['kind'];
  pack: string;
  ref: string;
  /** For a decision: when it went to the trash. */
  trashed: string | null;
  /** For a claim: 1 when the user hid it. */
  hidden: number | null;
}

export function createSearch(ctx: CoreContext) {
  const { db } = ctx;
  const ranked = db.prepare<[string, number, number], { rowid: number; rank: number }>(
    'SELECT rowid, bm25(search_fts, 5, 1) AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?',
  );
  // The documents and their text for a page of ranked rows, in one query (a rowid lookup each, no MATCH);
  // the snippet is cut in JavaScript from the text.
  const docs = db.prepare<[string], DocRow & { rowid: number; title: string; body: string }>(
    `SELECT j.value AS rowid, s.kind, s.pack, s.ref, d.trashed_at AS trashed, m.hidden, f.title, f.body
     FROM json_each(?) j JOIN search_docs s ON s.id = j.value
     LEFT JOIN decisions d ON s.kind = 'decision' AND d.id = s.ref
     LEFT JOIN claim_marks m ON s.kind = 'claim' AND m.pack = s.pack AND m.claim = s.ref
     JOIN search_fts f ON f.rowid = j.value`,
  );

  return function search(q: { query: string; kinds?: SearchHit['kind'][]; pack?: string; limit: number }): {
    hits: SearchHit[];
  } {
    const fts = toFtsQuery(q.query);
    if (!fts) return { hits: [] };
    const snippet = snippetMaker(queryTerms(q.query));
    const kinds = new Set(q.kinds?.length ? q.kinds : ['decision', 'claim', 'source']);
    const keep = (d: DocRow) =>
      kinds.has(d.kind) &&
      (!q.pack || d.pack === q.pack) &&
      !(d.kind === 'decision' && d.trashed) &&
      !(d.kind === 'claim' && d.hidden === 1);
    const hits: SearchHit[] = [];
    // Filters drop some ranked rows; read further pages until enough hits are found. The first
    // page is as long as the answer, since most searches keep every row.
    for (let offset = 0, page = q.limit; hits.length < q.limit; offset += page, page = Math.max(q.limit * 4, 200)) {
      const rows = ranked.all(fts, page, offset);
      for (let at = 0; at < rows.length && hits.length < q.limit;) {
        const slice = rows.slice(at, at + (q.limit - hits.length));
        at += slice.length;
        const found = new Map(docs.all(JSON.stringify(slice.map((r) => r.rowid))).map((d) => [d.rowid, d]));
        for (const r of slice) {
          const d = found.get(r.rowid);
          if (!d || !keep(d)) continue;
          hits.push({
            kind: d.kind,
            id: d.ref,
            pack: d.pack || null,
            title: d.title,
            snippet: snippet(d.body),
            score: -r.rank,
          });
        }
      }
      if (rows.length < page) break;
    }
    return { hits };
  };
}
