import { describe, expect, it } from 'vitest';
import { DecisionContent } from '../../shared/domain.js';
import { summarizeChanges } from '../../shared/revision-summary.js';

const base = DecisionContent.parse({
  title: 'Use PostgreSQL',
  date: '2026-01-01',
  options: [{ id: 'pg', name: 'PostgreSQL' }],
  evaluation: {
    claims: [{ id: 'c1', driver: 'd', option: 'pg', effect: 'good', summary: 'Fast', verdict: 'unreviewed' }],
  },
});

describe('summarizeChanges', () => {
  it('says which fields changed, with short values before and after', () => {
    const after = { ...base, status: 'accepted' as const, context: 'Orders need transactions.', chosenOption: 'pg' };
    expect(summarizeChanges(base, after)).toBe(
      'status proposed → accepted; context edited; chosen option none → PostgreSQL',
    );
  });

  it('counts verdicts and says nothing when nothing changed', () => {
    const after = {
      ...base,
      evaluation: {
        ...base.evaluation,
        claims: base.evaluation.claims.map((c) => ({ ...c, verdict: 'accepted' as const })),
      },
    };
    expect(summarizeChanges(base, after)).toBe('1 claim accepted');
    expect(summarizeChanges(base, base)).toBe('');
  });
});
