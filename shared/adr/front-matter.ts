/**
 * YAML front matter, read safely. Policy enforced here: the YAML 1.2 core schema only (no
 * timestamps or other implicit types), no custom tags (`!!js/function`, `!ruby/object` and the
 * like are refused, never resolved), few aliases (an alias bomb is refused before it expands),
 * a size cap, and unique keys. Anything else is an error with a message a person can act on.
 *
 * Values keep their YAML types; the `as…` helpers below turn the odd ones (numbers where text
 * was expected, a list where one name was expected, a null) into what an ADR field needs.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Schema,
  visit,
  type Document,
  type Node,
  type Pair,
} from 'yaml';

/** Front matter larger than this is not metadata; refusing it keeps parsing cheap. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Aliases a front matter may use; real ADR metadata uses none. */
export const MAX_ALIASES = 20;

/** Tags of the core schema; any other tag is refused. */
const SAFE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

export interface FrontMatterKey {
  key: string;
  /** Offsets into the front-matter source: the key, and the value (empty range for an empty value). */
  keyStart: number;
  valueStart: number;
  valueEnd: number;
  /** How the value is written, so an edit can keep the style. */
  style: 'empty' | 'scalar' | 'flow-seq' | 'block-seq' | 'other';
  /** Column of the value's first character (block sequences are re-indented to it). */
  column: number;
  /** For scalars: the quote style (so an edited value keeps its quotes when it can). */
  quote: 'plain' | 'single' | 'double' | 'block';
}

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown>; keys: FrontMatterKey[]; warnings: string[] }
  | { ok: false; error: string };

/** Parses the text between the `---` lines. `line` is where that text starts in the file, for messages. */
export function parseFrontMatter(source: string, line = 2): FrontMatterResult {
  if (source.length > MAX_FRONT_MATTER_CHARS) {
    return {
      ok: false,
      error: `The front matter is ${source.length} characters long (at most ${MAX_FRONT_MATTER_CHARS}); move long text into the body.`,
    };
  }
  return plainFrontMatter(source) ?? yamlFrontMatter(source, line);
}

/**
 * The tests by which the YAML library reads a plain scalar as something other than text (null,
 * a boolean, a number) under the core schema: the library's own, so both readings agree.
 */
const NOT_TEXT = new Schema({ schema: 'core' }).tags.flatMap((t) => ('test' in t && t.test ? [t.test] : []));

/** `key: value` on one line: a simple key, then a one-line plain, 'single' or "double" quoted value. */
const PLAIN_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,99}):( +)(.*)$/;
/** A plain value that cannot start or hold anything YAML gives a meaning (indicators, `: `, ` #`, flow brackets). */
const PLAIN_VALUE = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#[\]{}]|:(?! |$)|(?<! )#)*$/;
const SINGLE_QUOTED = /^'[^']*'$/;
const DOUBLE_QUOTED = /^"[^"\\]*"$/;
/** Printable characters YAML allows in a scalar (no tab, no control characters, no BOM, no lone surrogates). */
const PRINTABLE = /^[\x20-\x7E\xA0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;

/** A plain value YAML reads as this very text (not null, a boolean or a number). */
const plainText = (written: string) => PLAIN_VALUE.test(written) && !NOT_TEXT.some((re) => re.test(written));

/** One item of a flow list: plain or quoted text holding no character a flow list gives a meaning to; else null. */
function flowItem(written: string): string | null {
  if (/[,:[\]{}]|^\s|\s$/.test(written)) return null;
  if (SINGLE_QUOTED.test(written) || DOUBLE_QUOTED.test(written)) return written.slice(1, -1);
  return plainText(written) ? written : null;
}

/**
 * Front matter made only of `key: value` lines with one-line text values or flow lists of them
 * (`tags: [a, b]`, as Cairn writes them), and blank or comment lines, read without the YAML
 * library: what nearly every ADR has (import and the export's ledger read thousands), read the
 * same way the library reads it (the tests hold the two readings equal), at a fraction of the
 * cost. Anything else (block lists, numbers, empty values, repeated keys, tags, anchors, indented
 * lines) answers null and is read by the library.
 */
export function plainFrontMatter(source: string): Extract<FrontMatterResult, { ok: true }> | null {
  const data: Record<string, unknown> = {};
  const keys: FrontMatterKey[] = [];
  let at = 0;
  while (at < source.length) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 ? source.length : nl;
    const text = source.slice(at, end);
    if (!/^ *$/.test(text) && !text.startsWith('#')) {
      const m = PLAIN_LINE.exec(text);
      if (!m || !PRINTABLE.test(text)) return null;
      const key = m[1]!;
      const written = m[3]!.replace(/ +$/, '');
      if (key === '__proto__' || Object.hasOwn(data, key) || NOT_TEXT.some((re) => re.test(key))) return null;
      let value: string | string[];
      let quote: FrontMatterKey['quote'] = 'plain';
      let style: FrontMatterKey['style'] = 'scalar';
      if (written.startsWith('[') && written.endsWith(']')) {
        // A flow list of one-line text items, `[a, b]` as Cairn writes it (`yamlInline`).
        const inner = written.slice(1, -1);
        const items = inner === '' ? [] : inner.split(', ').map(flowItem);
        if (items.some((item) => item === null)) return null;
        [value, style] = [items as string[], 'flow-seq'];
      } else if (SINGLE_QUOTED.test(written)) [value, quote] = [written.slice(1, -1), 'single'];
      else if (DOUBLE_QUOTED.test(written)) [value, quote] = [written.slice(1, -1), 'double'];
      else if (plainText(written)) value = written;
      else return null;
      const column = key.length + 1 + m[2]!.length;
      data[key] = value;
      keys.push({
        key,
        keyStart: at,
        valueStart: at + column,
        valueEnd: at + column + written.length,
        style,
        column,
        quote,
      });
    }
    at = end + 1;
  }
  return { ok: true, data, keys, warnings: [] };
}

/** The front matter read by the YAML library, under the policy the file header states (exported for tests). */
export function yamlFrontMatter(source: string, line = 2): FrontMatterResult {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, {
      schema: 'core',
      version: '1.2',
      uniqueKeys: true,
      strict: true,
      prettyErrors: true,
      customTags: [],
    });
  } catch (e) {
    return { ok: false, error: `The front matter is not valid YAML: ${(e as Error).message}` };
  }
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    const at = first.linePos?.[0];
    const where = at ? ` (line ${at.line + line - 1}, column ${at.col})` : '';
    const message = first.message
      .split('\n')[0]!
      .replace(/\s+at line \d+, column \d+:?$/, '')
      .replace(/\.$/, '');
    return {
      ok: false,
      error: `The front matter is not valid YAML${where}: ${message}. Fix the YAML between the --- lines and import again.`,
    };
  }
  let tagError: string | null = null;
  let aliases = 0;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) aliases++;
      const tag = (node as { tag?: string }).tag;
      if (tag && !SAFE_TAGS.has(tag) && !tagError) {
        tagError = `The front matter uses the YAML tag ${displayTag(tag)}, which could run code in other tools; Cairn accepts plain values only. Remove the tag and import again.`;
      }
    },
  });
  if (tagError) return { ok: false, error: tagError };
  if (aliases > MAX_ALIASES) {
    return {
      ok: false,
      error: `The front matter uses ${aliases} YAML aliases (at most ${MAX_ALIASES}); that is how "billion laughs" attacks expand. Write the values out instead.`,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return {
      ok: false,
      error: `The front matter expands too far (${(e as Error).message}); write the values out instead of using aliases.`,
    };
  }
  if (value === null || value === undefined) return { ok: true, data: {}, keys: [], warnings: [] };
  if (!isMap(doc.contents) || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      error:
        'The front matter is not a list of "key: value" lines. Write it as YAML keys (status: accepted) and import again.',
    };
  }
  const keys: FrontMatterKey[] = [];
  const warnings: string[] = [];
  for (const pair of doc.contents.items as Pair<Node, Node | null>[]) {
    if (!isScalar(pair.key)) {
      warnings.push('A front-matter key that is not plain text was kept as it is.');
      continue;
    }
    const key = String(pair.key.value);
    const keyStart = pair.key.range?.[0] ?? 0;
    const v = pair.value;
    if (!v || (isScalar(v) && v.value === null && v.range && v.range[0] === v.range[1])) {
      const at = v?.range?.[0] ?? endOfKey(source, keyStart);
      keys.push({ key, keyStart, valueStart: at, valueEnd: at, style: 'empty', column: 0, quote: 'plain' });
      continue;
    }
    const [start, rangeEnd] = v.range ?? [0, 0];
    // A block list or block scalar ends after its last line break; the value itself ends before it.
    let end = rangeEnd;
    while (end > start && /\s/.test(source[end - 1]!)) end--;
    let style: FrontMatterKey['style'] = 'other';
    let quote: FrontMatterKey['quote'] = 'plain';
    if (isScalar(v)) {
      style = 'scalar';
      if (v.type === 'QUOTE_SINGLE') quote = 'single';
      else if (v.type === 'QUOTE_DOUBLE') quote = 'double';
      else if (v.type === 'BLOCK_FOLDED' || v.type === 'BLOCK_LITERAL') quote = 'block';
    } else if (isSeq(v)) style = v.flow ? 'flow-seq' : 'block-seq';
    const lineStart = source.lastIndexOf('\n', start - 1) + 1;
    keys.push({ key, keyStart, valueStart: start, valueEnd: end, style, column: start - lineStart, quote });
  }
  return { ok: true, data: value as Record<string, unknown>, keys, warnings };
}

function endOfKey(source: string, keyStart: number): number {
  const colon = source.indexOf(':', keyStart);
  const nl = source.indexOf('\n', keyStart);
  if (colon < 0) return nl < 0 ? source.length : nl;
  return colon + 1;
}

function displayTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** A value as one line of text: numbers and booleans as written, lists joined, null as ''. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ');
  if (typeof value === 'object') return '';
  return String(value).trim();
}

/** A value as a list of names: a YAML list, or one string split at commas (or semicolons). */
export function asList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => (Array.isArray(v) ? asList(v) : [asText(v)])).filter(Boolean);
  const text = asText(value);
  if (!text) return [];
  const sep = text.includes(';') && !text.includes(',') ? ';' : ',';
  return text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as YYYY-MM-DD, or null when the value is not a date. Accepts 2016-02-12, 2016-2-12,
 * 2016/02/12, 20160212, 2016-02-12T10:00Z, 12.02.2016, "12 Feb 2016" and "February 12, 2016".
 */
export function asIsoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === 'number' ? String(value) : asText(value)).replace(/[*_`]/g, '').trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(text))) {
    [d, m, y] = [Number(match[1]), MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1, Number(match[3])];
  } else if ((match = /^([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text))) {
    [m, d, y] = [MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1, Number(match[2]), Number(match[3])];
  } else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Renders a list or a scalar as a YAML value that fits on the key's line (flow style). */
export function yamlInline(value: string | string[]): string {
  if (Array.isArray(value)) return `[${value.map(yamlScalar).join(', ')}]`;
  return yamlScalar(value);
}

/** A string as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  const plainSafe =
    value !== '' &&
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/[:#]\s|\s#|:$|[\r\n\t]|\s$|[,[\]{}]/.test(value) &&
    !/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(
      value,
    );
  if (plainSafe) return value;
  return JSON.stringify(value);
}
