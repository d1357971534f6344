/** Counts shown to the reader are grouped for the reader's language, with English when that fails. */
import { describe, expect, it } from 'vitest';
import { countOf, formatCount, readerLocales } from '../../renderer/src/number-format.js';

describe('formatCount', () => {
  it("groups digits for the reader's language", () => {
    expect(formatCount(10_000, ['en-US'])).toBe('10,000');
    expect(formatCount(10_000, ['de-DE'])).toBe('10.000');
    expect(formatCount(1_234_567, ['en-GB'])).toBe('1,234,567');
  });

  it('falls back to English where the locale is C/POSIX, malformed or missing', () => {
    for (const languages of [[], ['C'], ['POSIX'], ['en-US-u-va-posix'], ['not a tag!'], ['']]) {
      expect(formatCount(10_000, languages), JSON.stringify(languages)).toBe('10,000');
    }
    expect(readerLocales(['C', 'fr-FR'])).toEqual(['fr-FR', 'en']);
  });

  it('says "decision" for one and "decisions" otherwise', () => {
    expect(countOf(1, 'decision', undefined, ['en'])).toBe('1 decision');
    expect(countOf(0, 'decision', undefined, ['en'])).toBe('0 decisions');
    expect(countOf(10_000, 'decision', undefined, ['en'])).toBe('10,000 decisions');
  });
});
