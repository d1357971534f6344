/**
 * Decisions seen together: the timeline (dates, status changes, supersede chains) and the facet
 * counts the decision list filters by.
 */
import type { z } from 'zod';
import type { Facet, Facets, Timeline, TimelineEntry } from '../../../shared/api/insights.js';
import type { DecisionSummary, Status } from '../../../shared/domain.js';
import type { DATE_STATES } from '../../../shared/vocabulary.js';
import { supersedeChains } from '../../../shared/relations.js';
import { today, type CoreContext } from '../context.js';
import { reviewState } from '../../../shared/review.js';
import type { DecisionStore } from '../decisions/store.js';
import type { RelationQueries } from '../relations/links.js';
import { WIDE_QUERIES } from '../store/wide-queries.js';

type DateState = (typeof DATE_STATES)[number];
type ParsedListQuery = z.output<typeof import('../../../shared/api/decisions.js').ListQuery>;

/** "Python" over "python" when both are written: the most frequent spelling, capitals breaking ties. */
function usualSpelling(spellings: Map<string, number>): string {
  const capitals = (v: string) => (v === v.toLowerCase() ? 0 : 1);
  return [...spellings].sort(([a, n], [b, m]) => m - n || capitals(b) - capitals(a) || a.localeCompare(b))[0]![0];
}

/** Where the decision's date comes from, as the `dated` facet counts it. */
function dateState(d: DecisionSummary): DateState {
  return d.date === '' ? 'none' : d.dateSource === 'git' ? 'git' : 'written';
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
      review: undefined,
      dated: undefined,
      sort: 'updated',
      limit: 100_000,
      offset: 0,
    });
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const day = today(ctx.platform);
    const tests: Record<Facet, (d: DecisionSummary) => boolean> = {
      status: (d) => q.status === undefined || d.status === q.status,
      repository: (d) => q.repository === undefined || d.repository === q.repository,
      pack: (d) => q.pack === undefined || d.pack === q.pack,
      chosenOption: (d) =>
        q.chosenOption === undefined || (d.chosenOption !== null && same(d.chosenOption, q.chosenOption)),
      tag: (d) => q.tag === undefined || d.tags.includes(q.tag),
      decisionMaker: (d) => q.decisionMaker === undefined || d.decisionMakers.some((m) => same(m, q.decisionMaker!)),
      review: (d) => q.review === undefined || reviewState(d.reviewBy, d.status, day) === q.review,
      dated: (d) => q.dated === undefined || dateState(d) === q.dated,
    };
    const valuesOf: Record<Facet, (d: DecisionSummary) => string[]> = {
      status: (d) => [d.status],
      repository: (d) => (d.repository ? [d.repository] : []),
      pack: (d) => (d.pack ? [d.pack] : []),
      chosenOption: (d) => (d.chosenOption ? [d.chosenOption] : []),
      tag: (d) => [...new Set(d.tags)],
      decisionMaker: (d) => [...new Set(d.decisionMakers)],
      review: (d) => [reviewState(d.reviewBy, d.status, day)],
      dated: (d) => [dateState(d)],
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

  return { timeline, facets };
}

export type InsightQueries = ReturnType<typeof createInsightQueries>;
