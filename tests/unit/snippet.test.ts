import { describe, expect, it } from 'vitest';
import { makeSnippet, MARK_END, MARK_START, queryTerms } from '../../shared/snippet.js';

const show = (s: string) => s.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');

describe('search snippets', () => {
  it('marks prefix matches, ignoring case and accents, around the first hit', () => {
    const text = 'Node uses an event loop. Its Événement handling is asynchronous and the EVENTS queue never blocks.';
    expect(show(makeSnippet(text, queryTerms('event')))).toBe(
      'Node uses an [event] loop. Its [Événement] handling is asynchronous and the [EVENTS] queue never blocks.',
    );
  });

  it('cuts a window of words with ellipses when the text is long', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = 'needle';
    const s = show(makeSnippet(words.join(' '), queryTerms('needle'), 10));
    expect(s).toBe('…w37 w38 w39 [needle] w41 w42 w43 w44 w45 w46…');
  });

  it('starts at the beginning when nothing matches and never returns markup from the text', () => {
    expect(makeSnippet('<b>bold</b> words here', queryTerms('zzz'))).toBe('<b>bold</b> words here');
    expect(makeSnippet('', queryTerms('a'))).toBe('');
  });

  it('matches words behind punctuation and by stem, not inside hyphenated words, the same in plain ASCII and accented text', () => {
    const ascii = 'Pools of --Workers and a worker; an x-worker is not one.';
    expect(show(makeSnippet(ascii, queryTerms('workers')))).toBe(
      'Pools of [--Workers] and a [worker;] an x-worker is not one.',
    );
    const accented = 'Pools of --Workers and a worker; an x-worker is not one, café.';
    expect(show(makeSnippet(accented, queryTerms('workers')))).toBe(
      'Pools of [--Workers] and a [worker;] an x-worker is not one, café.',
    );
  });

  it('starts the window a third of its words before the first hit, across any whitespace', () => {
    const text = 'one\ttwo\n\nthree  four five six seven eight needle nine ten eleven twelve';
    expect(show(makeSnippet(text, queryTerms('needle'), 6))).toBe('…seven eight [needle] nine ten eleven…');
    expect(show(makeSnippet('  needle first', queryTerms('needle'), 6))).toBe('[needle] first');
  });
});
