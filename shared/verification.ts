/**
 * Verifying a claim's anchor against the stored text of its source: the one matcher every
 * path uses (saving a claim, importing a pack, a new version of a source, `knowledge verify`).
 *
 * Policy: matching forgives markup and typography — HTML tags and entities, smart quotes,
 * dashes, emphasis marks (`*`, `_`, backticks), line breaks and runs of white space — and
 * nothing else: letters, digits, case and word order must be the same. So a quote typed with
 * straight quotes finds the same passage set with curly ones, and a made-up quote is never found.
 * Pure functions, no Node and no DOM: the renderer highlights with the same offsets.
 */
import { VERIFICATION_STATES, type VerificationState } from './vocabulary.js';

export { VERIFICATION_STATES, type VerificationState };

/** A heading of a source's text: its words, its level (1 = top) and where it starts in the text. */
export interface Section {
  heading: string;
  level: number;
  start: number;
}

/** A text with, for each of its characters, the offset in the original it came from. */
export interface Normalized {
  text: string;
  at: number[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: "'",
  rsquo: "'",
  sbquo: "'",
  ldquo: '"',
  rdquo: '"',
  bdquo: '"',
  ndash: '-',
  mdash: '-',
  hellip: '...',
  shy: '',
  zwj: '',
  zwnj: '',
  laquo: '"',
  raquo: '"',
  prime: "'",
  Prime: '"',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
};

// Inline tags vanish without a trace ("handled <em>many</em>" reads "handled many"); any other
// tag (a paragraph, a line break) separates words like a space.
const INLINE_TAGS = new Set([
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'a',
  'span',
  'code',
  'mark',
  'sup',
  'sub',
  'small',
  'abbr',
  'cite',
  'q',
  'del',
  'ins',
  'kbd',
  'var',
  'font',
]);
const TAG = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]{0,500})?\/?>/;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/;

/** One character (or decoded entity) in its typographically plain form; '' drops it, ' ' is space. */
function plainChar(ch: string): string {
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u201a':
    case '\u201b':
    case '\u2032':
    case '\u02bc':
    case '`':
      return ch === '`' ? '' : "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u201f':
    case '\u2033':
    case '\u00ab':
    case '\u00bb':
      return '"';
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2015':
    case '\u2212':
      return '-';
    case '\u2026':
      return '...';
    case '*':
    case '_':
      return '';
    case '\u00ad':
    case '\u200b':
    case '\u200c':
    case '\u200d':
    case '\ufeff':
      return '';
  }
  if (/\s/.test(ch)) return ' ';
  // Ligatures and full-width forms become their plain letters; letters stay letters.
  return ch.normalize('NFKC');
}

function decodeEntity(name: string): string | null {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return null;
    return String.fromCodePoint(code);
  }
  return ENTITIES[name] ?? null;
}

/** The text as the matcher compares it, with a map back to the original's offsets. */
export function normalizeForMatch(raw: string): Normalized {
  const out: string[] = [];
  const at: number[] = [];
  let space = true; // at the start, a space is dropped
  const emit = (piece: string, from: number) => {
    for (const c of piece) {
      if (c === ' ') {
        if (space) continue;
        space = true;
      } else space = false;
      out.push(c);
      at.push(from);
    }
  };
  for (let i = 0; i < raw.length;) {
    const ch = raw[i]!;
    if (ch === '<') {
      const m = TAG.exec(raw.slice(i, i + 520));
      if (m) {
        if (!INLINE_TAGS.has(m[1]!.toLowerCase())) emit(' ', i);
        i += m[0].length;
        continue;
      }
    } else if (ch === '&') {
      const m = ENTITY.exec(raw.slice(i, i + 12));
      const decoded = m ? decodeEntity(m[1]!) : null;
      if (m && decoded !== null) {
        for (const c of decoded) emit(plainChar(c), i);
        i += m[0].length;
        continue;
      }
    }
    const cp = raw.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    emit(plainChar(char), i);
    i += char.length;
  }
  // A trailing space carries nothing.
  if (out.length && out[out.length - 1] === ' ') {
    out.pop();
    at.pop();
  }
  return { text: out.join(''), at };
}

/** A heading compared loosely: no markup, case or trailing punctuation. */
export function sameHeading(a: string, b: string): boolean {
  const norm = (s: string) =>
    normalizeForMatch(s)
      .text.toLowerCase()
      .replace(/^#+\s*/, '')
      .replace(/[\s:.;,!?-]+$/, '');
  return norm(a) === norm(b);
}

/** The headings a position sits under, nearest first (its heading, then the ones above it). */
export function headingsAt(sections: readonly Section[], offset: number): Section[] {
  let nearest = -1;
  for (let i = 0; i < sections.length; i++) {
    if (sections[i]!.start <= offset) nearest = i;
    else break;
  }
  const chain: Section[] = [];
  let level = Infinity;
  for (let i = nearest; i >= 0; i--) {
    const s = sections[i]!;
    if (s.level < level) {
      chain.push(s);
      level = s.level;
    }
  }
  return chain;
}

export interface AnchorMatch {
  state: VerificationState;
  /** How many times the anchor occurs in the text. */
  count: number;
  /** Where it was found in the original text (the first place, when it occurs more than once). */
  start: number | null;
  end: number | null;
  /** The heading it sits under, when found ('' before the first heading). */
  foundSection: string | null;
  /** One sentence for the user when the state is not `verified`. */
  reason: string;
}

export interface StoredText {
  text: string;
  sections: readonly Section[];
}

/** Every place a normalized needle occurs in a normalized haystack (overlaps included). */
function findAll(haystack: string, needle: string, limit = 50): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < limit; at = haystack.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/** Anchors are at most this many words (the only verbatim text a claim may carry). */
export const MAX_ANCHOR_WORDS = 12;

export function anchorWords(anchor: string): number {
  return anchor.trim().split(/\s+/).filter(Boolean).length;
}

/**
 * Checks one anchor against one stored text. A prepared text (see `prepareText`) can be passed
 * to check many anchors against the same document without normalising it each time.
 */
export function matchAnchor(stored: StoredText | PreparedText | null, anchor: string, section: string): AnchorMatch {
  const none = { count: 0, start: null, end: null, foundSection: null };
  if (!stored)
    return { state: 'unchecked', ...none, reason: 'Cairn has no text of this source to check the quote against.' };
  const needle = normalizeForMatch(anchor).text;
  if (!needle) return { state: 'unchecked', ...none, reason: 'The claim has no quote to check.' };
  const prepared = 'normalized' in stored ? stored : prepareText(stored);
  const hits = findAll(prepared.normalized.text, needle);
  if (!hits.length) return { state: 'missing', ...none, reason: 'The quote is not found in the source’s text.' };
  const first = hits[0]!;
  const map = prepared.normalized.at;
  const start = map[first]!;
  const last = map[first + needle.length - 1]!;
  const end = last + (prepared.text.codePointAt(last)! > 0xffff ? 2 : 1);
  const chain = headingsAt(prepared.sections, start);
  const foundSection = chain[0]?.heading ?? '';
  if (hits.length > 1) {
    return {
      state: 'ambiguous',
      count: hits.length,
      start,
      end,
      foundSection,
      reason: `The quote occurs ${hits.length === 50 ? '50 or more' : hits.length} times in the source; widen it until it names one place.`,
    };
  }
  const named = section.trim();
  if (
    named &&
    !chain.some((h) => sameHeading(h.heading, named) || namesFirstSentence(h.heading, named)) &&
    !lineAbove(prepared.text, chain[0]?.start ?? 0, start, named)
  ) {
    return {
      state: 'moved',
      count: 1,
      start,
      end,
      foundSection,
      reason: foundSection
        ? `The quote sits under “${foundSection}”, not under “${named}”.`
        : `The quote sits before the first heading, not under “${named}”.`,
    };
  }
  return { state: 'verified', count: 1, start, end, foundSection, reason: '' };
}

/**
 * A long heading of several sentences ("Which is better for your project? Node.js's … or
 * Python's simplicity?") may be named by its first sentence alone, as a citation would.
 */
function namesFirstSentence(heading: string, named: string): boolean {
  const first = /^(.+?[?!:.])\s+\S/u.exec(heading.trim());
  return first !== null && sameHeading(first[1]!, named);
}

/**
 * A sub-heading no detector found — a list item ending in a colon, a table caption — still
 * names the place when it stands as a line of its own between the nearest heading and the quote.
 */
function lineAbove(text: string, from: number, to: number, named: string): boolean {
  for (const line of text.slice(from, to).split('\n')) {
    const bare = line.replace(/^[\s•*·\-–—]+/, '').trim();
    if (bare && bare.length <= named.length + 4 && sameHeading(bare, named)) return true;
  }
  return false;
}

export interface PreparedText extends StoredText {
  normalized: Normalized;
}

export function prepareText(stored: StoredText): PreparedText {
  return { ...stored, normalized: normalizeForMatch(stored.text) };
}
