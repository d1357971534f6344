import { describe, expect, it } from 'vitest';
import {
  agreement,
  findExclusions,
  findFlips,
  findUnknowns,
  rankStability,
  totalRanges,
  unknownAdvice,
  type QualityCell,
  type QualityInput,
} from '../../shared/robustness.js';
import { sharePercent } from '../../shared/scoring.js';

const point = (value: number): QualityCell => ({ value, min: value, max: value });
const unknown: QualityCell = { value: null, min: 1, max: 5 };
const range = (min: number, max: number): QualityCell => ({ value: (min + max) / 2, min, max });

function input(
  cells: QualityCell[][],
  weights: number[],
  minimums: (number | null)[] = weights.map(() => null),
): QualityInput {
  return {
    options: [
      { id: 'node', name: 'Node.js' },
      { id: 'python', name: 'Python' },
    ],
    drivers: weights.map((weight, i) => ({
      id: `d${i}`,
      name: `Criterion ${i}`,
      weight,
      minimum: minimums[i] ?? null,
    })),
    cells,
  };
}

describe('robustness', () => {
  it('gives the same shares for the same seed and other shares for another seed', () => {
    const q = input(
      [
        [range(2, 5), range(2, 5)],
        [range(1, 4), range(2, 5)],
      ],
      [3, 3],
    );
    const a = rankStability(q, new Set(), 2_000, 7);
    expect(rankStability(q, new Set(), 2_000, 7)).toEqual(a);
    expect(rankStability(q, new Set(), 2_000, 8)).not.toEqual(a);
    expect(a.node! + a.python!).toBeCloseTo(1, 9);
  });

  it('never ranks a dominated option first, nor an excluded one', () => {
    const q = input(
      [
        [point(5), point(1)],
        [point(4), point(2)],
      ],
      [3, 2],
    );
    expect(rankStability(q, new Set(), 1_000, 1)).toEqual({ node: 1, python: 0 });
    expect(rankStability(q, new Set(['node']), 1_000, 1)).toEqual({ node: 0, python: 1 });
  });

  it('splits tied draws evenly', () => {
    const q = input([[point(3), point(3)]], [2]);
    expect(rankStability(q, new Set(), 100, 1)).toEqual({ node: 0.5, python: 0.5 });
  });

  it('excludes an option below a must-have, but not for an unknown cell', () => {
    const q = input(
      [
        [point(2), point(4)],
        [unknown, point(3)],
      ],
      [3, 2],
      [3, 3],
    );
    expect(findExclusions(q)).toEqual([{ option: 'node', driver: 'd0', minimum: 3, score: 2 }]);
  });

  it('keeps unknown cells unknown and shows the range they allow', () => {
    const q = input(
      [
        [point(4), point(3)],
        [unknown, point(3)],
      ],
      [3, 2],
    );
    expect(findUnknowns(q)).toEqual([{ option: 'node', driver: 'd1' }]);
    expect(totalRanges(q)).toEqual([
      { option: 'node', min: 14, max: 22 },
      { option: 'python', min: 15, max: 15 },
    ]);
    // Python (15) beats Node's worst case (14): the unknown could change the winner, fill it first.
    expect(unknownAdvice(q, 'node', new Set())).toEqual({
      couldChangeWinner: true,
      fillFirst: { option: 'node', driver: 'd1' },
    });
    expect(
      unknownAdvice(
        input(
          [
            [point(5), point(1)],
            [unknown, point(1)],
          ],
          [3, 1],
        ),
        'node',
        new Set(),
      ).couldChangeWinner,
    ).toBe(false);
  });

  it('finds the single score that flips the winner, smallest change first', () => {
    const q = input(
      [
        [point(4), point(2)],
        [point(3), point(4)],
      ],
      [3, 2],
    );
    // Node 18, Python 14: Python needs +3 points; its Criterion 0 score 2 → 4 gives it 20 > 18.
    const flips = findFlips(q, 'node', new Set());
    expect(flips[0]).toMatchObject({ option: 'python', driver: 'd0', from: 2, to: 4, winner: 'python' });
    expect(flips[0]!.statement).toBe('Python wins if its Criterion 0 score were 4 instead of 2.');
    expect(flips.some((f) => f.option === 'node' && f.winner === 'python')).toBe(true);
  });

  it('lines up where people disagree, widest first', () => {
    const cells = agreement([
      {
        name: 'Ana',
        weights: {},
        scores: [
          { option: 'node', driver: 'd0', value: 5 },
          { option: 'python', driver: 'd0', value: 3 },
        ],
      },
      {
        name: 'Bo',
        weights: {},
        scores: [
          { option: 'node', driver: 'd0', value: 2 },
          { option: 'python', driver: 'd0', value: 3 },
        ],
      },
    ]);
    expect(cells.map((c) => [c.option, c.spread, c.mean])).toEqual([
      ['node', 3, 3.5],
      ['python', 0, 3],
    ]);
  });

  it('rounds shares one way everywhere', () => {
    expect([0.775, 0.7749, 0.005, 1].map((s) => `${sharePercent(s)}%`)).toEqual(['78%', '77%', '1%', '100%']);
  });
});
