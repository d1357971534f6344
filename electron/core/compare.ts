/**
 * Queries behind comparing, precedents, history, the relation graph, the timeline and the list's
 * facets. Reads that span every decision take only the JSON parts they need, from covering
 * indexes, so they stay cheap when decisions carry hundreds of claim snapshots.
 */
import { CairnError } from '../../shared/api/define.js';
import type { Facet, Facets, RevisionDiff, Timeline, TimelineEntry } from '../../shared/api/compare.js';
import { compareDecisions, type Comparison } from '../../shared/compare.js';
import { DecisionContent, type Decision, type DecisionSummary, type Status } from '../../shared/domain.js';
import { rankPrecedents, type Precedent, type PrecedentInput } from '../../shared/precedents.js';
import { canonicalEdges, connectedTo, supersedeChains, type GraphNode, type RelationEdge, type RelationGraph } from '../../shared/relations.js';
import { diffContent } from '../../shared/revision-diff.js';
import type { z } from 'zod';
import type { CoreContext } from './context.js';
import type { DecisionStore } from './decisions.js';

type ParsedListQuery = z.output<typeof import('../../shared/api/decisions.js').ListQuery>;

interface CandidateRow {
  id: string;
  revision: number;
  number: number | null;
  title: string;
  status: Status;
  date: string;
  pack: string | null;
  options: string | null;
  drivers: string | null;
  chosen: string | null;
  rationale: string | null;
}

interface Header {
  id: string;
  number: number | null;
  title: string;
  status: Status;
  date: string;
  chosen: string | null;
  trashed: boolean;
}

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
  links: `SELECT d.id, d.number, d.title, d.status, d.date, d.chosen_option, d.trashed_at, json_extract(c.content, '$.relations') AS relations
    FROM decisions d JOIN decision_content c INDEXED BY decision_content_links ON c.id = d.id`,
  statuses: `SELECT decision_id AS id, revision, saved_at, json_extract(content, '$.status') AS status FROM revisions ORDER BY decision_id, revision`,
} as const;

/** "Python" over "python" when both are written: the most frequent spelling, capitals breaking ties. */
function usualSpelling(spellings: Map<string, number>): string {
  const capitals = (v: string) => (v === v.toLowerCase() ? 0 : 1);
  return [...spellings].sort(([a, n], [b, m]) => m - n || capitals(b) - capitals(a) || a.localeCompare(b))[0]![0];
}

export function createCompareQueries(ctx: CoreContext, store: DecisionStore) {
  const { db } = ctx;
  const stmt = {
    exists: db.prepare<[string], { id: string }>('SELECT id FROM decisions WHERE id = ?'),
    byNumber: db.prepare<[number], { id: string; title: string }>('SELECT id, title FROM decisions WHERE number = ? AND trashed_at IS NULL ORDER BY created_at'),
    candidates: db.prepare<[], CandidateRow>(WIDE_QUERIES.candidates),
    candidate: db.prepare<[string], CandidateRow>(WIDE_QUERIES.candidate),
    heads: db.prepare<[], { id: string; revision: number }>('SELECT id, revision FROM decisions WHERE trashed_at IS NULL'),
    links: db.prepare<[], { id: string; number: number | null; title: string; status: Status; date: string; chosen_option: string | null; trashed_at: string | null; relations: string | null }>(
      WIDE_QUERIES.links,
    ),
    statuses: db.prepare<[], { id: string; revision: number; saved_at: string; status: Status }>(
      WIDE_QUERIES.statuses,
    ),
  };

  /** A decision named by id, or by its ADR number ("7", "0007", "ADR-7") when that is unambiguous. */
  function resolve(ref: string): string {
    if (stmt.exists.get(ref)) return ref;
    const m = /^(?:adr[-\s]?)?0*(\d+)$/i.exec(ref.trim());
    if (m) {
      const rows = stmt.byNumber.all(Number(m[1]));
      if (rows.length === 1) return rows[0]!.id;
      if (rows.length > 1) {
        throw new CairnError(
          'invalid_input',
          `More than one decision is numbered ${m[1]} (${rows.map((r) => `“${r.title}” ${r.id}`).join(', ')}); name it by id instead.`,
        );
      }
    }
    throw new CairnError('not_found', `No decision with id or number "${ref}". Run \`cairn list\` to see them.`);
  }

  function compare(refs: string[]): Comparison {
    const ids = refs.map(resolve);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new CairnError('invalid_input', `The same decision (${twice}) is named twice; compare different decisions.`);
    return compareDecisions(ids.map((id) => store.get(id)));
  }

  /**
   * What precedent ranking reads of every decision, kept between calls and refreshed by revision:
   * the editor asks after every save, and only what changed since is read again. Another process
   * writing the same file (the CLI beside the app) bumps revisions too, so nothing goes stale.
   */
  let projections = new Map<string, { revision: number; input: PrecedentInput }>();
  const project = (r: CandidateRow): { revision: number; input: PrecedentInput } => ({
    revision: r.revision,
    input: {
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      date: r.date,
      pack: r.pack,
      options: r.options ? (JSON.parse(r.options) as PrecedentInput['options']) : [],
      drivers: r.drivers ? (JSON.parse(r.drivers) as PrecedentInput['drivers']) : [],
      chosenOption: r.chosen,
      rationale: r.rationale ?? '',
    },
  });

  function currentProjections(): PrecedentInput[] {
    const heads = stmt.heads.all();
    const stale = heads.filter((h) => projections.get(h.id)?.revision !== h.revision);
    if (stale.length > heads.length / 4) {
      projections = new Map(stmt.candidates.all().map((r) => [r.id, project(r)]));
    } else {
      for (const h of stale) {
        const row = stmt.candidate.get(h.id);
        if (row) projections.set(h.id, project(row));
      }
      if (projections.size > heads.length) {
        const live = new Set(heads.map((h) => h.id));
        for (const id of projections.keys()) if (!live.has(id)) projections.delete(id);
      }
    }
    return [...projections.values()].map((p) => p.input);
  }

  function precedents(id: string, limit: number): Precedent[] {
    const target = store.get(id);
    const input: PrecedentInput = {
      id: target.id,
      number: target.number,
      title: target.title,
      status: target.status,
      date: target.date,
      pack: target.evaluation.pack,
      options: target.options,
      drivers: target.drivers,
      chosenOption: target.chosenOption,
      rationale: target.rationale,
    };
    return rankPrecedents(input, currentProjections(), limit);
  }

  /** A stored revision's content with today's defaults filled in, so older revisions diff cleanly. */
  function contentAt(id: string, revision: number): { content: DecisionContent; savedAt: string } {
    const d = store.revision(id, revision);
    return { content: DecisionContent.parse(store.contentOf(d)), savedAt: d.updatedAt };
  }

  function diff(id: string, from: number, to: number): RevisionDiff {
    const a = contentAt(id, from);
    const b = contentAt(id, to);
    return { id, from, to, fromSavedAt: a.savedAt, toSavedAt: b.savedAt, changes: diffContent(a.content, b.content) };
  }

  function restore(id: string, revision: number, baseRevision?: number): Decision {
    const current = store.get(id);
    if (baseRevision !== undefined && baseRevision !== current.revision) {
      throw new CairnError(
        'conflict',
        `Decision “${current.title}” was saved elsewhere (now revision ${current.revision}, you were looking at ${baseRevision}). Reload its history and choose again.`,
        { revision: current.revision },
      );
    }
    if (revision === current.revision) {
      throw new CairnError('invalid_input', `Revision ${revision} is already the current content of “${current.title}”; choose an earlier revision to restore.`);
    }
    return store.write(id, contentAt(id, revision).content, 'revert');
  }

  /** Every decision's header and every link between decisions, each link once. */
  function links(): { headers: Map<string, Header>; edges: RelationEdge[] } {
    const headers = new Map<string, Header>();
    const sources: { id: string; relations: { type: string; target: string }[] }[] = [];
    const numbers = new Map<number, string[]>();
    for (const r of stmt.links.all()) {
      headers.set(r.id, { id: r.id, number: r.number, title: r.title, status: r.status, date: r.date, chosen: r.chosen_option, trashed: r.trashed_at !== null });
      if (r.trashed_at === null && r.number !== null) numbers.set(r.number, [...(numbers.get(r.number) ?? []), r.id]);
      if (r.trashed_at === null && r.relations && r.relations !== '[]') sources.push({ id: r.id, relations: JSON.parse(r.relations) as { type: string; target: string }[] });
    }
    // Imported files may link by ADR number; a number two decisions share stays unresolved.
    const resolveTarget = (target: string) => {
      if (headers.has(target)) return target;
      const m = /^(?:adr[-\s]?)?0*(\d+)$/i.exec(target.trim());
      const ids = m ? numbers.get(Number(m[1])) : undefined;
      return ids?.length === 1 ? ids[0]! : target;
    };
    const live = (id: string) => !headers.get(id)?.trashed;
    const edges = canonicalEdges(sources, resolveTarget).filter((e) => live(e.from) && live(e.to));
    return { headers, edges };
  }

  function graph(focus: string | undefined, limit: number): RelationGraph {
    if (focus !== undefined) store.get(focus);
    const { headers, edges } = links();
    let ids: string[];
    let truncated = false;
    if (focus !== undefined) {
      ids = [...connectedTo(focus, edges)];
    } else {
      // Whole groups of linked decisions, largest first, as many as fit.
      const remaining = new Set(edges.flatMap((e) => [e.from, e.to]));
      const groups: string[][] = [];
      for (const id of [...remaining].sort()) {
        if (!remaining.has(id)) continue;
        const group = [...connectedTo(id, edges)];
        for (const g of group) remaining.delete(g);
        groups.push(group);
      }
      groups.sort((a, b) => b.length - a.length);
      ids = [];
      for (const g of groups) {
        if (ids.length + g.length > limit) {
          truncated = true;
          continue;
        }
        ids.push(...g);
      }
    }
    if (ids.length > limit) {
      truncated = true;
      ids = ids.slice(0, limit);
    }
    const shown = new Set(ids);
    const nodes: GraphNode[] = ids.map((id) => {
      const h = headers.get(id);
      return h
        ? { id, number: h.number, title: h.title, status: h.status, date: h.date, missing: false }
        : { id, number: null, title: id, status: null, date: null, missing: true };
    });
    return { nodes, edges: edges.filter((e) => shown.has(e.from) && shown.has(e.to)), truncated };
  }

  function timeline(from?: string, to?: string): Timeline {
    const { headers, edges } = links();
    const changes = new Map<string, TimelineEntry['changes']>();
    let last = null as { id: string; status: Status } | null;
    for (const r of stmt.statuses.all()) {
      const previous: Status | null = last?.id === r.id ? last.status : null;
      if (previous !== r.status) {
        changes.set(r.id, [...(changes.get(r.id) ?? []), { revision: r.revision, savedAt: r.saved_at, from: previous, to: r.status }]);
      }
      last = { id: r.id, status: r.status };
    }
    const supersedes = new Map<string, string[]>();
    const supersededBy = new Map<string, string[]>();
    for (const e of edges) {
      if (e.type !== 'supersedes') continue;
      supersedes.set(e.from, [...(supersedes.get(e.from) ?? []), e.to]);
      supersededBy.set(e.to, [...(supersededBy.get(e.to) ?? []), e.from]);
    }
    const entries = [...headers.values()]
      .filter((h) => !h.trashed && (!from || h.date >= from) && (!to || h.date <= to))
      .sort((a, b) => Number(a.date === '') - Number(b.date === '') || a.date.localeCompare(b.date) || (a.number ?? Infinity) - (b.number ?? Infinity) || a.title.localeCompare(b.title))
      .map((h) => ({
        id: h.id,
        number: h.number,
        title: h.title,
        status: h.status,
        date: h.date,
        chosenOption: h.chosen,
        changes: changes.get(h.id) ?? [],
        supersedes: supersedes.get(h.id) ?? [],
        supersededBy: supersededBy.get(h.id) ?? [],
      }));
    const inRange = new Set(entries.map((e) => e.id));
    return { entries, chains: supersedeChains(edges).filter((c) => c.some((id) => inRange.has(id))) };
  }

  /**
   * Facet counts: each facet counted under every filter but its own, so picking "accepted" still
   * shows how many proposed ones there are. One query for the filters that are not facets.
   */
  function facets(q: Omit<ParsedListQuery, 'sort' | 'limit' | 'offset'>): Facets {
    const { items } = store.list({
      ...q,
      status: undefined,
      repository: undefined,
      pack: undefined,
      chosenOption: undefined,
      tag: undefined,
      decisionMaker: undefined,
      sort: 'updated',
      limit: 100_000,
      offset: 0,
    });
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const tests: Record<Facet, (d: DecisionSummary) => boolean> = {
      status: (d) => q.status === undefined || d.status === q.status,
      repository: (d) => q.repository === undefined || d.repository === q.repository,
      pack: (d) => q.pack === undefined || d.pack === q.pack,
      chosenOption: (d) => q.chosenOption === undefined || (d.chosenOption !== null && same(d.chosenOption, q.chosenOption)),
      tag: (d) => q.tag === undefined || d.tags.includes(q.tag),
      decisionMaker: (d) => q.decisionMaker === undefined || d.decisionMakers.some((m) => same(m, q.decisionMaker!)),
    };
    const valuesOf: Record<Facet, (d: DecisionSummary) => string[]> = {
      status: (d) => [d.status],
      repository: (d) => (d.repository ? [d.repository] : []),
      pack: (d) => (d.pack ? [d.pack] : []),
      chosenOption: (d) => (d.chosenOption ? [d.chosenOption] : []),
      tag: (d) => [...new Set(d.tags)],
      decisionMaker: (d) => [...new Set(d.decisionMakers)],
    };
    const caseless = new Set<Facet>(['chosenOption', 'decisionMaker']);
    const facets = Object.keys(tests) as Facet[];
    // One bit per facet filter a decision passes; a facet counts the decisions passing all the others.
    const all = (1 << facets.length) - 1;
    const passes = items.map((d) => facets.reduce((mask, f, i) => (tests[f](d) ? mask | (1 << i) : mask), 0));
    const out = {} as Facets;
    facets.forEach((facet, i) => {
      const others = all & ~(1 << i);
      const counts = new Map<string, { count: number; spellings: Map<string, number> }>();
      items.forEach((d, k) => {
        if ((passes[k]! & others) !== others) return;
        for (const value of valuesOf[facet](d)) {
          const key = caseless.has(facet) ? value.toLowerCase() : value;
          let c = counts.get(key);
          if (!c) counts.set(key, (c = { count: 0, spellings: new Map() }));
          c.count++;
          c.spellings.set(value, (c.spellings.get(value) ?? 0) + 1);
        }
      });
      out[facet] = [...counts.values()]
        .map((c) => ({ value: usualSpelling(c.spellings), count: c.count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    });
    return out;
  }

  return { resolve, compare, precedents, diff, restore, graph, timeline, facets };
}

export type CompareQueries = ReturnType<typeof createCompareQueries>;
