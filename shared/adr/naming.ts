/**
 * How a folder names its ADR files, read from the names already there, so that a new draft is
 * named the same way: `0007-use-go.md`, `007-use-go.md`, `adr-007-use-go.md`,
 * `ADR-0007-Use-Go.md`, `ADR007-use-go.md`, `20260301-use-go.md` (log4brains), `.html.md`
 * (ADR Manager). Each trait (number width or date, prefix, slug case and separator, extension)
 * is the one most names share; a folder with no ADR names gets Cairn's own `NNNN-slug.md`.
 */

export type SlugCase = 'lower' | 'upper' | 'title';

export interface NameStyle {
  /** What comes before the number or date, exactly as written: '', 'adr-', 'ADR-', 'ADR', 'adr_'. */
  prefix: string;
  /** Between the number and the slug, and between the slug's words. */
  separator: '-' | '_';
  case: SlugCase;
  /** '.md' or '.html.md'. */
  ext: string;
}

export const DEFAULT_STYLE: NameStyle = { prefix: '', separator: '-', case: 'lower', ext: '.md' };

export interface AdrName {
  prefix: string;
  /** The digits of the number or date. */
  digits: string;
  separator: '-' | '_';
  slug: string;
  ext: string;
}

const NAME = /^((?:adr|ADR|Adr)[-_]?)?(\d{1,8})([-_])(.+?)(\.html\.md|\.md)$/;

/** A Markdown file, by its extension. */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** A name that holds an ADR's number: 3+ digits anywhere, or `adr` followed by a number. */
const ADR_NUMBERED = /(^|[^\d])\d{3,}|^adr[-_ ]?\d/i;

/**
 * Whether a file name looks like an ADR's: a Markdown file whose name holds a number
 * (`0007-use-go.md`, `ADR-0005.md`, `adr007.md`, `0004-x.markdown`, `20260301-use-go.md`). The one
 * rule import (which folders hold ADRs) and export (which subfolders to read) both follow.
 */
export function looksLikeAdrFile(name: string): boolean {
  return MARKDOWN_FILE.test(name) && ADR_NUMBERED.test(name);
}

/** The parts of an ADR file name, or null for a name that is not one (README.md, notes.md …). */
export function parseAdrName(name: string): AdrName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { prefix: m[1] ?? '', digits: m[2]!, separator: m[3] as '-' | '_', slug: m[4]!, ext: m[5]! };
}

export function isDateDigits(text: string): boolean {
  return /^(19[7-9]\d|2\d{3})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(text);
}

function slugCase(slug: string): SlugCase | null {
  const words = slug.split(/[-_]+/).filter((w) => /[A-Za-z]/.test(w));
  if (!words.length) return null;
  if (words.every((w) => w === w.toLowerCase())) return 'lower';
  if (words.every((w) => w === w.toUpperCase())) return 'upper';
  if (words.every((w) => /^[^a-z]/.test(w))) return 'title';
  return null;
}

/** The value most often seen (ties: the first seen). */
function mostCommon<T>(values: T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, n] of counts)
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  return best;
}

export interface DetectedNaming {
  kind: 'number' | 'date';
  /** Digits of the number (the most common width; ties go to the wider). */
  width: number;
  style: NameStyle;
}

/** The naming most of these file names (base names, any folder) follow. */
export function detectNaming(names: readonly string[]): DetectedNaming {
  const parsed = names.map(parseAdrName).filter((n): n is AdrName => n !== null);
  if (!parsed.length) return { kind: 'number', width: 4, style: DEFAULT_STYLE };
  const dated = parsed.every((n) => isDateDigits(n.digits));
  const widths = new Map<number, number>();
  for (const n of parsed) widths.set(n.digits.length, (widths.get(n.digits.length) ?? 0) + 1);
  const width = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const cases = parsed.map((n) => slugCase(n.slug)).filter((c): c is SlugCase => c !== null);
  return {
    kind: dated ? 'date' : 'number',
    width: Math.min(width, 8),
    style: {
      prefix: mostCommon(
        parsed.map((n) => n.prefix),
        '',
      ),
      separator: mostCommon(
        parsed.map((n) => n.separator),
        '-',
      ),
      case: mostCommon(cases, 'lower'),
      ext: mostCommon(
        parsed.map((n) => n.ext),
        '.md',
      ),
    },
  };
}

/** A slug (lower-case words joined by dashes) in the folder's case and separator. */
export function styleSlug(slug: string, style: NameStyle): string {
  const words = slug.split('-');
  const cased =
    style.case === 'upper'
      ? words.map((w) => w.toUpperCase())
      : style.case === 'title'
        ? words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        : words;
  return cased.join(style.separator);
}
