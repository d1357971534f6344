import { describe, expect, it } from 'vitest';
import { DecisionContent, type DecisionContentInput, type EvidenceClaim } from '../../shared/domain.js';
import {
  analyzeDecision,
  buildMatrix,
  claimsFor,
  claimStanding,
  collectConditions,
  describePrefill,
  matrixForExport,
  MAX_PROPOSED,
  NEUTRAL_SCORE,
  prefillScore,
  proposeConsequences,
  proposeRationale,
  sensitivity,
} from '../../shared/scoring.js';

type ClaimInput = Partial<EvidenceClaim> & Pick<EvidenceClaim, 'id' | 'driver' | 'option' | 'effect'>;

function claim(c: ClaimInput): EvidenceClaim {
  return {
    condition: null,
    summary: `claim ${c.id}`,
    section: '',
    anchor: '',
    importance: 2,
    source: null,
    outdated: null,
    contradictions: [],
    verification: null,
    verdict: 'accepted',
    own: false,
    ...c,
  };
}

/** A decision from options, drivers as [id, weight] and manual scores as "option/driver" → value. */
function decision(
  options: string[],
  drivers: [string, number][],
  scores: Record<string, number> = {},
  extra: Partial<DecisionContentInput> = {},
) {
  return DecisionContent.parse({
    title: 'T',
    date: '2026-01-01',
    options: options.map((id) => ({ id, name: id.toUpperCase() })),
    drivers: drivers.map(([id, weight]) => ({ id, name: `Crit ${id}`, weight })),
    ...extra,
    evaluation: {
      ...extra.evaluation,
      scores: Object.entries(scores).map(([key, value]) => {
        const [option, driver] = key.split('/');
        return { option, driver, value, note: '' };
      }),
    },
  });
}

describe('pre-filled scores', () => {
  const answers = {};
  it('are null without counted claims: the cell is unknown (range 1–5), counted at its middle', () => {
    expect(prefillScore([], answers).value).toBeNull();
    const m = buildMatrix(decision(['a'], [['x', 2]]));
    expect(m.rows[0]!.cells[0]).toMatchObject({
      score: null,
      min: 1,
      max: 5,
      point: NEUTRAL_SCORE,
      source: 'missing',
      contribution: 6,
    });
    expect(m.totals[0]).toMatchObject({ total: 6, min: 2, max: 10 });
  });

  it('move one step for a lone minor claim and saturate with strong one-sided evidence', () => {
    const c = (effect: EvidenceClaim['effect'], importance: number, more: Partial<EvidenceClaim> = {}) =>
      claim({ id: `${effect}${importance}`, driver: 'x', option: 'a', effect, importance, ...more });
    expect(prefillScore([c('good', 1)], answers).value).toBe(4);
    expect(prefillScore([c('bad', 1)], answers).value).toBe(2);
    expect(prefillScore([c('good', 3)], answers).value).toBe(5);
    expect(prefillScore([c('bad', 3)], answers).value).toBe(1);
    expect(prefillScore([c('good', 2), c('bad', 2)], answers).value).toBe(3);
    expect(prefillScore([c('neutral', 3)], answers).value).toBe(3);
    // One half-step up and one half-step down round symmetrically away from the middle.
    expect(prefillScore([c('good', 3), c('neutral', 3), c('neutral', 3), c('neutral', 3)], answers).value).toBe(4);
    expect(prefillScore([c('bad', 3), c('neutral', 3), c('neutral', 3), c('neutral', 3)], answers).value).toBe(2);
  });

  it('count outdated claims at half and leave out rejected and set-aside claims', () => {
    const good = claim({ id: 'g', driver: 'x', option: 'a', effect: 'good', importance: 3 });
    expect(prefillScore([{ ...good, outdated: 'replaced' }], answers)).toMatchObject({
      value: 4,
      outdated: 1,
      evidence: 1.5,
    });
    expect(prefillScore([{ ...good, verdict: 'rejected' }], answers)).toMatchObject({ value: null, rejected: 1 });
    const conditional = { ...good, condition: 'heavy load' };
    expect(prefillScore([conditional], { 'heavy load': false })).toMatchObject({ value: null, setAside: 1 });
    expect(prefillScore([conditional], { 'heavy load': true }).value).toBe(5);
    expect(prefillScore([conditional], { 'heavy load': null }).value).toBe(5);
    expect(claimStanding({ ...conditional, verdict: 'rejected' }, { 'heavy load': false })).toBe('set-aside');
    expect(
      describePrefill(
        prefillScore([{ ...good, outdated: 'x' }, claim({ ...good, id: 'r', verdict: 'rejected' })], answers),
      ),
    ).toBe('Pre-filled 4 from 1 claim (1 good); 1 outdated, counted at half; 1 rejected.');
  });

  it('give way to the user’s own score, which keeps its note', () => {
    const d = decision(['a'], [['x', 3]], { 'a/x': 1 });
    d.evaluation.scores[0]!.note = 'licence cost';
    d.evaluation.claims.push(claim({ id: 'g', driver: 'x', option: 'a', effect: 'good', importance: 3 }));
    expect(buildMatrix(d).rows[0]!.cells[0]).toMatchObject({
      score: 1,
      source: 'manual',
      note: 'licence cost',
      prefill: { value: 5 },
    });
  });
});

describe('conditions', () => {
  it('are collected once each, most used first, only from claims about the decision’s options and drivers', () => {
    const d = decision(
      ['a', 'b'],
      [
        ['x', 3],
        ['y', 3],
      ],
      {},
      { evaluation: { conditions: { 'many writers': false } } },
    );
    d.evaluation.claims.push(
      claim({ id: '1', driver: 'y', option: 'a', effect: 'good', condition: 'many writers' }),
      claim({ id: '2', driver: 'x', option: 'b', effect: 'bad', condition: 'many writers' }),
      claim({ id: '3', driver: 'x', option: 'a', effect: 'good', condition: 'analytics' }),
      claim({ id: '4', driver: 'gone', option: 'a', effect: 'good', condition: 'orphan' }),
    );
    expect(collectConditions(d)).toEqual([
      { condition: 'many writers', claims: 2, drivers: ['x', 'y'], answer: false },
      { condition: 'analytics', claims: 1, drivers: ['x'], answer: null },
    ]);
  });
});

describe('the weighted matrix', () => {
  it('multiplies weights by scores, totals, ranks and names the winner', () => {
    const m = buildMatrix(
      decision(
        ['a', 'b'],
        [
          ['x', 5],
          ['y', 1],
        ],
        { 'a/x': 4, 'b/x': 2, 'a/y': 1, 'b/y': 5 },
      ),
    );
    expect(m.totals.map((t) => [t.option, t.total, t.rank])).toEqual([
      ['a', 21, 1],
      ['b', 15, 2],
    ]);
    expect(m.rows.map((r) => r.cells.map((c) => c.contribution))).toEqual([
      [20, 10],
      [1, 5],
    ]);
    expect(m).toMatchObject({ ranking: ['a', 'b'], leaders: ['a'], winner: 'a', maxTotal: 30 });
    expect(m.totals[0]!.share).toBeCloseTo(0.7);
  });

  it('shares a rank between tied options and names no winner', () => {
    const m = buildMatrix(decision(['a', 'b', 'c'], [['x', 2]], { 'a/x': 4, 'b/x': 4, 'c/x': 2 }));
    expect(m.totals.map((t) => t.rank)).toEqual([1, 1, 3]);
    expect(m.leaders).toEqual(['a', 'b']);
    expect(m.winner).toBeNull();
    expect(m.ranking).toEqual(['a', 'b', 'c']);
  });

  it('lets a zero weight contribute nothing and counts a missing score as 3 only where weighted', () => {
    const m = buildMatrix(
      decision(
        ['a', 'b'],
        [
          ['x', 0],
          ['y', 2],
        ],
        { 'a/x': 5, 'b/x': 1, 'a/y': 4 },
      ),
    );
    expect(m.totals.map((t) => t.total)).toEqual([8, 6]);
    expect(m.totals.map((t) => t.missing)).toEqual([0, 1]);
    expect(m.rows[0]!.cells.map((c) => c.contribution)).toEqual([0, 0]);
  });

  it('handles ten options, keeping option order among equals', () => {
    const options = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const scores = Object.fromEntries(options.map((o, i) => [`${o}/x`, (i % 5) + 1]));
    const m = buildMatrix(decision(options, [['x', 3]], scores));
    expect(m.totals).toHaveLength(10);
    expect(m.ranking).toEqual(['o4', 'o9', 'o3', 'o8', 'o2', 'o7', 'o1', 'o6', 'o0', 'o5']);
    expect(m.leaders).toEqual(['o4', 'o9']);
    expect(m.totals.find((t) => t.option === 'o3')!.rank).toBe(3);
  });
});

describe('sensitivity', () => {
  it('finds the smallest single weight change that changes the winner, in words', () => {
    // a leads on x, b on y: a = 5*5 + 1*3 = 28, b = 5*2 + 4*3 = 22.
    const m = buildMatrix(
      decision(
        ['a', 'b'],
        [
          ['x', 5],
          ['y', 3],
        ],
        { 'a/x': 5, 'b/x': 2, 'a/y': 1, 'b/y': 4 },
      ),
    );
    const s = sensitivity(m);
    // Dropping x to 3 gives a = 18, b = 18 (a tie); to 2: a = 13, b = 16.
    expect(s.change).toMatchObject({ driver: 'x', from: 5, to: 2, option: 'b' });
    expect(s.tie).toMatchObject({ driver: 'x', to: 3, leaders: ['a', 'b'] });
    expect(s.statement).toBe('B wins if the weight of Crit x drops from 5 to 2. At 3, A and B tie.');
    expect(s.margin).toBe(6);
    expect(s.closeCall).toBe(false);
  });

  it('flags a close call when one step changes the winner or the lead is small', () => {
    const m = buildMatrix(
      decision(
        ['a', 'b'],
        [
          ['x', 1],
          ['y', 5],
        ],
        { 'a/x': 5, 'b/x': 4, 'a/y': 3, 'b/y': 3 },
      ),
    );
    const s = sensitivity(m);
    expect(s.closeCall).toBe(true);
    expect(s.closeCallReason).toBe('Close call: A leads B by only 1 of 30 possible points.');
    const step = sensitivity(
      buildMatrix(
        decision(
          ['a', 'b'],
          [
            ['x', 1],
            ['y', 1],
          ],
          { 'a/x': 5, 'b/x': 1, 'a/y': 1, 'b/y': 4 },
        ),
      ),
    );
    expect(step.change).toMatchObject({ driver: 'x', to: 0, option: 'b' });
    expect(step.closeCallReason).toContain('one step of a single weight changes the winner');
  });

  it('never says "stays ahead" when a single weight can bring another option level', () => {
    // One criterion: at weight 0 every option totals 0, a tie, though no weight puts B ahead.
    const s = sensitivity(buildMatrix(decision(['a', 'b'], [['x', 3]], { 'a/x': 5, 'b/x': 1 })));
    expect(s.change).toBeNull();
    expect(s.tie).toMatchObject({ driver: 'x', to: 0 });
    expect(s.statement).toBe(
      'No change of a single weight gives another option the lead, but if the weight of Crit x drops from 3 to 0, A and B tie.',
    );
    expect(s.statement).not.toContain('stays ahead');
  });

  it('says when no single weight changes the winner', () => {
    const s = sensitivity(
      buildMatrix(
        decision(
          ['a', 'b'],
          [
            ['x', 3],
            ['y', 3],
          ],
          { 'a/x': 5, 'b/x': 1, 'a/y': 5, 'b/y': 1 },
        ),
      ),
    );
    expect(s.change).toBeNull();
    expect(s.statement).toBe(
      'No change of a single weight changes the winner: A stays ahead whatever weight (0–5) any one criterion gets.',
    );
    expect(s.closeCall).toBe(false);
  });

  it('on a tie, names the tied options and the change that breaks it', () => {
    const s = sensitivity(
      buildMatrix(
        decision(
          ['a', 'b'],
          [
            ['x', 2],
            ['y', 2],
          ],
          { 'a/x': 5, 'b/x': 3, 'a/y': 3, 'b/y': 5 },
        ),
      ),
    );
    expect(s.statement).toBe('A and B tie at 16 points. B wins if the weight of Crit x drops from 2 to 1.');
    expect(s.closeCall).toBe(true);
    expect(s.closeCallReason).toBe('Close call: the top options tie.');
  });

  it('handles zero weights, a single option and no options', () => {
    const zero = sensitivity(buildMatrix(decision(['a', 'b'], [['x', 0]], { 'a/x': 2, 'b/x': 4 })));
    expect(zero.statement).toBe(
      'Every criterion has weight 0, so every option totals 0. B wins if the weight of Crit x rises from 0 to 1.',
    );
    const one = analyzeDecision(decision(['a'], [['x', 4]], { 'a/x': 2 }));
    expect(one.matrix.winner).toBe('a');
    expect(one.sensitivity).toMatchObject({ change: null, closeCall: false, margin: null });
    expect(one.sensitivity.statement).toContain('Only A is considered');
    expect(sensitivity(buildMatrix(decision([], [['x', 4]]))).statement).toContain('No options yet');
  });

  it('handles ten options and missing scores', () => {
    const options = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const m = buildMatrix(
      decision(
        options,
        [
          ['x', 4],
          ['y', 1],
        ],
        { 'o7/x': 4, 'o2/y': 5 },
      ),
    );
    // o7 = 4*4 + 1*3 = 19; o2 = 4*3 + 1*5 = 17; every other option 15.
    expect(m.winner).toBe('o7');
    expect(m.totals.filter((t) => t.missing === 2)).toHaveLength(8);
    const s = sensitivity(m);
    // Raising y by two beats dropping x by three; raising y by one only ties.
    expect(s.change).toMatchObject({ driver: 'y', from: 1, to: 3, option: 'o2' });
    expect(s.tie).toMatchObject({ driver: 'y', to: 2, leaders: ['o2', 'o7'] });
  });
});

describe('proposals for the outcome', () => {
  const d = decision(
    ['a', 'b'],
    [
      ['x', 2],
      ['y', 5],
      ['z', 0],
    ],
    {},
    { evaluation: { conditions: { embedded: false } } },
  );
  d.evaluation.claims.push(
    claim({ id: 'x1', driver: 'x', option: 'a', effect: 'good', summary: 'Starts fast.' }),
    claim({ id: 'y1', driver: 'y', option: 'a', effect: 'good', importance: 1, summary: 'Small.' }),
    claim({ id: 'y2', driver: 'y', option: 'a', effect: 'good', importance: 3, summary: 'Widely hosted.' }),
    claim({ id: 'y3', driver: 'y', option: 'a', effect: 'bad', summary: 'Costly.', verdict: 'rejected' }),
    claim({ id: 'y4', driver: 'y', option: 'a', effect: 'bad', summary: 'Needs a server.', condition: 'embedded' }),
    claim({ id: 'x2', driver: 'x', option: 'a', effect: 'bad', summary: 'Locks on write.' }),
    claim({ id: 'z1', driver: 'z', option: 'a', effect: 'bad', summary: 'Irrelevant.' }),
    claim({ id: 'b1', driver: 'y', option: 'b', effect: 'bad', summary: 'Other option.' }),
  );

  it('sort claims good, neutral, bad, weightiest first', () => {
    expect(claimsFor(d.evaluation.claims, 'a', 'y').map((c) => c.id)).toEqual(['y2', 'y1', 'y3', 'y4']);
  });

  it('propose cited consequences from counted claims of the chosen option under weighted drivers', () => {
    expect(proposeConsequences(d, 'a')).toEqual([
      { effect: 'good', text: 'the evidence on Crit y is in its favour: Widely hosted.', claims: ['y2'] },
      { effect: 'good', text: 'the evidence on Crit x is in its favour: Starts fast.', claims: ['x1'] },
      { effect: 'bad', text: 'the evidence on Crit x counts against it: Locks on write.', claims: ['x2'] },
    ]);
  });

  it('draft a rationale from the matrix', () => {
    expect(proposeRationale(d, 'a')).toBe(
      'A totals 31 of 35 possible points (89%), ahead of B (16). It is strongest on Crit y (5 of 5, weight 5).',
    );
    expect(proposeRationale(d, 'b')).toMatch(
      /^B totals 16 of 35 possible points \(46%\), behind A \(31\), and is chosen nonetheless because $/,
    );
    expect(proposeRationale(d, 'nope')).toBe('');
  });
});

describe('proposals are kept to a handful', () => {
  it('propose at most MAX_PROPOSED of each effect, from the heaviest criteria', () => {
    const drivers: [string, number][] = Array.from({ length: 8 }, (_, i) => [`d${i}`, (i % 5) + 1]);
    const d = decision(['a'], drivers);
    for (const [id] of drivers)
      d.evaluation.claims.push(claim({ id: `g-${id}`, driver: id, option: 'a', effect: 'good', summary: id }));
    const proposed = proposeConsequences(d, 'a');
    expect(proposed).toHaveLength(MAX_PROPOSED);
    expect(proposed.map((c) => /Crit (d\d)/.exec(c.text)![1])).toEqual(['d4', 'd3', 'd2', 'd7']);
  });
});

describe('the matrix for the exported ADR', () => {
  it('lists weighted criteria, effective scores, totals in points, ranking, sensitivity and method', () => {
    const d = decision(
      ['a', 'b'],
      [
        ['x', 5],
        ['y', 0],
        ['z', 3],
      ],
      { 'a/x': 5, 'b/x': 2, 'a/z': 1 },
    );
    expect(matrixForExport(d)).toEqual({
      drivers: [
        { id: 'x', name: 'Crit x', weight: 5 },
        { id: 'z', name: 'Crit z', weight: 3 },
      ],
      options: [
        {
          id: 'a',
          name: 'A',
          scores: { x: 5, z: 1 },
          total: 28,
          cells: { x: { source: 'manual', note: '' }, z: { source: 'manual', note: '' } },
        },
        {
          id: 'b',
          name: 'B',
          scores: { x: 2, z: null },
          total: 19,
          cells: { x: { source: 'manual', note: '' }, z: { source: 'missing', note: '' } },
        },
      ],
      ranking: ['a', 'b'],
      sensitivity: 'B wins if the weight of Crit x drops from 5 to 1. At 2, A and B tie.',
      method: expect.stringContaining('out of 40 possible.'),
      quality: expect.stringMatching(
        /^1 unknown cell could not change the winner\. A ranks first in \d+% of 10,000 draws/,
      ),
    });
    expect(matrixForExport(decision(['a'], [['x', 0]]))).toBeNull();
    expect(matrixForExport(decision(['a'], [['x', 2]]))!.sensitivity).toBeNull();
  });
});
