import { describe, expect, it } from 'vitest';
import { MIN_SIMILARITY, rankPrecedents, similarity, type PrecedentInput } from '../../shared/precedents.js';

function input(id: string, over: Partial<PrecedentInput>): PrecedentInput {
  return {
    id,
    number: null,
    title: id,
    status: 'accepted',
    date: '2025-06-01',
    pack: null,
    options: [],
    drivers: [],
    chosenOption: null,
    rationale: '',
    ...over,
  };
}

const runtimeOptions = [
  { id: 'o1', name: 'Node.js', option: 'nodejs' },
  { id: 'o2', name: 'Python', option: 'python' },
];
const target = input('new', {
  status: 'proposed',
  pack: 'backend-runtime',
  options: runtimeOptions,
  drivers: [
    { name: 'Real-time and streaming', criterion: 'real-time', weight: 5 },
    { name: 'I/O concurrency model', criterion: 'io-concurrency', weight: 4 },
  ],
});

const twin = input('twin', {
  number: 4,
  date: '2025-09-01',
  pack: 'backend-runtime',
  options: runtimeOptions,
  drivers: target.drivers,
  chosenOption: 'o1',
  rationale: 'Websockets everywhere.',
});
const weighedOtherwise = input('other-weights', {
  number: 5,
  pack: 'backend-runtime',
  options: runtimeOptions,
  drivers: [
    { name: 'Real-time and streaming', criterion: 'real-time', weight: 1 },
    { name: 'Machine learning and data work', criterion: 'ml-data', weight: 5 },
  ],
  chosenOption: 'o2',
});
const typedByHand = input('imported', {
  number: 2,
  options: [
    { id: 'a', name: 'node.js', option: null },
    { id: 'b', name: 'Python', option: null },
    { id: 'c', name: 'Go', option: null },
  ],
  drivers: [{ name: 'Real-time and streaming', criterion: null, weight: 4 }],
  chosenOption: 'c',
});
const unrelated = input('database', {
  pack: 'database-engine',
  options: [
    { id: 'p', name: 'PostgreSQL', option: 'postgresql' },
    { id: 'm', name: 'MySQL', option: 'mysql' },
  ],
  drivers: [{ name: 'Transactions', criterion: 'transactions', weight: 5 }],
});

describe('precedent ranking', () => {
  it('ranks by pack, options and criteria, and leaves out the decision itself and unrelated ones', () => {
    const ranked = rankPrecedents(target, [unrelated, typedByHand, weighedOtherwise, twin, target]);
    expect(ranked.map((p) => p.id)).toEqual(['twin', 'other-weights', 'imported']);
    expect(ranked[0]!.similarity).toBe(1);
    for (const p of ranked) expect(p.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(similarity(target, unrelated).similarity).toBe(0);
  });

  it('says what each precedent chose, why, and what it shares', () => {
    const [first, second, third] = rankPrecedents(target, [twin, weighedOtherwise, typedByHand]);
    expect(first).toMatchObject({
      chosen: 'Node.js',
      rationale: 'Websockets everywhere.',
      samePack: true,
      sharedOptions: ['Node.js', 'Python'],
    });
    expect(second!.reasons).toEqual([
      'Same knowledge pack',
      'Options in common: Node.js, Python',
      'Criteria in common: Real-time and streaming',
      'Real-time and streaming weighted 1 there, 5 here',
    ]);
    expect(third).toMatchObject({
      chosen: 'Go',
      samePack: false,
      sharedOptions: ['Node.js', 'Python'],
      sharedCriteria: ['Real-time and streaming'],
    });
  });

  it('weighs agreement on weights, not only shared names', () => {
    const close = input('close', { drivers: [{ name: 'Real-time and streaming', criterion: null, weight: 5 }] });
    const far = input('far', { drivers: [{ name: 'Real-time and streaming', criterion: null, weight: 0 }] });
    const t = input('t', { drivers: [{ name: 'Real-time and streaming', criterion: null, weight: 5 }] });
    expect(similarity(t, close).similarity).toBe(1);
    expect(similarity(t, far).similarity).toBeCloseTo(1 / 6, 3);
  });

  it('leaves out what the decision does not have yet, so a pack alone finds the pack’s decisions', () => {
    const justStarted = input('fresh', { pack: 'backend-runtime' });
    expect(rankPrecedents(justStarted, [unrelated, twin, weighedOtherwise]).map((p) => [p.id, p.similarity])).toEqual([
      ['twin', 1],
      ['other-weights', 1],
    ]);
    expect(rankPrecedents(input('empty', {}), [twin, weighedOtherwise])).toEqual([]);
  });

  it('breaks ties by having chosen, being accepted, then recency, and honours the limit', () => {
    const base = { pack: 'p' };
    const list = [
      input('draft', { ...base, status: 'proposed', date: '2026-01-01' }),
      input('old', { ...base, date: '2020-01-01', options: [{ id: 'x', name: 'X', option: null }], chosenOption: 'x' }),
      input('recent', {
        ...base,
        date: '2025-01-01',
        options: [{ id: 'x', name: 'X', option: null }],
        chosenOption: 'x',
      }),
      input('rejected', { ...base, status: 'rejected', date: '2026-02-01' }),
    ];
    expect(rankPrecedents(input('t', base), list).map((p) => p.id)).toEqual(['recent', 'old', 'rejected', 'draft']);
    expect(rankPrecedents(input('t', base), list, 2)).toHaveLength(2);
  });
});
