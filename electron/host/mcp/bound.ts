/**
 * Every MCP tool result is bounded: an assistant's context is small and a store can hold
 * 10,000 decisions. A value whose JSON is longer than MAX_RESULT_CHARS is shrunk (the longest
 * list halved until it fits, and only then the longest text cut) and says what was left out.
 */

export const MAX_RESULT_CHARS = 60_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Biggest {
  size: number;
  parent: Json[] | { [key: string]: Json };
  key: string | number;
}

function biggest(
  value: Json,
  found: { list: Biggest | null; text: Biggest | null },
  parent: Biggest['parent'] | null,
  key: string | number,
) {
  if (typeof value === 'string' && parent && value.length > 200 && value.length > (found.text?.size ?? 0))
    found.text = { size: value.length, parent, key };
  if (Array.isArray(value)) {
    const size = JSON.stringify(value).length;
    if (parent && value.length > 1 && size > (found.list?.size ?? 0)) found.list = { size, parent, key };
    value.forEach((v, i) => biggest(v, found, value, i));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) biggest(v, found, value, k);
}

/** The value as JSON text of at most `limit` characters, with the cuts listed under `truncated`. */
export function boundedJson(
  value: unknown,
  limit = MAX_RESULT_CHARS,
): { text: string; value: unknown; truncated: string[] } {
  let copy = JSON.parse(JSON.stringify(value ?? null)) as Json;
  const truncated: string[] = [];
  let text = JSON.stringify(copy);
  for (let round = 0; text.length > limit && round < 200; round++) {
    const wrapper = { value: copy } as { [key: string]: Json };
    const found = { list: null as Biggest | null, text: null as Biggest | null };
    biggest(copy, found, wrapper, 'value');
    // Lists are halved first (the caller can page or filter); text is cut only when no list is left to halve.
    const target = found.list ?? found.text;
    if (!target) break;
    const at = (target.parent as Record<string | number, Json>)[target.key]!;
    if (Array.isArray(at)) {
      const keep = Math.max(1, Math.floor(at.length / 2));
      truncated.push(`a list of ${at.length} items cut to ${keep}`);
      (target.parent as Record<string | number, Json>)[target.key] = at.slice(0, keep);
    } else if (typeof at === 'string') {
      const keep = Math.floor(at.length / 2);
      truncated.push(`a text of ${at.length} characters cut to ${keep}`);
      (target.parent as Record<string | number, Json>)[target.key] = `${at.slice(0, keep)}… [cut]`;
    }
    copy = wrapper.value!;
    text = JSON.stringify(copy);
  }
  if (text.length > limit) {
    // Nothing left to halve (one enormous scalar): give the start of the text, plainly marked.
    return {
      text: text.slice(0, limit - 60) + ' … [result cut at the size limit]',
      value: null,
      truncated: [...truncated, 'the whole result cut'],
    };
  }
  return { text, value: copy, truncated };
}
