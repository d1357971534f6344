/**
 * A short excerpt of a text around the words a search matched, with each match wrapped in
 * marker characters (the UI turns them into <mark>, the CLI into *…*). Words match by prefix,
 * as the search does, ignoring case and accents.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function queryTerms(query: string): string[] {
  return (fold(query).match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 32);
}

/** The prefixes a word may start with to match: each term, and the stem of a term over four letters. */
function prefixesOf(terms: string[]): string[] {
  return terms.flatMap((t) => (t.length > 4 ? [t, t.slice(0, -1)] : [t]));
}

/** Whether a word of the text matches a term, by prefix, ignoring case, accents and leading punctuation. */
function hitTest(prefixes: string[]): (token: string) => boolean {
  // Terms are letters, digits and underscores only (see queryTerms), so they are safe in a pattern.
  const pattern = prefixes.length ? new RegExp(`^(?:${prefixes.join('|')})`) : null;
  return (token) => {
    if (!pattern) return false;
    // Plain ASCII words (most of them) skip Unicode folding.
    const w = PRINTABLE_ASCII.test(token)
      ? token.toLowerCase().replace(ASCII_EDGES, '')
      : fold(token).replace(UNICODE_EDGES, '');
    return w.length > 0 && pattern.test(w);
  };
}

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
// eslint-disable-next-line no-control-regex -- any ASCII character, control characters included
const ASCII_TEXT = /^[\x00-\x7f]*$/;
const ASCII_EDGES = /^[^a-z0-9_]+|[^a-z0-9_]+$/g;
const UNICODE_EDGES = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Where the first matching word starts in an ASCII text, found by one native search rather than
 * word by word: a word start (after whitespace), any leading punctuation, then a prefix. -1 if none.
 */
function firstHitInAscii(text: string, pattern: RegExp): number {
  const m = pattern.exec(text);
  if (!m) return -1;
  return m.index === 0 && !isSpace(text.charCodeAt(0)) ? 0 : m.index + 1;
}

/**
 * The excerpt: `words` words starting a third of them before the first hit, with the hits
 * marked, and an ellipsis where the text goes on. The text is read only as far as the window.
 */
export function makeSnippet(text: string, terms: string[], words = 16): string {
  return snippetMaker(terms, words)(text);
}

/** `makeSnippet` for one query's terms, its patterns compiled once for all the texts it cuts. */
export function snippetMaker(terms: string[], words = 16): (text: string) => string {
  const prefixes = prefixesOf(terms);
  const any = prefixes.join('|');
  const matcher: Matcher = {
    isHit: hitTest(prefixes),
    // In ASCII text a hit is a word start, any leading punctuation, then a prefix: one native search finds it.
    asciiHit: prefixes.length ? new RegExp(`(?:^|\\s)[^a-z0-9_\\s]*(?:${any})`, 'i') : null,
    asciiMark: prefixes.length ? new RegExp(`(^|\\s)([^a-z0-9_\\s]*(?:${any})\\S*)`, 'gi') : null,
  };
  return (text) => (words < 1 ? '' : cut(text, words, matcher));
}

interface Matcher {
  isHit: (token: string) => boolean;
  asciiHit: RegExp | null;
  asciiMark: RegExp | null;
}

function cut(text: string, words: number, { isHit, asciiHit, asciiMark }: Matcher): string {
  const lead = Math.floor(words / 3);
  const ascii = asciiHit !== null && ASCII_TEXT.test(text);
  const show = (window: string[], skipped: boolean, more: boolean) => {
    const marked = ascii
      ? window.join(' ').replace(asciiMark!, (_all, space: string, hit: string) => space + MARK_START + hit + MARK_END)
      : window.map((w) => (isHit(w) ? MARK_START + w + MARK_END : w)).join(' ');
    return (skipped ? '…' : '') + marked + (more ? '…' : '');
  };
  const word = /\S+/g;
  const from = (at: number, skipped: boolean) => {
    const window: string[] = [];
    word.lastIndex = at;
    for (let m = word.exec(text); m; m = word.exec(text)) {
      if (window.length === words) return show(window, skipped, true);
      window.push(m[0]);
    }
    return show(window, skipped, false);
  };
  if (ascii) {
    const hit = firstHitInAscii(text, asciiHit!);
    if (hit === -1) return from(0, false);
    // Back `lead` words from the hit, then the window from there.
    let start = hit;
    for (let n = 0; n < lead; n++) {
      let end = start;
      while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
      if (end === 0) break;
      let begin = end;
      while (begin > 0 && !isSpace(text.charCodeAt(begin - 1))) begin--;
      start = begin;
    }
    let before = start;
    while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
    return from(start, before > 0);
  }
  const first: string[] = [];
  const recent: string[] = [];
  let skipped = 0;
  let window: string[] | null = null;
  let count = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const w = m[0];
    count++;
    if (first.length < words) first.push(w);
    if (window) {
      if (window.length === words) return show(window, skipped > 0, true);
      window.push(w);
    } else if (isHit(w)) {
      window = [...recent, w];
    } else {
      recent.push(w);
      if (recent.length > lead) {
        recent.shift();
        skipped++;
      }
    }
  }
  if (window) return show(window, skipped > 0, false);
  return show(first, false, count > words);
}
