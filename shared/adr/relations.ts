/**
 * Relations between ADRs as the files write them. A relation stored on one decision is written
 * into both files: "Supersedes" in one, "Superseded by" in the other. The Nygard writer uses
 * adr-tools' own spelling ("Supercedes", "Superceded by") so that adr-tools and the tools that
 * read its folders recognise the lines.
 */
import { adrToolsWords, normalizeRelation, RELATION_NAMES, relationWords, reverseRelation } from '../relation-types.js';
import type { AdrFormat, AdrLink } from './types.js';

/** The names, inverses and spellings live in one table; these re-exports keep the exporter's imports short. */
export { canonicalRelation, UNKNOWN_REVERSE } from '../relation-types.js';
export { reverseRelation };

const normalise = normalizeRelation;
const ORDER = RELATION_NAMES;

/** The words that start a link line: "Superseded by", or adr-tools' "Superceded by" in Nygard. */
export function relationLabel(type: string, format: AdrFormat): string {
  const nygard = format === 'nygard' ? adrToolsWords(type) : null;
  if (nygard) return nygard;
  const words = relationWords(type).replace(/\s+/g, ' ').trim() || 'relates to';
  return words[0]!.toUpperCase() + words.slice(1);
}

/** A decision as the link collector needs it. */
export interface RelatedDecision {
  id: string;
  relations: readonly { type: string; target: string }[];
}

/** What a decision id resolves to in the folder, or null when it is not exported there. */
export type LinkTarget = { number: number | null; title: string; file: string | null };

function rank(type: string): number {
  const i = ORDER.indexOf(type);
  return i < 0 ? ORDER.length : i;
}

/** Every decision's relations, and for each decision the relations others hold to it. */
export interface RelationIndex {
  byId: ReadonlyMap<string, RelatedDecision>;
  incoming: ReadonlyMap<string, readonly { type: string; from: string }[]>;
}

/** Indexes relations once, so collecting one decision's links does not scan every decision. */
export function indexRelations(decisions: readonly RelatedDecision[]): RelationIndex {
  const byId = new Map<string, RelatedDecision>();
  const incoming = new Map<string, { type: string; from: string }[]>();
  for (const d of decisions) {
    byId.set(d.id, d);
    for (const r of d.relations) {
      if (r.target === d.id) continue;
      const list = incoming.get(r.target);
      if (list) list.push({ type: r.type, from: d.id });
      else incoming.set(r.target, [{ type: r.type, from: d.id }]);
    }
  }
  return { byId, incoming };
}

/**
 * The link lines of one decision: its own relations and the reverse of every relation another
 * decision holds to it, without duplicates, in a fixed order (kind, then number, then title).
 */
export function collectLinks(
  id: string,
  relations: RelationIndex | readonly RelatedDecision[],
  resolve: (id: string) => LinkTarget | null,
): AdrLink[] {
  const index = 'incoming' in relations ? relations : indexRelations(relations);
  const seen = new Map<string, AdrLink & { sortTitle: string }>();
  const add = (type: string, target: string) => {
    if (target === id) return;
    const t = normalise(type);
    const key = `${t}\u0000${target}`;
    if (seen.has(key)) return;
    const resolved = resolve(target);
    const link = resolved ?? { number: null, title: target, file: null };
    seen.set(key, { type: t, number: link.number, title: link.title, file: link.file, sortTitle: link.title });
  };
  for (const r of index.byId.get(id)?.relations ?? []) add(r.type, r.target);
  for (const r of index.incoming.get(id) ?? []) add(reverseRelation(r.type), r.from);
  return [...seen.values()]
    .sort(
      (a, b) =>
        rank(a.type) - rank(b.type) ||
        (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
        (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) ||
        (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : 0),
    )
    .map(({ sortTitle: _s, ...link }) => link);
}
