/**
 * Places decisions of a relation graph on a plane: older decisions to the left of the ones that
 * supersede, amend or build on them, linked decisions near each other, separate groups stacked.
 * A plain layered layout (longest path, then barycentre ordering) is enough for ADR graphs, which
 * are small and nearly acyclic; it is pure so the renderer only draws.
 */
import { ordersTime } from './relation-types.js';
import type { RelationEdge } from './relations.js';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 56;
const GAP_X = 90;
const GAP_Y = 22;
const GROUP_GAP = 48;

export interface LayoutInput {
  id: string;
  date: string | null;
  number: number | null;
}

export interface Placement {
  id: string;
  x: number;
  y: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Placement[];
}

/** For an edge (as canonicalEdges states it) that orders two decisions in time: [earlier, later]. Others do not order. */
export function timeOrder(e: RelationEdge): [string, string] | null {
  return ordersTime(e.type) ? [e.to, e.from] : null;
}

function components(ids: string[], edges: RelationEdge[]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const e of edges) {
    if (parent.has(e.from) && parent.has(e.to)) parent.set(find(e.from), find(e.to));
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()];
}

export function layoutGraph(nodes: LayoutInput[], edges: RelationEdge[]): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const initial = (a: string, b: string) => {
    const x = byId.get(a)!;
    const y = byId.get(b)!;
    return (
      (x.date ?? '').localeCompare(y.date ?? '') ||
      (x.number ?? Infinity) - (y.number ?? Infinity) ||
      a.localeCompare(b)
    );
  };
  const inGraph = edges.filter((e) => byId.has(e.from) && byId.has(e.to));
  const groups = components(
    nodes.map((n) => n.id),
    inGraph,
  )
    .map((g) => g.sort(initial))
    .sort((a, b) => b.length - a.length || initial(a[0]!, b[0]!));

  const placed: Placement[] = [];
  let top = 0;
  let width = 0;
  for (const group of groups) {
    const layers = layerGroup(group, inGraph, initial);
    layers.forEach((layer, l) => {
      layer.forEach((id, i) => placed.push({ id, x: l * (NODE_WIDTH + GAP_X), y: top + i * (NODE_HEIGHT + GAP_Y) }));
    });
    const rows = Math.max(...layers.map((l) => l.length));
    width = Math.max(width, layers.length * (NODE_WIDTH + GAP_X) - GAP_X);
    top += rows * (NODE_HEIGHT + GAP_Y) - GAP_Y + GROUP_GAP;
  }
  return { width, height: Math.max(0, top - GROUP_GAP), nodes: placed };
}

/** Layers of one connected group: each decision one layer right of the latest it comes after. */
function layerGroup(group: string[], edges: RelationEdge[], initial: (a: string, b: string) => number): string[][] {
  const members = new Set(group);
  const later = new Map<string, string[]>();
  for (const e of edges) {
    const order = timeOrder(e);
    if (!order || !members.has(order[0]) || !members.has(order[1])) continue;
    later.set(order[0], [...(later.get(order[0]) ?? []), order[1]]);
  }
  // Longest path by depth-first search; an edge closing a cycle is ignored.
  const layer = new Map<string, number>();
  const onPath = new Set<string>();
  const depth = (id: string, d: number) => {
    if ((layer.get(id) ?? -1) >= d || onPath.has(id)) return;
    layer.set(id, d);
    onPath.add(id);
    for (const n of later.get(id) ?? []) depth(n, d + 1);
    onPath.delete(id);
  };
  for (const id of group) depth(id, 0);

  // A decision only related (not ordered) to others joins the column of the first one it is
  // linked to, so "relates to" links stay short instead of crossing the drawing.
  const ordered = new Set([...later.keys(), ...[...later.values()].flat()]);
  const partners = new Map<string, string[]>();
  for (const e of edges) {
    if (!members.has(e.from) || !members.has(e.to)) continue;
    partners.set(e.from, [...(partners.get(e.from) ?? []), e.to]);
    partners.set(e.to, [...(partners.get(e.to) ?? []), e.from]);
  }
  for (const id of group) {
    if (ordered.has(id)) continue;
    const anchor = (partners.get(id) ?? []).find((p) => ordered.has(p));
    if (anchor !== undefined) layer.set(id, layer.get(anchor)!);
  }

  const count = Math.max(...layer.values()) + 1;
  const layers: string[][] = Array.from({ length: count }, () => []);
  for (const id of group) layers[layer.get(id)!]!.push(id);

  const neighbours = partners;
  const reorder = (l: number, ref: number) => {
    const position = new Map(layers[ref]!.map((id, i) => [id, i]));
    const centre = (id: string) => {
      const ps = (neighbours.get(id) ?? []).map((n) => position.get(n)).filter((p) => p !== undefined);
      return ps.length ? ps.reduce((s, p) => s + p, 0) / ps.length : Infinity;
    };
    const ordered = new Map(layers[l]!.map((id) => [id, centre(id)]));
    // Decisions without a neighbour in the reference layer keep their place at the end, by date.
    layers[l]!.sort((a, b) => {
      const d = ordered.get(a)! - ordered.get(b)!;
      return (Number.isNaN(d) ? 0 : d) || initial(a, b);
    });
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let l = 1; l < count; l++) reorder(l, l - 1);
    for (let l = count - 2; l >= 0; l--) reorder(l, l + 1);
  }
  return layers;
}
