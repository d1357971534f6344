/**
 * Links between decisions as one set of edges. A link is often written on both ends
 * ("3 supersedes 1" in ADR 3, "superseded by 3" in ADR 1); it is one edge here, always stated
 * in its active direction. Pure: used by the core for the graph and timeline queries, and by tests.
 */
import { z } from 'zod';
import { DecisionDate, Id, Status } from './domain.js';
import { canonicalRelation, normalizeRelation, relationType } from './relation-types.js';

/** Types that read the same both ways round (relates-to): from the one relation table. */
const symmetric = (type: string) => {
  const entry = relationType(type);
  return entry !== null && entry.type === entry.inverse;
};
/**
 * "Superseded by", "superseded_by", "supersededBy", "Superceded by" → "superseded-by": the
 * importer's reading of relation names, so the graph and the import agree on every spelling.
 */
export const normaliseRelationType = normalizeRelation;

export const RelationEdge = z.object({ from: Id, to: Id, type: z.string() });
export type RelationEdge = z.infer<typeof RelationEdge>;

export interface RelationSource {
  id: string;
  relations: { type: string; target: string }[];
}

/**
 * One edge per link however many ends recorded it. `resolve` turns a relation target (an id,
 * or an ADR number from an imported file) into a decision id; an unknown target stays as written.
 */
export function canonicalEdges(
  decisions: RelationSource[],
  resolve: (target: string) => string = (t) => t,
): RelationEdge[] {
  const seen = new Set<string>();
  const edges: RelationEdge[] = [];
  for (const d of decisions) {
    for (const r of d.relations) {
      const target = resolve(r.target);
      if (target === d.id) continue;
      const { type, flipped } = canonicalRelation(r.type);
      let edge: RelationEdge = flipped ? { from: target, to: d.id, type } : { from: d.id, to: target, type };
      if (symmetric(type) && edge.to < edge.from) edge = { from: edge.to, to: edge.from, type };
      const key = `${edge.from}\u0000${edge.to}\u0000${edge.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push(edge);
    }
  }
  return edges;
}

/**
 * Supersede chains, oldest first: [1, 4, 9] when 4 supersedes 1 and 9 supersedes 4. A decision
 * superseded by two others starts two chains; a cycle (a data error) is cut where it closes.
 */
export function supersedeChains(edges: RelationEdge[]): string[][] {
  const next = new Map<string, string[]>();
  const hasOlder = new Set<string>();
  for (const e of edges) {
    if (e.type !== 'supersedes') continue;
    // e.from supersedes e.to: the chain runs from the older (to) to the newer (from).
    next.set(e.to, [...(next.get(e.to) ?? []), e.from]);
    hasOlder.add(e.from);
  }
  const chains: string[][] = [];
  const walk = (path: string[]) => {
    const last = path.at(-1)!;
    const successors = (next.get(last) ?? []).filter((n) => !path.includes(n));
    if (!successors.length) {
      if (path.length > 1) chains.push(path);
      return;
    }
    for (const n of successors) walk([...path, n]);
  };
  const covered = new Set<string>();
  const walkFrom = (start: string) => {
    const before = chains.length;
    walk([start]);
    for (const c of chains.slice(before)) for (const id of c) covered.add(id);
  };
  for (const start of [...next.keys()].filter((id) => !hasOlder.has(id)).sort()) walkFrom(start);
  // Decisions caught in a pure cycle have no start; begin at the smallest id so they still show.
  for (const id of [...next.keys()].sort()) if (!covered.has(id)) walkFrom(id);
  return chains;
}

/** The decisions linked to `start` through any number of edges, in either direction. */
export function connectedTo(start: string, edges: RelationEdge[]): Set<string> {
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const n of neighbours.get(queue.shift()!) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return seen;
}

export const GraphNode = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  /** null (like date) for a missing decision. */
  status: Status.nullable(),
  /** '' for a decision without a readable date. */
  date: DecisionDate.nullable(),
  /** True for a target no stored decision answers to (a link to a file never imported …); title is the target as written. */
  missing: z.boolean(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const RelationGraph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(RelationEdge),
  /** Set when there were more linked decisions than the graph shows; focus on one to see its part. */
  truncated: z.boolean(),
});
export type RelationGraph = z.infer<typeof RelationGraph>;
