import { describe, expect, it } from 'vitest';
import { headingsAt, matchAnchor, normalizeForMatch, sameHeading, type Section } from '../../shared/verification.js';

const text = [
  'Intro',
  '',
  'Node.js handled many requests at once. It\u2019s fast.',
  '',
  'Threads',
  '',
  'Python has a “global interpreter lock” \u2014 one thread at a time.',
  'The lock is fine for I/O.',
  '',
  'More',
  '',
  'The lock is fine for I/O.',
].join('\n');
const at = (h: string) => text.indexOf(h);
const sections: Section[] = [
  { heading: 'Intro', level: 1, start: at('Intro') },
  { heading: 'Threads', level: 1, start: at('Threads') },
  { heading: 'More', level: 1, start: at('More') },
];
const stored = { text, sections };

describe('the anchor matcher', () => {
  it('forgives entities, smart quotes, emphasis, tags and line breaks, but not words', () => {
    expect(matchAnchor(stored, 'handled <em>many</em> requests', 'Intro').state).toBe('verified');
    expect(matchAnchor(stored, 'It&#8217;s fast', 'Intro').state).toBe('verified');
    expect(matchAnchor(stored, "It's fast", 'Intro').state).toBe('verified');
    expect(matchAnchor(stored, '**Node.js** handled\n  many', 'intro:').state).toBe('verified');
    expect(matchAnchor(stored, 'a "global interpreter lock" - one thread', 'Threads').state).toBe('verified');
    expect(matchAnchor(stored, 'handled several requests', 'Intro').state).toBe('missing');
    expect(matchAnchor(stored, 'node.js handled many', 'Intro').state).toBe('missing');
    expect(matchAnchor(stored, 'this phrase appears nowhere in the source at all', '').state).toBe('missing');
  });

  it('says moved when the quote sits under another heading, ambiguous when it occurs twice', () => {
    const moved = matchAnchor(stored, 'one thread at a time', 'Intro');
    expect(moved).toMatchObject({ state: 'moved', foundSection: 'Threads' });
    expect(moved.reason).toContain('Threads');
    const twice = matchAnchor(stored, 'The lock is fine', 'Threads');
    expect(twice).toMatchObject({ state: 'ambiguous', count: 2 });
  });

  it('accepts a heading above the nearest one, and locates the quote in the original text', () => {
    const nested: Section[] = [
      { heading: 'Top', level: 1, start: 0 },
      ...sections.slice(1).map((s) => ({ ...s, level: 2 })),
    ];
    expect(matchAnchor({ text, sections: nested }, 'one thread at a time', 'Top').state).toBe('verified');
    const m = matchAnchor(stored, 'global interpreter lock', 'Threads');
    expect(text.slice(m.start!, m.end!)).toBe('global interpreter lock');
    expect(headingsAt(nested, m.start!).map((s) => s.heading)).toEqual(['Threads', 'Top']);
  });

  it('accepts a sub-heading standing as its own line above the quote (a list item ending in a colon)', () => {
    const listed = 'Uses\n\nWeb work:\n  • Node.js suits APIs well.\n  • Data work:\n  • Python leads in data science.';
    const heads: Section[] = [{ heading: 'Uses', level: 1, start: 0 }];
    expect(matchAnchor({ text: listed, sections: heads }, 'Python leads in data', 'Data work').state).toBe('verified');
    expect(matchAnchor({ text: listed, sections: heads }, 'Node.js suits APIs', 'Data work').state).toBe('moved');
  });

  it('accepts a long heading named by its first sentence, and no shorter piece of it', () => {
    const doc = 'Which one fits? Events or threads, compared.\n\nEvent loops serve many sockets at once.';
    const heads: Section[] = [{ heading: 'Which one fits? Events or threads, compared.', level: 1, start: 0 }];
    const check = (section: string) => matchAnchor({ text: doc, sections: heads }, 'serve many sockets', section).state;
    expect(check('Which one fits?')).toBe('verified');
    expect(check('Which one fits? Events or threads, compared.')).toBe('verified');
    expect(check('Which one')).toBe('moved');
    expect(check('Events or threads, compared.')).toBe('moved');
  });

  it('says unchecked with no text or no quote: never verified', () => {
    expect(matchAnchor(null, 'anything', 'x').state).toBe('unchecked');
    expect(matchAnchor(stored, '   ', 'x').state).toBe('unchecked');
  });

  it('normalises without touching letters, and maps back to the original', () => {
    const n = normalizeForMatch('a&amp;b  <strong>c</strong>\u2026');
    expect(n.text).toBe('a&b c...');
    expect(n.at[2]).toBe(6);
    expect(sameHeading('## Error Handling:', 'error handling')).toBe(true);
    expect(sameHeading('Error Handling', 'Error Handler')).toBe(false);
  });
});
