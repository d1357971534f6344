import { describe, expect, it } from 'vitest';
import { aliasesOf, alignRows, compareDecisions, normalise, WEIGHT_WARNING_SPREAD } from '../../shared/compare.js';
import { claim, decision, driver, option } from '../helpers/decisions.js';

const reporting = decision('rep', 3, {
  title: 'Python for the reporting service',
  status: 'accepted',
  drivers: [
    driver('d1', 'Real-time and streaming', 1, 'real-time'),
    driver('d2', 'Machine learning and data work', 5, 'ml-data'),
    driver('d3', 'Hiring and talent pool', 3),
  ],
  options: [option('o1', 'Python', 'python'), option('o2', 'Node.js', 'nodejs')],
  chosenOption: 'o1',
  rationale: 'Pandas and the data team.',
  evaluation: {
    pack: 'backend-runtime',
    scores: [
      { option: 'o1', driver: 'd1', value: 2 },
      { option: 'o2', driver: 'd1', value: 5 },
      { option: 'o1', driver: 'd3', value: 4 },
    ],
    claims: [
      claim('c-shared', 'd1', 'o2', 'good', 'Node streams suit websockets.'),
      claim('c-split', 'd1', 'o1', 'bad', 'Python async is younger.'),
      claim('c-ml', 'd2', 'o1', 'good', 'Python owns the ML ecosystem.'),
      claim('c-no', 'd2', 'o2', 'bad', 'Few ML libraries for Node.', 'rejected'),
    ],
  },
});

const gateway = decision('gw', 7, {
  title: 'Node.js for the gateway',
  status: 'accepted',
  drivers: [
    driver('x1', 'Realtime & streaming', 5, 'real-time'),
    driver('x2', 'Hiring and talent pool', 4),
    driver('x3', 'I/O concurrency model', 4, 'io-concurrency'),
  ],
  options: [option('n', 'Node.js', 'nodejs'), option('p', 'Python', 'python'), option('g', 'Go')],
  chosenOption: 'n',
  evaluation: {
    pack: 'backend-runtime',
    scores: [
      { option: 'p', driver: 'x1', value: 4 },
      { option: 'n', driver: 'x1', value: 5 },
    ],
    claims: [
      claim('c-shared', 'x1', 'n', 'good', 'Node streams suit websockets.'),
      claim('c-split', 'x1', 'p', 'bad', 'Python async is younger.', 'rejected'),
    ],
  },
});

describe('matching names across decisions', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normalise('Node.js')).toBe('nodejs');
    expect(normalise('  Réal-time & Streaming ')).toBe('realtimestreaming');
  });

  it('matches a pack item by its pack id or by its name', () => {
    expect(aliasesOf('Real-time and streaming', 'real-time')).toEqual(['realtime', 'realtimeandstreaming']);
    const rows = alignRows(
      [
        [
          { n: 'Real-time and streaming', p: 'real-time' },
          { n: 'Cost', p: null },
        ],
        [{ n: 'real time and streaming', p: null }],
        [{ n: 'Realtime', p: null }],
      ],
      (x) => aliasesOf(x.n, x.p),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.cells.every((c) => c !== null)).toBe(true);
    expect(rows[1]!.cells.map((c) => c?.n ?? null)).toEqual(['Cost', null, null]);
  });

  it('never puts two items of one decision in the same row', () => {
    const rows = alignRows([[{ n: 'Speed' }, { n: 'speed' }], [{ n: 'Speed' }]], (x) => aliasesOf(x.n, null));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.cells.filter(Boolean).length)).toEqual([2, 1]);
  });
});

describe('comparing decisions side by side', () => {
  const c = compareDecisions([reporting, gateway]);

  it('aligns criteria by pack criterion or name, shared ones first', () => {
    expect(c.criteria.map((r) => [r.name, r.cells.map((x) => x?.weight ?? null)])).toEqual([
      ['Real-time and streaming', [1, 5]],
      ['Hiring and talent pool', [3, 4]],
      ['Machine learning and data work', [5, null]],
      ['I/O concurrency model', [null, 4]],
    ]);
    expect(c.criteria[0]!.weightSpread).toBe(4);
  });

  it('aligns options and marks the chosen one in each decision', () => {
    expect(c.options.map((o) => [o.name, o.cells.map((x) => (x ? (x.chosen ? 'chosen' : 'yes') : null))])).toEqual([
      ['Python', ['chosen', 'yes']],
      ['Node.js', ['yes', 'chosen']],
      ['Go', [null, 'yes']],
    ]);
    expect(c.decisions.map((d) => [d.label, d.chosen, d.chosenKey])).toEqual([
      ['ADR 3', 'Python', c.options[0]!.key],
      ['ADR 7', 'Node.js', c.options[1]!.key],
    ]);
  });

  it('puts each score under its option row, null where not scored or not considered', () => {
    const realtime = c.criteria[0]!;
    expect(realtime.cells[0]!.scores).toEqual([2, 5, null]);
    expect(realtime.cells[1]!.scores).toEqual([4, 5, null]);
  });

  it('uses the scores the matrix uses: the user’s own, else pre-filled from accepted claims', () => {
    const ml = c.criteria.find((r) => r.name === 'Machine learning and data work')!;
    // One accepted good claim pre-fills 4 for Python; Node.js's only claim was rejected: no score.
    expect(ml.cells[0]!.scores).toEqual([4, null, null]);
  });

  it('gives each decision’s weighted totals per option and the option its matrix ranks first', () => {
    expect(c.decisions.map((d) => d.shares)).toEqual([
      [0.76, 0.64, null],
      [0.68, 0.75, 0.6],
    ]);
    expect(c.decisions.map((d) => d.leaderKey)).toEqual([c.options[0]!.key, c.options[1]!.key]);
  });

  it('points out a choice its own matrix ranks second', () => {
    const against = { ...gateway, id: 'against', number: 8, chosenOption: 'p' };
    const messages = compareDecisions([reporting, against]).differences.map((d) => d.message);
    expect(messages).toContain('ADR 8 chose Python, though its weighted matrix ranks Node.js first');
    expect(messages.filter((m) => m.startsWith('ADR 3 chose'))).toEqual([]);
  });

  it('lists the accepted claims per criterion, marking claims both relied on', () => {
    const [rep, gw] = c.criteria[0]!.cells;
    expect(rep!.claims.map((x) => [x.id, x.optionName, x.sharedWith])).toEqual([
      ['c-shared', 'Node.js', 1],
      ['c-split', 'Python', 0],
    ]);
    expect(gw!.claims.map((x) => x.id)).toEqual(['c-shared']);
    expect(c.criteria[2]!.cells[0]!.claims.map((x) => x.id)).toEqual(['c-ml']);
  });

  it('warns, first, where the same criterion was weighed very differently', () => {
    const first = c.differences[0]!;
    expect(first).toMatchObject({ kind: 'weight', severity: 'warning', criterion: c.criteria[0]!.key });
    expect(first.message).toBe('Real-time and streaming was weighed very differently: 1 in ADR 3, 5 in ADR 7');
    expect(c.differences.filter((d) => d.severity === 'warning')).toHaveLength(1);
  });

  it('reports smaller weight gaps, choices, missing criteria and options, scores and verdicts as information', () => {
    const messages = c.differences.filter((d) => d.severity === 'info').map((d) => d.message);
    expect(messages).toEqual([
      'ADR 3 chose Python; ADR 7 chose Node.js',
      'Hiring and talent pool weighted 3 in ADR 3, 4 in ADR 7',
      'Machine learning and data work was a driver only in ADR 3, not in ADR 7',
      'I/O concurrency model was a driver only in ADR 7, not in ADR 3',
      'Go was considered only in ADR 7',
      'Python scored 2 in ADR 3, 4 in ADR 7 for Real-time and streaming',
      '“Python async is younger.” was accepted in ADR 3, rejected in ADR 7',
    ]);
  });

  it('finds nothing to report between a decision and an identical copy', () => {
    const copy = { ...reporting, id: 'copy', number: 4 };
    expect(compareDecisions([reporting, copy]).differences).toEqual([]);
  });

  it(`warns from a spread of ${WEIGHT_WARNING_SPREAD} and names drafts by title`, () => {
    const a = decision('a', null, { title: 'Queue for billing', drivers: [driver('d', 'Throughput', 2)] });
    const b = decision('b', null, { title: 'Queue for search', drivers: [driver('d', 'Throughput', 5)] });
    const d = decision('d', null, { title: 'Queue for mail', drivers: [driver('d', 'Throughput', 3)] });
    const diff = compareDecisions([a, b, d]).differences;
    expect(diff[0]).toMatchObject({
      severity: 'warning',
      message:
        'Throughput was weighed very differently: 2 in “Queue for billing”, 5 in “Queue for search”, 3 in “Queue for mail”',
    });
    expect(diff.map((x) => x.message)).toContain('“Queue for billing” has no chosen option yet');
    const narrow = compareDecisions([a, { ...b, drivers: [{ ...b.drivers[0]!, weight: 4 }] }]).differences;
    expect(narrow.filter((x) => x.kind === 'weight').map((x) => x.severity)).toEqual(['info']);
  });

  it('reads scores through the function it is given', () => {
    const computed = compareDecisions([reporting, gateway], () => 3);
    expect(computed.criteria[0]!.cells[0]!.scores).toEqual([3, 3, null]);
    expect(computed.differences.some((d) => d.kind === 'score')).toBe(false);
  });
});
