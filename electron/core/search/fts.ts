/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted prefix term,
 * so operators, quotes and column filters in the input can never break or widen the query.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}_]+/gu);
  if (!words?.length) return null;
  return words
    .slice(0, 32)
    .map((w) => `"${w}"*`)
    .join(' ');
}
