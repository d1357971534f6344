import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '../../shared/graph-layout.js';
import { canonicalEdges, connectedTo, normaliseRelationType, supersedeChains } from '../../shared/relations.js';

describe('relations as edges', () => {
  it('records a link written on both ends once, in its active direction', () => {
    const edges = canonicalEdges([
      { id: 'a1', relations: [{ type: 'Superseded by', target: 'a4' }] },
      {
        id: 'a4',
        relations: [
          { type: 'supersedes', target: 'a1' },
          { type: 'relates-to', target: 'b2' },
        ],
      },
      {
        id: 'b2',
        relations: [
          { type: 'relates_to', target: 'a4' },
          { type: 'amended-by', target: 'b3' },
        ],
      },
    ]);
    expect(edges).toEqual([
      { from: 'a4', to: 'a1', type: 'supersedes' },
      { from: 'a4', to: 'b2', type: 'relates-to' },
      { from: 'b3', to: 'b2', type: 'amends' },
    ]);
    expect(normaliseRelationType(' Clarified  By ')).toBe('clarified-by');
    expect(normaliseRelationType('Superceded by')).toBe('superseded-by');
    expect(normaliseRelationType('supersededBy')).toBe('superseded-by');
  });

  it('reads "A enables B" as "B depends on A", once', () => {
    const edges = canonicalEdges([
      { id: 'a', relations: [{ type: 'enables', target: 'b' }] },
      { id: 'b', relations: [{ type: 'depends-on', target: 'a' }] },
    ]);
    expect(edges).toEqual([{ from: 'b', to: 'a', type: 'depends-on' }]);
  });

  it('resolves targets through the given function and drops links to itself', () => {
    const edges = canonicalEdges(
      [
        {
          id: 'x',
          relations: [
            { type: 'supersedes', target: '0003' },
            { type: 'relates-to', target: 'x' },
          ],
        },
      ],
      (t) => (t === '0003' ? 'three' : t),
    );
    expect(edges).toEqual([{ from: 'x', to: 'three', type: 'supersedes' }]);
  });

  it('follows supersede chains from oldest to newest, branching where two supersede one', () => {
    const edges = canonicalEdges([
      { id: '4', relations: [{ type: 'supersedes', target: '1' }] },
      { id: '9', relations: [{ type: 'supersedes', target: '4' }] },
      { id: '5', relations: [{ type: 'supersedes', target: '4' }] },
      { id: '7', relations: [{ type: 'amends', target: '9' }] },
    ]);
    expect(supersedeChains(edges)).toEqual([
      ['1', '4', '9'],
      ['1', '4', '5'],
    ]);
  });

  it('survives a supersede cycle', () => {
    const edges = canonicalEdges([
      { id: 'p', relations: [{ type: 'supersedes', target: 'q' }] },
      { id: 'q', relations: [{ type: 'supersedes', target: 'p' }] },
    ]);
    expect(supersedeChains(edges)).toEqual([['p', 'q']]);
  });

  it('finds everything connected to a decision in either direction', () => {
    const edges = canonicalEdges([
      { id: 'a', relations: [{ type: 'supersedes', target: 'b' }] },
      { id: 'c', relations: [{ type: 'relates-to', target: 'b' }] },
      { id: 'x', relations: [{ type: 'relates-to', target: 'y' }] },
    ]);
    expect([...connectedTo('c', edges)].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('graph layout', () => {
  const nodes = [
    { id: 'one', date: '2024-01-01', number: 1 },
    { id: 'four', date: '2024-06-01', number: 4 },
    { id: 'nine', date: '2025-01-01', number: 9 },
    { id: 'side', date: '2024-07-01', number: 5 },
    { id: 'lone-a', date: '2023-01-01', number: 2 },
    { id: 'lone-b', date: '2023-02-01', number: 3 },
  ];
  const edges = [
    { from: 'four', to: 'one', type: 'supersedes' },
    { from: 'nine', to: 'four', type: 'supersedes' },
    { from: 'side', to: 'four', type: 'relates-to' },
    { from: 'lone-a', to: 'lone-b', type: 'relates-to' },
  ];
  const layout = layoutGraph(nodes, edges);
  const at = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it('places what came earlier to the left of what superseded it', () => {
    expect(at('one').x).toBeLessThan(at('four').x);
    expect(at('four').x).toBeLessThan(at('nine').x);
  });

  it('never overlaps two decisions and fits them all in its size', () => {
    for (const a of layout.nodes) {
      expect(a.x + NODE_WIDTH).toBeLessThanOrEqual(layout.width);
      expect(a.y + NODE_HEIGHT).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart =
          a.x + NODE_WIDTH <= b.x || b.x + NODE_WIDTH <= a.x || a.y + NODE_HEIGHT <= b.y || b.y + NODE_HEIGHT <= a.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
  });

  it('stacks separate groups, the larger first', () => {
    const bigGroup = ['one', 'four', 'nine', 'side'].map((id) => at(id).y);
    expect(Math.max(...bigGroup)).toBeLessThan(at('lone-a').y);
  });
});
