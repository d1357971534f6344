/**
 * Statuses as ADR files write them ("✅ Accepted.", "**superseded by [x](x.md)**", "on hold",
 * "Superceded") mapped onto Cairn's five, and Cairn's status written back in a file's own style.
 */
import type { Status } from '../domain.js';

/**
 * "Superseded" as real folders spell it: superseded, superceded, superseeded, superceeded, supersceded.
 * The one source for the word: the status reading and the parser's "superseded by …" both use it.
 */
export const SUPERSEDED_WORD = 'super(?:s|c|sc)ee?ded';

/**
 * A status that says what replaced the decision: "Superseded by [ADR 33](…)", "Superceeded by 33",
 * "Replaced by …", "Deprecated in favour of [ADR 5](…)" (the status stays deprecated; the link is
 * what supersedes it).
 */
export const SUPERSEDED_BY = new RegExp(
  `^(?:(?:${SUPERSEDED_WORD}|replaced)\\s+by|(?:deprecated|obsolete|retired)\\s*,?\\s+(?:in\\s+favou?r\\s+of|replaced\\s+by|(?:${SUPERSEDED_WORD})\\s+by|by|for))\\b`,
);

const WORDS: [RegExp, Status][] = [
  [new RegExp(`^(?:${SUPERSEDED_WORD}|replaced)\\b`), 'superseded'],
  [/^(?:accepted|approved|adopted|agreed|decided|done|active|implemented|final|in effect|valid|current)\b/, 'accepted'],
  [/^(?:rejected|declined|refused|abandoned|withdrawn|dismissed|discarded|not accepted)\b/, 'rejected'],
  [/^(?:deprecated|obsolete|retired|outdated|archived|revoked|expired)\b/, 'deprecated'],
  [
    /^(?:proposed|proposal|draft|drafted|open|pending|on hold|in review|under review|review|in discussion|under discussion|discussion|under consideration|in progress|wip|rfc|new|todo|suggested|planned|postponed|deferred)\b/,
    'proposed',
  ],
];

/** The status text with links reduced to their text, decorations (emoji, bold, dots) removed, lower-cased. */
export function plainStatus(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`~]/g, '')
    .replace(/[^\p{L}\p{N}\s.:,;()/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s.:;,-]+|[\s.:;,-]+$/g, '')
    .toLowerCase();
}

/** Cairn's status for a status text, or null when the text names none Cairn knows. */
export function mapStatus(text: string): Status | null {
  const plain = plainStatus(text);
  if (!plain) return null;
  for (const [re, status] of WORDS) if (re.test(plain)) return status;
  return null;
}

export type Casing = 'lower' | 'title' | 'upper';

/** How a status word was written: "accepted", "Accepted" or "ACCEPTED". */
export function casingOf(text: string): Casing {
  const word = /\p{L}+/u.exec(plainStatusKeepCase(text))?.[0] ?? '';
  if (word.length > 1 && word === word.toUpperCase()) return 'upper';
  if (word && word[0] === word[0]!.toUpperCase()) return 'title';
  return 'lower';
}

function plainStatusKeepCase(text: string): string {
  return text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[^\p{L}\s]/gu, ' ');
}

export function applyCasing(text: string, casing: Casing): string {
  if (casing === 'upper') return text.toUpperCase();
  if (casing === 'title') return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}

/** The markers wrapped around a status value (`**Accepted**`, `_accepted_`), kept when it is rewritten. */
export function wrapperOf(text: string): { before: string; after: string } {
  const m = /^(\*\*|__|\*|_|`)(?=\S)[\s\S]*\S\1$/.exec(text.trim());
  return m ? { before: m[1]!, after: m[1]! } : { before: '', after: '' };
}
