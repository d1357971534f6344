/**
 * File names for ADRs. Policy: whatever the title, the name is `NNNN-words-with-dashes.md`
 * built from ASCII letters, digits and single dashes only, at most MAX_SLUG characters of
 * slug, so it is one path segment, never hidden, never a reserved device name, never
 * differing only by case, and the same on Windows, macOS and Linux.
 */

import { DEFAULT_STYLE, styleSlug, type NameStyle } from './naming.js';

export const MAX_SLUG = 60;
/** The slug of a title with nothing usable in it (only emoji, punctuation, other scripts). */
export const FALLBACK_SLUG = 'decision';

/**
 * Lower-case ASCII words joined by dashes, as adr-tools makes them ("Node.JS" → "node-js"), with
 * letters transliterated rather than dropped ("Straße" → "strasse"). The one slug function: file
 * names, the names links predict before an export, and ids made from names all come from here.
 */
export function slugify(title: string, fallback: string = FALLBACK_SLUG): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash >= MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
  }
  return slug || fallback;
}

/**
 * How the folder names its files: a zero-padded number, or a date (log4brains); `style` is the
 * rest of the pattern its names share (prefix, case, separator, extension: see naming.ts).
 */
export type Naming = ({ kind: 'number'; width: number } | { kind: 'date' }) & { style?: NameStyle };

/**
 * The file name for an ADR: `0007-use-postgresql.md`, `20260301-use-postgresql.md` in a date-named
 * folder, `ADR-007-Use-Postgresql.html.md` where the folder names its files so.
 */
export function adrFileName(naming: Naming, number: number, date: string, title: string): string {
  const style = naming.style ?? DEFAULT_STYLE;
  const digits = naming.kind === 'date' ? date.replace(/-/g, '') : String(number).padStart(naming.width, '0');
  return `${style.prefix}${digits}${style.separator}${styleSlug(slugify(title), style)}${style.ext}`;
}

/** "ADR-0007": the reference MADR uses in text. */
export function adrRef(number: number, width: number): string {
  return `ADR-${String(number).padStart(width, '0')}`;
}
