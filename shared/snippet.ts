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

export function makeSnippet(text: string, terms: string[], words = 16): string {
  const tokens = text.split(/(\s+)/);
  const isHit = (token: string) => {
    const w = fold(token).replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, '');
    return w.length > 0 && terms.some((t) => w.startsWith(t) || (t.length > 4 && w.startsWith(t.slice(0, -1))));
  };
  const wordIndexes = tokens.map((t, i) => (t.trim() ? i : -1)).filter((i) => i >= 0);
  const first = wordIndexes.findIndex((i) => isHit(tokens[i]!));
  const start = Math.max(0, (first === -1 ? 0 : first) - Math.floor(words / 3));
  const chosen = wordIndexes.slice(start, start + words);
  if (!chosen.length) return '';
  const out = tokens.slice(chosen[0], chosen[chosen.length - 1]! + 1).map((t) => (t.trim() && isHit(t) ? MARK_START + t + MARK_END : t));
  return (start > 0 ? '…' : '') + out.join('').replace(/\s+/g, ' ') + (start + words < wordIndexes.length ? '…' : '');
}
