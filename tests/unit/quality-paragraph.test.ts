import { describe, expect, it } from 'vitest';
import { renderAdr } from '../../shared/adr/render.js';
import { Decision, type DecisionContentInput } from '../../shared/domain.js';
import { analyzeDecision, matrixForExport, qualityParagraph } from '../../shared/scoring.js';

/**
 * The ADR's paragraph on decision quality: exclusions, unknowns, robustness and disagreement,
 * each said only when there is something to say, in both dialects, without adding a line.
 */
function decision(content: Partial<DecisionContentInput>): Decision {
  return Decision.parse({
    id: 'd1',
    number: null,
    revision: 1,
    createdAt: 'x',
    updatedAt: 'x',
    trashedAt: null,
    title: 'Pick a database',
    date: '2026-01-01',
    options: [
      { id: 'pg', name: 'PostgreSQL' },
      { id: 'mongo', name: 'MongoDB' },
      { id: 'lite', name: 'SQLite' },
    ],
    drivers: [
      { id: 'tx', name: 'Transactions', weight: 5, minimum: 3 },
      { id: 'ops', name: 'Operations', weight: 3 },
      { id: 'scale', name: 'Scale-out', weight: 2 },
    ],
    ...content,
  });
}

const score = (option: string, driver: string, value: number) => ({ option, driver, value });

const base = decision({
  evaluation: {
    scores: [
      score('pg', 'tx', 5),
      score('mongo', 'tx', 3),
      score('lite', 'tx', 2),
      score('pg', 'ops', 3),
      score('mongo', 'ops', 4),
      score('lite', 'ops', 5),
      score('mongo', 'scale', 5),
      score('lite', 'scale', 1),
    ],
  },
});

describe('the quality paragraph', () => {
  it('names the exclusion, the unknown cell and the robustness figure with its seed', () => {
    const text = qualityParagraph(base, analyzeDecision(base));
    expect(text).toContain('SQLite is excluded: 2 on Transactions, below its must-have 3.');
    expect(text).toMatch(/1 unknown cell could (not )?change the winner/);
    expect(text).toMatch(/PostgreSQL ranks first in \d+% of 10,000 draws \(.*seed 20260101\)\./);
    expect(text).not.toContain('People');
  });

  it('gives the same figures on every run and other figures for another seed', () => {
    const ranged = decision({
      evaluation: {
        ...base.evaluation,
        scores: base.evaluation.scores.map((s) =>
          s.option === 'mongo' && s.driver === 'tx' ? { ...s, min: 2, max: 5 } : s,
        ),
      },
    });
    const a = qualityParagraph(ranged, analyzeDecision(ranged));
    expect(qualityParagraph(ranged, analyzeDecision(ranged))).toBe(a);
    const other = { ...ranged, evaluation: { ...ranged.evaluation, seed: 7 } };
    expect(qualityParagraph(other, analyzeDecision(other))).toContain('seed 7');
  });

  it('says where two people differ most and how their views are combined', () => {
    const people = [
      { name: 'Ana', weights: { ops: 5 }, scores: [score('mongo', 'ops', 5), score('pg', 'ops', 3)] },
      { name: 'Bo', weights: { ops: 1 }, scores: [score('mongo', 'ops', 1), score('pg', 'ops', 3)] },
    ];
    const mean = decision({ evaluation: { ...base.evaluation, people, combine: { method: 'mean' } } });
    expect(qualityParagraph(mean, analyzeDecision(mean))).toContain(
      'People differ most on MongoDB under Operations (Ana 5, Bo 1); the matrix takes the mean of their views.',
    );
    const bo = decision({ evaluation: { ...base.evaluation, people, combine: { method: 'person', person: 'Bo' } } });
    expect(qualityParagraph(bo, analyzeDecision(bo))).toContain('the matrix takes Bo’s call.');
    const close = decision({
      evaluation: {
        ...base.evaluation,
        people: [people[0]!, { ...people[1]!, scores: [score('mongo', 'ops', 4)] }],
        combine: { method: 'mean' },
      },
    });
    expect(qualityParagraph(close, analyzeDecision(close))).toContain(
      'Where people scored the same cell, they are at most one step apart; the matrix takes the mean of their views.',
    );
  });

  it('says nothing without a matrix, with one option, or when no cell is known', () => {
    const none = decision({ evaluation: {} });
    expect(qualityParagraph(none, analyzeDecision(none))).toBe('');
    const one = decision({ options: [{ id: 'pg', name: 'PostgreSQL' }], evaluation: base.evaluation });
    expect(qualityParagraph(one, analyzeDecision(one))).toBe('');
    expect(matrixForExport(none)!.quality).toBeNull();
  });
});

describe('the paragraph in the exported ADR', () => {
  it.each(['madr', 'nygard'] as const)('%s: folded into the matrix’s closing paragraph, adding no line', (format) => {
    const analysis = matrixForExport(base)!;
    const text = renderAdr(base, format, { number: 3, numberWidth: 4, links: [], analysis });
    const without = renderAdr(base, format, {
      number: 3,
      numberWidth: 4,
      links: [],
      analysis: { ...analysis, quality: null },
    });
    const line = text.split('\n').find((l) => l.startsWith('Ranking: '))!;
    expect(line).toContain('Robustness: SQLite is excluded');
    expect(line).toContain('PostgreSQL ranks first in');
    expect(text.split('\n')).toHaveLength(without.split('\n').length);
  });
});
