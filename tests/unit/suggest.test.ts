import { describe, expect, it } from 'vitest';
import { optionVariants, rankSuggestions } from '../../electron/core/sources/suggest.js';
import { plainTextSections } from '../../electron/core/sources/extract.js';
import { matchAnchor } from '../../shared/verification.js';

const options = [
  { id: 'postgres', name: 'PostgreSQL', description: '' },
  { id: 'mongodb', name: 'MongoDB', description: '' },
];
const criteria = [
  {
    id: 'transactions',
    name: 'Transactions and consistency',
    description: 'Multi-row atomic updates.',
    question: 'Do orders need atomic updates across tables?',
  },
  { id: 'schema', name: 'Schema flexibility', description: 'Changing the shape of stored documents.', question: '' },
];
const text = [
  'Choosing a store for orders',
  '',
  'We compared two databases for the orders service over one quarter.',
  '',
  'Consistency',
  '',
  'PostgreSQL gives full transactions across tables, which made refunds simple and safe. MongoDB supports multi-document transactions only since version 4.0, and they are slower.',
  '',
  'Schema changes',
  '',
  'MongoDB lets each document carry its own shape, so schema changes need no migration. It is not hard to add a field later.',
  'PostgreSQL needs a migration for every schema change, which is harder for a fast-moving team.',
].join('\n');

describe('suggested claims', () => {
  it('names options the way documents write them', () => {
    expect([...optionVariants({ id: 'nodejs', name: 'Node.js', description: '' })]).toEqual(
      expect.arrayContaining(['nodejs', 'node']),
    );
  });

  it('finds sentences that judge an option under a criterion, with a unique anchor and the heading it sits under', async () => {
    const ranked = await rankSuggestions('notes', { text, sections: plainTextSections(text) }, options, criteria);
    const top = (option: string, criterion: string) =>
      ranked.filter((s) => s.option === option && s.criterion === criterion);
    const pgTx = top('postgres', 'transactions')[0]!;
    expect(pgTx).toMatchObject({ section: 'Consistency', effect: 'good' });
    expect(pgTx.sentence).toMatch(/^PostgreSQL gives full transactions/);
    expect(top('mongodb', 'transactions')[0]).toMatchObject({ effect: 'bad' });
    expect(top('mongodb', 'schema')[0]!.sentence).toMatch(/^MongoDB lets each document/);
    // "It is not hard": the option comes from the sentence before, and the negation flips "hard".
    const inherited = ranked.find((s) => s.sentence.startsWith('It is not hard'))!;
    expect(inherited).toMatchObject({ option: 'mongodb', effect: 'good' });
    expect(top('postgres', 'schema')[0]).toMatchObject({ effect: 'bad', section: 'Schema changes' });
    for (const s of ranked) {
      expect(s.anchor.split(/\s+/).length).toBeLessThanOrEqual(12);
      expect(matchAnchor({ text, sections: [] }, s.anchor, '').count).toBe(1);
    }
    // The intro names no option and no criterion: never suggested.
    expect(ranked.some((s) => s.sentence.startsWith('We compared'))).toBe(false);
    expect(ranked.map((s) => s.score)).toEqual([...ranked.map((s) => s.score)].sort((a, b) => b - a));
  });
});
