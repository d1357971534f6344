/**
 * Decisions seen together: the timeline (dates, status changes, supersede chains) and the facet
 * counts the decision list filters by.
 */
import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { FACETS, type Facet, type Facets, type Timeline, type TimelineEntry } from '../../../shared/api/insights.js';
import type { Status } from '../../../shared/domain.js';
import { supersedeChains } from '../../../shared/relations.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import type { RelationQueries } from '../relations/links.js';
import { reviewDay, reviewFilter } from '../review/review.js';
import { statementCache } from '../store/statement-cache.js';
import { WIDE_QUERIES } from '../store/wide-queries.js';

type ParsedListQuery = z.output<typeof import('../../../shared/api/decisions.js').ListQuery>;

/** A facet count as the statement returns it: the facet (its place in FACETS), a value, how many decisions. */
type FacetRow = [number, string, number];

/** Facets whose values are one whatever their case ("Python", "python"), as the list's filters compare them. */
const CASELESS = new Set<Facet>(['chosenOption', 'decisionMaker']);

/** "Python" over "python" when both are written: the most frequent spelling, capitals breaking ties. */
function usualSpelling(spellings: Map<string, number>): string {
  const capitals = (v: string) => (v === v.toLowerCase() ? 0 : 1);
  return [...spellings].sort(([a, n], [b, m]) => m - n || capitals(b) - capitals(a) || a.localeCompare(b))[0]![0];
}

export function createInsightQueries(ctx: CoreContext, store: DecisionStore, relations: RelationQueries) {
  const { db } = ctx;
  const { links } = relations;
  const stmt = {
    statuses: db.prepare<[], { id: string; revision: number; saved_at: string; status: Status }>(WIDE_QUERIES.statuses),
  };

  /** Decisions by date (undated last); with `repository`, only that repository's. */
  function timeline(from?: string, to?: string, repository?: string): Timeline {
    const { headers, edges } = links();
    const changes = new Map<string, TimelineEntry['changes']>();
    let last = null as { id: string; status: Status } | null;
    for (const r of stmt.statuses.all()) {
      const previous: Status | null = last?.id === r.id ? last.status : null;
      if (previous !== r.status) {
        changes.set(r.id, [
          ...(changes.get(r.id) ?? []),
          { revision: r.revision, savedAt: r.saved_at, from: previous, to: r.status },
        ]);
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
      .filter(
        (h) =>
          !h.trashed &&
          (!from || h.date >= from) &&
          (!to || h.date <= to) &&
          (repository === undefined || h.repository === repository),
      )
      .sort(
        (a, b) =>
          Number(a.date === '') - Number(b.date === '') ||
          a.date.localeCompare(b.date) ||
          (a.number ?? Infinity) - (b.number ?? Infinity) ||
          a.title.localeCompare(b.title),
      )
      .map((h) => ({
        id: h.id,
        number: h.number,
        title: h.title,
        status: h.status,
        date: h.date,
        chosenOption: h.chosen,
        repository: h.repository,
        changes: changes.get(h.id) ?? [],
        supersedes: supersedes.get(h.id) ?? [],
        supersededBy: supersededBy.get(h.id) ?? [],
      }));
    const inRange = new Set(entries.map((e) => e.id));
    return { entries, chains: supersedeChains(edges).filter((c) => c.some((id) => inRange.has(id))) };
  }

  // The facet statements, prepared once per shape (which facet filters are set, search text or not).
  const statements = statementCache(db, 100);
  const prepared = (sql: string) => (statements(sql) as Statement<[Record<string, unknown>], FacetRow>).raw(true);

  /**
   * Facet counts: each facet counted under every filter but its own, so picking "accepted" still
   * shows how many proposed ones there are. Counted in SQL, in one statement: the decisions that
   * pass the filters that are not facets are read once (with a flag per facet filter set), and each
   * facet groups those that pass the other facets' flags. A facet filter counts exactly what the
   * list would show with it, since both take its SQL from `listFilters`.
   */
  function facets(q: Omit<ParsedListQuery, 'sort' | 'limit' | 'offset'>): Facets {
    const out = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Facets;
    const filters = store.listFilters(q);
    if (filters.nothing) return out;
    const set = FACETS.filter((f) => filters.facets[f] !== undefined);
    const flags = set.map((f) => `, (${filters.facets[f]}) AS f_${f}`).join('');
    /** One facet's counts from the rows `b` that pass the other facets' filters. */
    const counted = (facet: Facet, value: string, { from = 'b', only = '', per = 'count(*)' } = {}) => {
      const where = [...set.filter((f) => f !== facet).map((f) => `f_${f}`), ...(only ? [only] : [])];
      return `SELECT ${FACETS.indexOf(facet)}, ${value}, ${per} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY ${value}`;
    };
    const day = reviewDay(ctx.platform);
    const [overdue, due, scheduled] = (['overdue', 'due', 'scheduled'] as const).map((r) => reviewFilter(r, day));
    // Tags and decision-makers are JSON lists: each decision counts once for each value it has.
    const values: Record<Facet, string> = {
      status: counted('status', 'status'),
      repository: counted('repository', 'p.name', { from: 'b JOIN repositories p ON p.id = b.repository' }),
      review: counted('review', 'review'),
      dated: counted('dated', 'dated'),
      chosenOption: counted('chosenOption', 'chosen_option', { only: "chosen_option <> ''" }),
      pack: counted('pack', 'pack', { only: "pack <> ''" }),
      tag: counted('tag', 'j.value', { from: 'b, json_each(b.tags) j', per: 'count(DISTINCT b.rid)' }),
      decisionMaker: counted('decisionMaker', 'j.value', {
        from: 'b, json_each(b.decision_makers) j',
        per: 'count(DISTINCT b.rid)',
      }),
    };
    const sql = `WITH b AS MATERIALIZED (
        SELECT d.rowid AS rid, d.status, d.repository, d.pack, d.chosen_option, d.tags, d.decision_makers,
          CASE WHEN ${overdue!.sql} THEN 'overdue' WHEN ${due!.sql} THEN 'due' WHEN ${scheduled!.sql} THEN 'scheduled' ELSE 'none' END AS review,
          CASE WHEN d.date = '' THEN 'none' WHEN d.date_source = 'git' THEN 'git' ELSE 'written' END AS dated${flags}
        FROM ${filters.from} WHERE ${filters.where.join(' AND ')}
      )
      ${FACETS.map((f) => values[f]).join('\n      UNION ALL ')}`;
    const counts = new Map<Facet, Map<string, { count: number; spellings: Map<string, number> }>>(
      FACETS.map((f) => [f, new Map()]),
    );
    for (const [id, value, count] of prepared(sql).all({
      ...overdue!.params,
      ...due!.params,
      ...scheduled!.params,
      ...filters.params,
    })) {
      const facet = FACETS[id]!;
      const key = CASELESS.has(facet) ? value.toLowerCase() : value;
      const byKey = counts.get(facet)!;
      let c = byKey.get(key);
      if (!c) byKey.set(key, (c = { count: 0, spellings: new Map() }));
      c.count += count;
      c.spellings.set(value, count);
    }
    for (const [facet, byKey] of counts)
      out[facet] = [...byKey.values()]
        .map((c) => ({ value: usualSpelling(c.spellings), count: c.count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return out;
  }

  return { timeline, facets };
}

export type InsightQueries = ReturnType<typeof createInsightQueries>;
