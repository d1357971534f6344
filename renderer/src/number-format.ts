/**
 * Counts formatted for the reader ("10,000", "10.000", "10 000"): the browser's languages first,
 * then English as an explicit fallback, so a machine whose default locale is C/POSIX (which
 * Intl formats without grouping) or an unsupported tag still shows a readable number.
 */
const FALLBACK = 'en';

export function readerLocales(
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
): string[] {
  const usable = languages.filter((tag) => {
    if (!tag || /^(c|posix)$/i.test(tag) || /-u-va-posix$/i.test(tag)) return false;
    try {
      return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
    } catch {
      // A malformed tag throws RangeError: skip it rather than fail the whole screen.
      return false;
    }
  });
  return [...usable, FALLBACK];
}

let shared: Intl.NumberFormat | null = null;

/** 10000 → "10,000" in English; `languages` is for tests, the app uses the browser's. */
export function formatCount(n: number, languages?: readonly string[]): string {
  if (languages) return new Intl.NumberFormat(readerLocales(languages)).format(n);
  shared ??= new Intl.NumberFormat(readerLocales());
  return shared.format(n);
}

/** "1 decision", "10,000 decisions". */
export function countOf(n: number, singular: string, plural = `${singular}s`, languages?: readonly string[]): string {
  return `${formatCount(n, languages)} ${n === 1 ? singular : plural}`;
}
