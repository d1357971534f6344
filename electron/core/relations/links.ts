/**
 * Decisions as a graph: every decision's header and every link between decisions (each once), and
 * the graph around one decision or of all of them.
 */
import type { Status } from '../../../shared/domain.js';
import {
  canonicalEdges,
  connectedTo,
  type GraphNode,
  type RelationEdge,
  type RelationGraph,
} from '../../../shared/relations.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import { WIDE_QUERIES } from '../store/wide-queries.js';

export interface Header {
  id: string;
  number: number | null;
  title: string;
  status: Status;
  date: string;
  chosen: string | null;
  trashed: boolean;
  /** The repository's name, null for a decision that belongs to none (a draft never exported). */
  repository: string | null;
}

export function createRelationQueries(ctx: CoreContext, store: DecisionStore) {
  const { db } = ctx;
  const stmt = {
    links: db.prepare<
      [],
      {
        id: string;
        number: number | null;
        title: string;
        status: Status;
        date: string;
        chosen_option: string | null;
        trashed_at: string | null;
        relations: string | null;
        repository: string | null;
      }
    >(WIDE_QUERIES.links),
  };

  /** Every decision's header and every link between decisions, each link once. */
  function links(): { headers: Map<string, Header>; edges: RelationEdge[] } {
    const headers = new Map<string, Header>();
    const sources: { id: string; relations: { type: string; target: string }[] }[] = [];
    const numbers = new Map<number, string[]>();
    for (const r of stmt.links.all()) {
      headers.set(r.id, {
        id: r.id,
        number: r.number,
        title: r.title,
        status: r.status,
        date: r.date,
        chosen: r.chosen_option,
        trashed: r.trashed_at !== null,
        repository: r.repository,
      });
      if (r.trashed_at === null && r.number !== null) numbers.set(r.number, [...(numbers.get(r.number) ?? []), r.id]);
      if (r.trashed_at === null && r.relations && r.relations !== '[]')
        sources.push({ id: r.id, relations: JSON.parse(r.relations) as { type: string; target: string }[] });
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

  /**
   * The graph of all decisions, or of those connected to `focus`; with `repository`, only that
   * repository's decisions and the links between them.
   */
  function graph(focus: string | undefined, limit: number, repository?: string): RelationGraph {
    if (focus !== undefined) store.get(focus);
    const all = links();
    const { headers } = all;
    const inRepository = (id: string) => repository === undefined || headers.get(id)?.repository === repository;
    const edges = all.edges.filter((e) => inRepository(e.from) && inRepository(e.to));
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

  return { links, graph };
}

export type RelationQueries = ReturnType<typeof createRelationQueries>;
