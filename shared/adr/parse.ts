/**
 * Reads one ADR file in whatever dialect it is written: MADR 2 (`* Status:` bullets), MADR 3/4
 * (YAML front matter), adr-tools/Nygard (`# N. Title`, `Date:`, `## Status`), log4brains
 * (`- Status:` bullets, date-prefixed names) and the variants real folders hold. The dialect is
 * decided per file. Besides the values, the result says where each value sits in the text, so
 * that `renderImported` can replace exactly the parts a person edited and keep every other byte.
 * Pure: no I/O; the same text always parses the same way.
 */
import { linkTargetProblem, type Effect, type Status, type WebLink } from '../domain.js';
import { asIsoDate, asList, asText, parseFrontMatter, type FrontMatterKey } from './front-matter.js';
import { headingKey, isBlank, listItems, scan, splitLines, type Heading, type Line, type ListItem } from './scan.js';
import { fileNumber, findRefs, normalizeRelation, type DecisionRef } from './refs.js';
import { isKnownRelation } from '../relation-types.js';
import { mapStatus, plainStatus, SUPERSEDED_BY } from './status.js';

export const DIALECTS = ['madr2', 'madr3', 'madr4', 'nygard', 'log4brains', 'markdown'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface Span {
  start: number;
  end: number;
}

export type MetaField =
  'status' | 'date' | 'decisionMakers' | 'consulted' | 'informed' | 'tags' | 'reviewBy' | 'reviewTriggers';
export const META_FIELDS: readonly MetaField[] = [
  'status',
  'date',
  'decisionMakers',
  'consulted',
  'informed',
  'tags',
  'reviewBy',
  'reviewTriggers',
];

/** Where a metadata value is written: a front-matter value, a `Key: value` line, or the first line of a Status section. */
export interface MetaSlot extends Span {
  kind: 'fm' | 'inline' | 'line';
  text: string;
  fmKey?: FrontMatterKey;
  /** How a list was separated (`a, b` or `a b`). */
  separator: ', ' | ' ' | '; ';
}

export type SectionKind =
  | 'status'
  | 'context'
  | 'drivers'
  | 'options'
  | 'decision'
  | 'consequences'
  | 'positive'
  | 'negative'
  | 'confirmation'
  | 'proscons'
  | 'more'
  | 'links';

export interface Section {
  kind: SectionKind | null;
  heading: Heading;
  start: number;
  bodyStart: number;
  end: number;
  /** The section's own text (up to its first subsection), without leading and trailing blank lines. */
  own: Span;
  /** The whole body, subsections included, without leading and trailing blank lines. */
  value: Span;
  subsections: Section[];
}

export interface ListLoc {
  section: Section;
  items: ListItem[];
  /** Which items carry values (the others, like a template's "…", stay where they are). */
  values: number[];
}

export interface ConsequenceList extends ListLoc {
  mode: 'prefixed' | 'good' | 'bad' | 'paragraphs';
}

export interface ParsedRelation {
  type: string;
  ref: DecisionRef;
  /** Where the relation is written; `status` means inside the status value itself ("superseded by …"). */
  home: 'status' | 'status-section' | 'links' | 'fm';
  /** The item (line or bullet) that holds it, for `status-section` and `links`. */
  item: ListItem | null;
  /** The link `[label](href)` inside the text, when it is one. */
  link: Span | null;
  fmKey?: string;
}

export interface AdrValues {
  title: string;
  status: Status | null;
  statusText: string;
  date: string | null;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  tags: string[];
  /** The review date (`review-by` and the spellings other tools use), if the file has one. */
  reviewBy: string | null;
  reviewTriggers: string[];
  context: string;
  drivers: string[];
  options: { name: string; description: string }[];
  chosen: string | null;
  rationale: string;
  consequences: { effect: Effect; text: string }[];
  confirmation: string;
  moreInformation: string;
  /** Plain links of the Links section (a web page, a ticket): bullets that are one link and no relation. */
  links: WebLink[];
}

export interface ParsedAdr {
  file: string;
  dialect: Dialect;
  bom: boolean;
  eol: '\n' | '\r\n';
  values: AdrValues;
  number: number | null;
  /** The date a log4brains-style name starts with (20200925-…), if any. */
  fileDate: string | null;
  title: Span & { kind: 'heading' | 'fm'; fmKey?: FrontMatterKey };
  /** The digits of a number written in the title (`# 5. …`, `# ADR-012: …`). */
  numberSlot: Span | null;
  meta: Partial<Record<MetaField, MetaSlot>>;
  frontMatter: { keys: FrontMatterKey[]; start: number; end: number; close: number } | null;
  /** Where new `Key: value` lines go when a value the file lacks is set. */
  header: { start: number; end: number; lastMeta: Line | null; prefix: string; titleNext: number };
  sectionLevel: number;
  sections: Section[];
  /** The bullet marker the file uses (`*` or `-`). */
  marker: string;
  drivers: ListLoc | null;
  options: ListLoc | null;
  /** Per option (same order as values.options), its subsection under "Pros and Cons of the Options". */
  optionDetails: (Section | null)[];
  outcome: {
    section: Section;
    /** The option name in `Chosen option: "…"`. */
    chosen: Span | null;
    /** Where the chosen-option line ends (a rationale without "because" is added after it). */
    chosenLineEnd: number | null;
    rationale: Span;
  } | null;
  consequences: ConsequenceList[];
  text: Partial<Record<'context' | 'confirmation' | 'moreInformation', Section>>;
  statusSection: Section | null;
  /** The status line's item in a Status section, relation lines follow it. */
  statusItem: ListItem | null;
  /** Every item (line or paragraph) of the Status section. */
  statusItems: ListItem[];
  links: ListLoc | null;
  /** The Links section's items that hold `values.links`, in the same order. */
  webLinks: ListItem[];
  relations: ParsedRelation[];
  warnings: string[];
  unknownSections: string[];
  unknownKeys: string[];
}

export type ParseResult =
  { ok: true; adr: ParsedAdr } | { ok: false; kind: 'not-adr' | 'front-matter' | 'invalid'; reason: string };

const NOT_ADR_NAMES =
  /^(readme|index|toc|summary|changelog|contributing|license|_sidebar|_index|\.?template|adr-template|madr-template|template-.*|.*-template)\.(md|markdown|mdx)$/i;

const SECTION_NAMES: [RegExp, SectionKind][] = [
  [/^status(?: history)?$/, 'status'],
  [
    /^(?:context(?: and problem(?: statement)?)?|problem(?: statement)?|background|context & problem statement|problem and context)$/,
    'context',
  ],
  [/^(?:decision drivers|drivers|forces|decision criteria|criteria)$/, 'drivers'],
  [
    /^(?:considered options|options considered|options|alternatives|considered alternatives|alternatives considered)$/,
    'options',
  ],
  [/^(?:decision outcome|decision|outcome|resolution)$/, 'decision'],
  [/^consequences$/, 'consequences'],
  [/^positive consequences$/, 'positive'],
  [/^negative consequences$/, 'negative'],
  [/^(?:confirmation|validation)$/, 'confirmation'],
  [/^pros and cons(?: of the options)?$/, 'proscons'],
  [/^(?:more information|more info|additional information|further information|notes)$/, 'more'],
  [/^(?:links|related decisions|related adrs|related records|related|see also)$/, 'links'],
];

function sectionKind(text: string): SectionKind | null {
  const key = headingKey(text);
  for (const [re, kind] of SECTION_NAMES) if (re.test(key)) return kind;
  return null;
}

const META_LABELS: [RegExp, MetaField][] = [
  [/^status$/, 'status'],
  [/^(?:date|decision date|last updated|updated)$/, 'date'],
  [/^(?:deciders?|decision[- ]makers?|decided by|owners?)$/, 'decisionMakers'],
  [/^consulted$/, 'consulted'],
  [/^informed$/, 'informed'],
  [/^(?:tags|labels|keywords|categories)$/, 'tags'],
  [/^(?:review[- _]?by|review[- _]?date|next[- _]review(?:[- _]date)?|revisit[- _]?by)$/, 'reviewBy'],
  [/^review[- _]?triggers?$/, 'reviewTriggers'],
];

const FM_KEYS: Record<string, MetaField> = {
  status: 'status',
  date: 'date',
  'decision-makers': 'decisionMakers',
  decision_makers: 'decisionMakers',
  decisionmakers: 'decisionMakers',
  deciders: 'decisionMakers',
  consulted: 'consulted',
  informed: 'informed',
  tags: 'tags',
  // Review dates as MADR-style kebab case (what Cairn writes) and as other ADR tools spell them.
  'review-by': 'reviewBy',
  review_by: 'reviewBy',
  reviewby: 'reviewBy',
  'review-date': 'reviewBy',
  review_date: 'reviewBy',
  reviewdate: 'reviewBy',
  'next-review': 'reviewBy',
  next_review: 'reviewBy',
  nextreview: 'reviewBy',
  'next-review-date': 'reviewBy',
  'review-triggers': 'reviewTriggers',
  review_triggers: 'reviewTriggers',
  reviewtriggers: 'reviewTriggers',
};

function metaLabel(label: string): MetaField | null {
  const key = label.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [re, field] of META_LABELS) if (re.test(key)) return field;
  return null;
}

/** A `Label: value` line (bulleted or not, label or line in bold): the label, and where the value sits. */
export function metaLine(line: Line): { label: string; prefix: string; value: Span } | null {
  const text = line.text;
  const pre = /^( {0,3}(?:[*+-][ \t]+)?)/.exec(text)![0];
  let rest = text.slice(pre.length);
  let offset = line.start + pre.length;
  let m = /^(\*\*|__)([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(.*?)\1[ \t]*$/.exec(rest);
  if (m && !m[3]!.includes(m[1]!)) {
    // **Status: Accepted** — the whole line in bold.
    const valueStart = offset + rest.indexOf(m[3]!, m[1]!.length + m[2]!.length);
    return { label: m[2]!, prefix: pre, value: { start: valueStart, end: valueStart + m[3]!.length } };
  }
  m = /^(?:(\*\*|__)([A-Za-z][A-Za-z _-]{0,30}?)(:?)\1(:?)|([A-Za-z][A-Za-z _-]{0,30}?)\s*(:))[ \t]*/.exec(rest);
  if (!m) return null;
  const label = m[2] ?? m[5]!;
  if (m[1] && (m[3] ? 1 : 0) + (m[4] ? 1 : 0) !== 1) return null;
  offset += m[0].length;
  rest = rest.slice(m[0].length);
  let end = rest.length;
  const comment = /\s*<!--.*?-->\s*$/.exec(rest);
  if (comment) end = comment.index;
  while (end > 0 && /[ \t\\]/.test(rest[end - 1]!)) end--;
  return { label, prefix: pre, value: { start: offset, end: offset + end } };
}

function normalizeText(raw: string, span: Span): string {
  return raw.slice(span.start, span.end).replace(/\r\n/g, '\n');
}

/** The part of `[from, to)` between its first and last non-blank lines. */
function trimmed(raw: string, from: number, to: number): Span {
  const lines = splitLines(raw, from, to).filter((l) => !isBlank(l.text));
  if (!lines.length) return { start: from, end: from };
  return { start: lines[0]!.start, end: lines[lines.length - 1]!.end };
}

/** A name as a key for matching options to their pros and cons: links, emphasis and case removed. */
export function nameKey(name: string): string {
  return name
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The date a file name starts with: log4brains' `20200925-…` or a Jekyll-style `2020-09-25-…`. */
export function fileNameDate(file: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?=[-_])/.exec(file);
  return m ? asIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

const TITLE_NUMBER = [
  /^\[?ADR[-_ #]?(\d{1,6})\]?(?:\s*[:.\-–—|]\s*|\s+)/i,
  /^(\d{1,6})\.\s+/,
  /^(\d{1,6})\s*[:\-–—)|]\s+/,
];

const EFFECT_PREFIX = /^(good|bad|neutral)(?:\s*,\s*because\b|\s*:)\s*/i;

function consequenceOf(text: string, mode: ConsequenceList['mode']): { effect: Effect; text: string } {
  const m = EFFECT_PREFIX.exec(text);
  if (m && mode !== 'good' && mode !== 'bad')
    return { effect: m[1]!.toLowerCase() as Effect, text: text.slice(m[0].length) };
  return { effect: mode === 'good' ? 'good' : mode === 'bad' ? 'bad' : 'neutral', text };
}

/** A relation written as a line: "Amends [5. Help comments](0005-help-comments.md)", "- Supersedes ADR-0003". */
function relationLine(
  raw: string,
  item: ListItem,
  strict = false,
): { type: string; refs: { ref: DecisionRef; link: Span | null }[] } | null {
  const text = raw.slice(item.textStart, item.end).replace(/\r\n/g, '\n');
  if (text.includes('\n')) return null;
  const verbMatch = /^(?:\*\*|__)?([A-Za-z][A-Za-z -]{0,40}?)(?:\*\*|__)?\s*:?\s+(?=\[|<|ADR[-_ #]?\d|#\d)/i.exec(text);
  // Strict (a list inside prose): a relation the table knows, named, and every reference a link to a file.
  if (strict && (!verbMatch || !isKnownRelation(verbMatch[1]!))) return null;
  const verb = verbMatch ? verbMatch[1]! : 'relates to';
  const restStart = verbMatch ? verbMatch[0].length : 0;
  const rest = text.slice(restStart);
  const refs: { ref: DecisionRef; link: Span | null }[] = [];
  const linkRe = /\[([^\]]*)\]\(([^)\s]*)\)|<([^>\s]+)>|\bADR[-_ #]?(\d{1,6})\b|#(\d{1,6})\b/gi;
  let m: RegExpExecArray | null;
  let leftover = rest;
  while ((m = linkRe.exec(rest))) {
    const found = findRefs(m[0]);
    if (!found.length) return null;
    const start = item.textStart + restStart + m.index;
    refs.push({ ref: found[0]!, link: m[1] !== undefined ? { start, end: start + m[0].length } : null });
    leftover = leftover.replace(m[0], '');
  }
  if (!refs.length || !/^[\s,.;&]*(?:and[\s,.;&]*)*(?:<!--.*-->)?\s*$/i.test(leftover.replace(/\band\b/gi, '')))
    return null;
  if (strict && refs.some((x) => !x.link || !x.ref.file)) return null;
  return { type: normalizeRelation(verb), refs };
}

export interface ParseOptions {
  /**
   * Read a relation list opening More Information as relations (MADR 4, see `readMoreLinks`).
   * Off only to read again a file stored by an older parser, which read that list as text.
   */
  moreLinks?: boolean;
}

export function parseAdr(raw: string, file: string, how: ParseOptions = {}): ParseResult {
  if (NOT_ADR_NAMES.test(file))
    return { ok: false, kind: 'not-adr', reason: `${file} is a folder index, README or template, not a decision.` };
  const warnings: string[] = [];
  const bom = raw.charCodeAt(0) === 0xfeff;
  const eol = lineEnding(raw);

  const front = readFrontMatter(raw, bom ? 1 : 0, warnings);
  if (!front.ok) return front;
  const { fm, fmData, bodyStart } = front;

  const { lines, headings, literal } = scan(raw, bodyStart);
  const titled = readTitle(headings, fm, fmData, file);
  if (!titled.ok) return titled;
  const { titleHeading, title, titleText, numberSlot, titleNumber } = titled;
  const { sectionLevel, sections, headerStart, headerEnd } = readSections(raw, headings, titleHeading, bodyStart);

  const r: Reading = { raw, values: emptyValues(titleText.trim()), meta: {}, relations: [], warnings };
  const unknownKeys = readFrontMatterMeta(r, fm, fmData);
  const { lastMeta, prefix } = readHeaderMeta(r, lines, literal, headerStart, headerEnd);
  const status = readStatusSection(r, sections);
  readStatusRelations(r, fmData);

  const byKind = (kind: SectionKind) => sections.find((s) => s.kind === kind) ?? null;
  const text = readTextSections(r, byKind);
  const marker = detectMarker(raw, lines, literal, headerStart);
  const { drivers, options, optionDetails } = readLists(r, sections, byKind);
  const { outcome, consequences } = readOutcome(r, sections, byKind, text);
  const { links, webLinks } = readLinks(r, byKind('links'));
  const relationList = links ?? (how.moreLinks === false ? null : readMoreLinks(r, byKind('more'), text));

  const unknownSections = sections.filter((s) => s.kind === null).map((s) => s.heading.text);
  const fileDate = fileNameDate(file);
  const number = readNumber(file, titleNumber, fmData, warnings);
  const notRead = notADecision(file, number, fileDate, r.meta, sections);
  if (notRead) return notRead;

  const dialect = detectDialect(fm, fmData, status.statusSection, numberSlot, r.meta, marker, fileDate, sections);
  return {
    ok: true,
    adr: {
      file,
      dialect,
      bom,
      eol,
      values: r.values,
      number,
      fileDate,
      title,
      numberSlot,
      meta: r.meta,
      frontMatter: fm,
      header: { start: headerStart, end: headerEnd, lastMeta, prefix, titleNext: headerStart },
      sectionLevel,
      sections,
      marker,
      drivers,
      options,
      optionDetails,
      outcome,
      consequences,
      text,
      ...status,
      links: relationList,
      webLinks,
      relations: r.relations,
      warnings,
      unknownSections,
      unknownKeys,
    },
  };
}

/** What the reading steps fill in as they go: the values, where each sits, relations and warnings. */
interface Reading {
  raw: string;
  values: AdrValues;
  meta: ParsedAdr['meta'];
  relations: ParsedRelation[];
  warnings: string[];
}

type NotRead = Extract<ParseResult, { ok: false }>;

function lineEnding(raw: string): '\n' | '\r\n' {
  const crlf = (raw.match(/\r\n/g) ?? []).length;
  const lf = (raw.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * The sections: the headings after the title, at the shallowest level used there, each with its
 * subsections; the header (where `Key: value` lines sit) runs from the title to the first of them.
 */
function readSections(
  raw: string,
  headings: Heading[],
  titleHeading: Heading | null,
  bodyStart: number,
): Pick<ParsedAdr, 'sectionLevel' | 'sections'> & { headerStart: number; headerEnd: number } {
  const after = titleHeading ? headings.filter((h) => h.start > titleHeading.start) : headings;
  const sectionLevel = after.length ? Math.min(...after.map((h) => h.level)) : 2;
  const sections = buildSections(raw, after, sectionLevel, raw.length);
  const headerStart = titleHeading ? titleHeading.next : bodyStart;
  const headerEnd = sections[0]?.start ?? raw.length;
  return { sectionLevel, sections, headerStart, headerEnd };
}

/** Front matter: a first line of exactly `---`, closed by `---` or `...`. */
function readFrontMatter(
  raw: string,
  start: number,
  warnings: string[],
): { ok: true; fm: ParsedAdr['frontMatter']; fmData: Record<string, unknown>; bodyStart: number } | NotRead {
  const first = splitLines(raw, start, Math.min(raw.length, start + 200))[0];
  if (!first || first.text.trimEnd() !== '---') return { ok: true, fm: null, fmData: {}, bodyStart: start };
  const lines = splitLines(raw, first.next);
  const closeIdx = lines.findIndex((l) => l.text.trimEnd() === '---' || l.text.trimEnd() === '...');
  if (closeIdx < 0) {
    return {
      ok: false,
      kind: 'front-matter',
      reason:
        'The front matter that starts with --- on line 1 is never closed. Add a line with --- after the metadata and import again.',
    };
  }
  const close = lines[closeIdx]!;
  const source = raw.slice(first.next, close.start);
  const parsed = parseFrontMatter(source.replace(/\r\n/g, '\n'), 2);
  if (!parsed.ok) return { ok: false, kind: 'front-matter', reason: parsed.error };
  // Offsets from the YAML parser are into the LF text; map them back when the file uses CRLF.
  const map = offsetMapper(source, first.next);
  const fm = {
    keys: parsed.keys.map((k) => ({
      ...k,
      keyStart: map(k.keyStart),
      valueStart: map(k.valueStart),
      valueEnd: map(k.valueEnd),
    })),
    start: first.next,
    end: close.start,
    close: close.start,
  };
  warnings.push(...parsed.warnings);
  return { ok: true, fm, fmData: parsed.data, bodyStart: close.next };
}

/** The title: the first `#` heading (its number, `# 5. …`, read apart), else front matter's `title`. */
function readTitle(
  headings: Heading[],
  fm: ParsedAdr['frontMatter'],
  fmData: Record<string, unknown>,
  file: string,
):
  | {
      ok: true;
      titleHeading: Heading | null;
      title: ParsedAdr['title'];
      titleText: string;
      numberSlot: Span | null;
      titleNumber: number | null;
    }
  | NotRead {
  const h1 = headings.find((h) => h.level === 1);
  const fmTitle = fm?.keys.find((k) => k.key === 'title' && k.style === 'scalar');
  let titleHeading: Heading | null = h1 ?? null;
  if (!titleHeading && !fmTitle && headings.length) titleHeading = headings[0]!;
  if (!titleHeading && !fmTitle)
    return {
      ok: false,
      kind: 'not-adr',
      reason: `${file} has no title heading (# Title), so it is not read as a decision.`,
    };

  let title: ParsedAdr['title'];
  let titleText: string;
  let numberSlot: Span | null = null;
  let titleNumber: number | null = null;
  if (titleHeading) {
    let start = titleHeading.textStart;
    let text = titleHeading.text;
    for (const re of TITLE_NUMBER) {
      const m = re.exec(text);
      if (m && m[0].length < text.length) {
        const digits = start + m[0].indexOf(m[1]!);
        numberSlot = { start: digits, end: digits + m[1]!.length };
        titleNumber = Number(m[1]);
        start += m[0].length;
        text = text.slice(m[0].length);
        break;
      }
    }
    title = { start, end: titleHeading.textEnd, kind: 'heading' };
    titleText = unescapeInline(text);
  } else {
    title = { start: fmTitle!.valueStart, end: fmTitle!.valueEnd, kind: 'fm', fmKey: fmTitle };
    titleText = asText(fmData.title);
  }
  if (/^[{[<].*[}\]>]$/.test(titleText.trim()) || TEMPLATE_TITLE.test(titleText.trim())) {
    return {
      ok: false,
      kind: 'not-adr',
      reason: `${file} is a template (its title "${titleText.trim().slice(0, 60)}" is a placeholder), not a decision.`,
    };
  }
  return { ok: true, titleHeading, title, titleText, numberSlot, titleNumber };
}

function emptyValues(title: string): AdrValues {
  return {
    title,
    status: null,
    statusText: '',
    date: null,
    decisionMakers: [],
    consulted: [],
    informed: [],
    tags: [],
    reviewBy: null,
    reviewTriggers: [],
    context: '',
    drivers: [],
    options: [],
    chosen: null,
    rationale: '',
    consequences: [],
    confirmation: '',
    moreInformation: '',
    links: [],
  };
}

/** Metadata and relations from front matter; answers the keys Cairn does not know. */
function readFrontMatterMeta(r: Reading, fm: ParsedAdr['frontMatter'], fmData: Record<string, unknown>): string[] {
  const unknownKeys: string[] = [];
  for (const key of fm?.keys ?? []) {
    const field = FM_KEYS[key.key.toLowerCase()];
    const relation = normalizeRelation(key.key);
    if (field && !r.meta[field]) {
      const text = r.raw.slice(key.valueStart, key.valueEnd);
      r.meta[field] = { start: key.valueStart, end: key.valueEnd, kind: 'fm', text, fmKey: key, separator: ', ' };
      readMeta(field, fmData[key.key], r.values, r.warnings, true);
    } else if (isKnownRelation(relation)) {
      for (const item of asList(fmData[key.key])) {
        const ref = /^\d+$/.test(item)
          ? { file: null, number: Number(item), label: item }
          : (findRefs(item)[0] ?? (/\.md$/i.test(item) ? { file: item, number: fileNumber(item), label: item } : null));
        if (ref) r.relations.push({ type: relation, ref, home: 'fm', item: null, link: null, fmKey: key.key });
      }
    } else if (key.key !== 'title') unknownKeys.push(key.key);
  }
  return unknownKeys;
}

/** Metadata lines (`Status: …`, `* Date: …`) between the title and the first section. */
function readHeaderMeta(
  r: Reading,
  lines: Line[],
  literal: boolean[],
  headerStart: number,
  headerEnd: number,
): { lastMeta: Line | null; prefix: string } {
  let lastMeta: Line | null = null;
  let prefix = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.start < headerStart || line.start >= headerEnd || literal[i]) continue;
    const found = metaLine(line);
    if (!found) continue;
    const field = metaLabel(found.label);
    if (!field) continue;
    lastMeta = line;
    prefix = found.prefix;
    if (r.meta[field]) continue;
    const text = r.raw.slice(found.value.start, found.value.end);
    r.meta[field] = { ...found.value, kind: 'inline', text, separator: separatorOf(text, field) };
    readMeta(field, text, r.values, r.warnings, false);
  }
  return { lastMeta, prefix };
}

/** A Status section (adr-tools): its first line is the status, relation lines follow. */
function readStatusSection(
  r: Reading,
  sections: Section[],
): { statusSection: Section | null; statusItem: ListItem | null; statusItems: ListItem[] } {
  const { raw } = r;
  const statusSection = sections.find((s) => s.kind === 'status') ?? null;
  if (!statusSection) return { statusSection, statusItem: null, statusItems: [] };
  const items = listItems(raw, statusSection.bodyStart, statusSection.end);
  // A template's comment or block quote ("> A decision may be 'proposed' if …") explains the field; it is never the status.
  const statusItem = items.find((it) => !it.text.startsWith('<!--') && !it.text.startsWith('>')) ?? null;
  if (statusItem && !r.meta.status) {
    const line = splitLines(raw, statusItem.textStart, statusItem.end)[0]!;
    let end = line.end;
    while (end > line.start && /[ \t\\]/.test(raw[end - 1]!)) end--;
    const text = raw.slice(line.start, end);
    r.meta.status = { start: line.start, end, kind: 'line', text, separator: ', ' };
    readMeta('status', text, r.values, r.warnings, false);
  }
  for (const item of items) {
    if (item === statusItem) continue;
    const rel = relationLine(raw, item);
    if (rel)
      for (const ref of rel.refs)
        r.relations.push({ type: rel.type, ref: ref.ref, home: 'status-section', item, link: ref.link });
  }
  return { statusSection, statusItem, statusItems: items };
}

/** "Superseded by [ADR 7](…)" written in the status value itself. */
function readStatusRelations(r: Reading, fmData: Record<string, unknown>): void {
  const slot = r.meta.status;
  if (!slot || !SUPERSEDED_BY.test(plainStatus(slot.text))) return;
  const text = slot.kind === 'fm' ? asText(fmData[slot.fmKey!.key]) : slot.text;
  const linkRe = /\[([^\]]*)\]\(([^)\s]*)\)/g;
  let m: RegExpExecArray | null;
  let any = false;
  while (slot.kind !== 'fm' && (m = linkRe.exec(text))) {
    const ref = findRefs(m[0])[0];
    if (ref) {
      r.relations.push({
        type: 'superseded-by',
        ref,
        home: 'status',
        item: null,
        link: { start: slot.start + m.index, end: slot.start + m.index + m[0].length },
      });
      any = true;
    }
  }
  if (!any)
    for (const ref of findRefs(text))
      r.relations.push({ type: 'superseded-by', ref, home: 'status', item: null, link: null });
}

type SectionOf = (kind: SectionKind) => Section | null;

/** Context and More Information: free text, kept as written. */
function readTextSections(r: Reading, byKind: SectionOf): ParsedAdr['text'] {
  const text: ParsedAdr['text'] = {};
  const context = byKind('context');
  if (context) {
    text.context = context;
    r.values.context = normalizeText(r.raw, context.value);
  }
  const more = byKind('more');
  if (more) {
    text.moreInformation = more;
    r.values.moreInformation = normalizeText(r.raw, more.value);
  }
  return text;
}

/** Drivers and options (one per bullet), and each option's subsection under "Pros and Cons". */
function readLists(
  r: Reading,
  sections: Section[],
  byKind: SectionOf,
): Pick<ParsedAdr, 'drivers' | 'options' | 'optionDetails'> {
  const { raw, values } = r;
  const listOf = (section: Section | null): ListLoc | null => {
    if (!section) return null;
    const items = listItems(raw, section.bodyStart, section.end);
    const picked: number[] = [];
    items.forEach((it, i) => it.kind === 'bullet' && !isPlaceholder(it.text) && picked.push(i));
    return { section, items, values: picked };
  };
  const drivers = listOf(byKind('drivers'));
  if (drivers) values.drivers = drivers.values.map((i) => drivers.items[i]!.text);
  // adr-tools files Cairn writes keep the options under Decision ("### Considered options"): a list,
  // or, when the options have pros and cons, one subsection per option holding them.
  const nestedOptions = byKind('options')
    ? null
    : (sections.flatMap((s) => s.subsections).find((s) => s.kind === 'options') ?? null);
  let options: ListLoc | null = listOf(byKind('options'));
  if (nestedOptions && nestedOptions.subsections.length) {
    for (const sub of nestedOptions.subsections) values.options.push({ name: sub.heading.text, description: '' });
  } else if (nestedOptions) options = listOf(nestedOptions);
  const found = options;
  if (found) values.options = found.values.map((i) => ({ name: found.items[i]!.text, description: '' }));

  // Pros and cons: a subsection per option holds its description.
  const proscons = byKind('proscons') ?? (nestedOptions?.subsections.length ? nestedOptions : null);
  const optionDetails: (Section | null)[] = values.options.map(() => null);
  if (proscons) {
    const keys = values.options.map((o) => nameKey(o.name));
    for (const sub of proscons.subsections) {
      const k = nameKey(sub.heading.text);
      const idx = keys.findIndex(
        (key, i) =>
          optionDetails[i] === null &&
          (key === k || (k.length > 3 && key.startsWith(k)) || (key.length > 3 && k.startsWith(key))),
      );
      if (idx >= 0) {
        optionDetails[idx] = sub;
        values.options[idx]!.description = normalizeText(raw, sub.value);
      }
    }
  }
  return { drivers, options, optionDetails };
}

/** Decision outcome: `Chosen option: "X", because Y`, or free text (adr-tools' Decision); consequences and confirmation. */
function readOutcome(
  r: Reading,
  sections: Section[],
  byKind: SectionOf,
  text: ParsedAdr['text'],
): Pick<ParsedAdr, 'outcome' | 'consequences'> {
  const { raw, values } = r;
  let outcome: ParsedAdr['outcome'] = null;
  const consequences: ConsequenceList[] = [];
  const decision = byKind('decision');
  if (decision) {
    outcome = readChosen(r, decision);
    for (const sub of decision.subsections) {
      if (sub.kind === 'consequences' || sub.kind === 'positive' || sub.kind === 'negative')
        consequences.push(consequenceList(raw, sub));
      else if (sub.kind === 'confirmation' && !text.confirmation) {
        text.confirmation = sub;
        values.confirmation = normalizeText(raw, sub.value);
      }
    }
  }
  for (const s of sections)
    if (s.kind === 'consequences' || s.kind === 'positive' || s.kind === 'negative')
      consequences.push(consequenceList(raw, s));
  for (const list of consequences)
    for (const i of list.values) values.consequences.push(consequenceOf(list.items[i]!.text, list.mode));
  const confirmation = byKind('confirmation');
  if (confirmation && !text.confirmation) {
    text.confirmation = confirmation;
    values.confirmation = normalizeText(raw, confirmation.value);
  }
  return { outcome, consequences };
}

/** The chosen option and the rationale of a decision section. */
function readChosen(r: Reading, decision: Section): NonNullable<ParsedAdr['outcome']> {
  const { raw, values } = r;
  const own = decision.own;
  const ownText = raw.slice(own.start, own.end);
  const m =
    /^Chosen option:?[ \t]*(?:"([^"\r\n]+)"|“([^”\r\n]+)”|'([^'\r\n]+)'|\*\*([^*\r\n]+)\*\*|([^,\r\n]+?))(?=[ \t]*(?:,|\.(?:\s|$)|$|\r?\n|[ \t]because))/i.exec(
      ownText,
    );
  let chosen: Span | null = null;
  let chosenLineEnd: number | null = null;
  let rationale: Span = own;
  if (m) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]!;
    const nameStart = own.start + m[0].lastIndexOf(name);
    chosen = { start: nameStart, end: nameStart + name.length };
    values.chosen = name.trim();
    const rest = ownText.slice(m[0].length);
    const because = /^[ \t]*,?[ \t]*because\b[ \t]*/i.exec(rest);
    if (because) {
      let start = own.start + m[0].length + because[0].length;
      const afterBecause = raw.slice(start, own.end);
      const skip = /^\s*/.exec(afterBecause)![0].length;
      start += skip;
      rationale = { start, end: Math.max(start, own.end) };
    } else {
      const lineEnd = ownText.indexOf('\n', m[0].length);
      chosenLineEnd = lineEnd < 0 ? own.end : own.start + lineEnd - (raw[own.start + lineEnd - 1] === '\r' ? 1 : 0);
      const restSpan = trimmed(raw, lineEnd < 0 ? own.end : own.start + lineEnd + 1, own.end);
      rationale = restSpan.start === restSpan.end ? { start: own.end, end: own.end } : restSpan;
    }
  }
  values.rationale = normalizeText(raw, rationale);
  return { section: decision, chosen, chosenLineEnd, rationale };
}

/** A bullet that is one link and nothing else: `[title](url)`, `<url>` or a bare web address. */
export function webLinkOf(text: string): WebLink | null {
  const m =
    /^\[((?:\\.|[^\\\]\n])*)\]\((\S+)\)$/.exec(text) ??
    /^<()((?:https?|mailto):[^>\s]+)>$/i.exec(text) ??
    /^()(https?:\/\/\S+)$/i.exec(text);
  if (!m || linkTargetProblem(m[2]!)) return null;
  const title = unescapeInline(m[1]!).trim();
  // `[docs/x.pdf](docs/x.pdf)` is how a link without a title is written where `<…>` cannot be.
  return { title: title === m[2] ? '' : title, url: m[2]! };
}

/**
 * Links: relation bullets (log4brains, MADR 2) and plain links (a web page, a ticket); other
 * bullets stay as they are. A bullet that is one relative link to something other than a Markdown
 * file is a plain link; a web address that names an ADR ("[ADR-5](https://…)") stays a relation.
 */
function readLinks(r: Reading, linksSection: Section | null): { links: ListLoc | null; webLinks: ListItem[] } {
  if (!linksSection) return { links: null, webLinks: [] };
  const items = listItems(r.raw, linksSection.bodyStart, linksSection.end);
  const vals: number[] = [];
  const webLinks: ListItem[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'bullet') return;
    const rel = relationLine(r.raw, item);
    const web = webLinkOf(item.text);
    if (web && (!rel || !/^[a-z][a-z0-9+.-]*:/i.test(web.url))) {
      webLinks.push(item);
      r.values.links.push(web);
      return;
    }
    if (!rel) return;
    vals.push(i);
    for (const ref of rel.refs) r.relations.push({ type: rel.type, ref: ref.ref, home: 'links', item, link: ref.link });
  });
  return { links: { section: linksSection, items, values: vals }, webLinks };
}

/**
 * MADR 4 keeps relations under More Information, where Cairn's export writes them first: a list
 * opening the section whose every bullet is a relation the table knows and its links,
 * `* Supersedes [ADR-0003: Use X](0003-use-x.md)`. Only that leading list is read as relations
 * (the rest of the section is its text); prose that mentions a decision, "See [ADR-0013](…) for
 * more", stays prose. A file with a Links section keeps its relations there.
 */
function readMoreLinks(r: Reading, more: Section | null, text: ParsedAdr['text']): ListLoc | null {
  if (!more) return null;
  const all = listItems(r.raw, more.own.start, more.own.end);
  const items: ListItem[] = [];
  const lines: NonNullable<ReturnType<typeof relationLine>>[] = [];
  for (const item of all) {
    const rel = item.kind === 'bullet' ? relationLine(r.raw, item, true) : null;
    if (!rel) break;
    items.push(item);
    lines.push(rel);
  }
  if (!items.length) return null;
  items.forEach((item, i) => {
    for (const ref of lines[i]!.refs)
      r.relations.push({ type: lines[i]!.type, ref: ref.ref, home: 'links', item, link: ref.link });
  });
  // The section's text is what follows the list; new text goes on the line after it.
  const listEnd = items[items.length - 1]!.end;
  const nl = r.raw.indexOf('\n', listEnd);
  const after = nl < 0 || nl >= more.end ? listEnd : nl + 1;
  const rest = trimmed(r.raw, after, more.value.end);
  text.moreInformation = {
    ...more,
    bodyStart: after,
    value: rest.start === rest.end ? { start: after, end: after } : rest,
  };
  r.values.moreInformation = normalizeText(r.raw, text.moreInformation.value);
  return { section: more, items, values: items.map((_, i) => i) };
}

/** The number: the file name's, else the title's, else front matter's `number`. */
function readNumber(
  file: string,
  titleNumber: number | null,
  fmData: Record<string, unknown>,
  warnings: string[],
): number | null {
  const fileNo = fileNumber(file);
  if (fileNo !== null && titleNumber !== null && fileNo !== titleNumber) {
    warnings.push(`The file name says number ${fileNo} but the title says ${titleNumber}; Cairn uses ${fileNo}.`);
  }
  const number = fileNo ?? titleNumber;
  if (number === null && typeof fmData.number === 'number' && Number.isInteger(fmData.number)) return fmData.number;
  return number;
}

/** A file with no number, no status and no section an ADR has is some other Markdown file. */
function notADecision(
  file: string,
  number: number | null,
  fileDate: string | null,
  meta: ParsedAdr['meta'],
  sections: Section[],
): NotRead | null {
  if (number !== null || fileDate || meta.status || sections.some((s) => s.kind !== null)) return null;
  return {
    ok: false,
    kind: 'not-adr',
    reason: `${file} does not look like a decision record (no number, status or ADR sections).`,
  };
}

/**
 * A template's title, by its whole text: "Title", "NUMBER. TITLE", "Short title of solved problem
 * and solution", "Title of the decision". A real title that merely starts with the word
 * ("Title case for headings") is a decision.
 */
const TEMPLATE_TITLE =
  /^(?:(?:number|nnnn|n)\.?\s+)?(?:short title\b.*|title|title of (?:the )?(?:adr|decision|solved problem)\b.*)$/i;

/** A heading's text as it reads: CommonMark backslash escapes (`\*`, `\\`) undone, so the title round-trips through the renderer's escaping. */
function unescapeInline(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Template leftovers such as "…" or "… <!-- numbers of drivers can vary -->" are not values. */
function isPlaceholder(text: string): boolean {
  return /^(?:…|\.\.\.)\s*(?:<!--.*-->)?\s*$/.test(text.trim());
}

function consequenceList(raw: string, section: Section): ConsequenceList {
  const items = listItems(raw, section.bodyStart, section.end);
  const bullets = items.some((it) => it.kind === 'bullet');
  const kind =
    section.kind === 'positive' ? 'good' : section.kind === 'negative' ? 'bad' : bullets ? 'prefixed' : 'paragraphs';
  const values: number[] = [];
  items.forEach((it, i) => {
    if (isPlaceholder(it.text) || it.text.startsWith('<!--')) return;
    if (bullets ? it.kind === 'bullet' : it.kind === 'block') values.push(i);
  });
  return { section, items, values, mode: kind };
}

function separatorOf(text: string, field: MetaField): MetaSlot['separator'] {
  if (text.includes(';') && !text.includes(',')) return '; ';
  if (field === 'tags' && !text.includes(',') && /\S\s+\S/.test(text)) return ' ';
  if (field === 'reviewTriggers') return '; ';
  return ', ';
}

function readMeta(field: MetaField, value: unknown, values: AdrValues, warnings: string[], fromYaml: boolean): void {
  switch (field) {
    case 'status': {
      const text = asText(value);
      if (Array.isArray(value) && value.length > 1)
        warnings.push(`The status is a list (${text}); Cairn reads its first entry.`);
      const firstText = Array.isArray(value) ? asText(value[0]) : text;
      values.statusText = firstText;
      values.status = mapStatus(firstText);
      if (firstText && !values.status)
        warnings.push(`The status "${firstText}" is not one Cairn knows; it is kept as written and read as proposed.`);
      return;
    }
    case 'date': {
      const date = asIsoDate(Array.isArray(value) ? value[0] : value);
      if (date) values.date = date;
      else if (asText(value))
        warnings.push(
          `The date "${asText(value)}" is not a date Cairn can read (use YYYY-MM-DD); it is kept as written.`,
        );
      return;
    }
    case 'reviewBy': {
      const date = asIsoDate(Array.isArray(value) ? value[0] : value);
      if (date) values.reviewBy = date;
      else if (asText(value))
        warnings.push(
          `The review date "${asText(value)}" is not a date Cairn can read (use YYYY-MM-DD); it is kept as written.`,
        );
      return;
    }
    case 'reviewTriggers': {
      // Triggers are sentences that may hold commas: one line (or one YAML string) splits at semicolons only.
      const items = Array.isArray(value) ? value.map(asText) : asText(value).split(';');
      values.reviewTriggers = items.map((t) => t.trim()).filter(Boolean);
      return;
    }
    case 'tags': {
      const text = fromYaml ? null : asText(value);
      values.tags = text !== null && !text.includes(',') ? text.split(/\s+/).filter(Boolean) : asList(value);
      values.tags = values.tags.map((t) => t.replace(/^#/, '')).filter(Boolean);
      return;
    }
    default: {
      if (fromYaml && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        warnings.push(`The front-matter value for ${field} is a map, not a list of names; it is kept as written.`);
        return;
      }
      values[field] = asList(value);
    }
  }
}

function detectMarker(raw: string, lines: Line[], literal: boolean[], from: number): string {
  for (let i = 0; i < lines.length; i++) {
    if (literal[i] || lines[i]!.start < from) continue;
    const m = /^([*+-])[ \t]+\S/.exec(lines[i]!.text);
    if (m && !/^([*_-])(?:[ \t]*\1){2,}[ \t]*$/.test(lines[i]!.text)) return m[1]!;
  }
  return '*';
}

function detectDialect(
  fm: ParsedAdr['frontMatter'],
  fmData: Record<string, unknown>,
  statusSection: Section | null,
  numberSlot: Span | null,
  meta: ParsedAdr['meta'],
  marker: string,
  fileDate: string | null,
  sections: Section[],
): Dialect {
  if (fm) return 'deciders' in fmData ? 'madr3' : 'madr4';
  if (statusSection || numberSlot) return 'nygard';
  const inline = Object.values(meta).some((s) => s?.kind === 'inline');
  if (fileDate || (inline && marker === '-')) return 'log4brains';
  const madrSections = sections.some(
    (s) => s.kind === 'options' || (s.kind === 'decision' && /outcome/i.test(s.heading.text)),
  );
  if (inline || madrSections) return 'madr2';
  return 'markdown';
}

function buildSections(raw: string, headings: Heading[], level: number, docEnd: number): Section[] {
  const tops = headings.filter((h) => h.level <= level);
  return tops.map((h, i) => {
    const end = tops[i + 1]?.start ?? docEnd;
    const inner = headings.filter((x) => x.start > h.start && x.start < end);
    const subLevel = inner.length ? Math.min(...inner.map((x) => x.level)) : level + 1;
    const subsections = buildSections(raw, inner, subLevel, end);
    const ownEnd = subsections[0]?.start ?? end;
    return {
      kind: sectionKind(h.text),
      heading: h,
      start: h.start,
      bodyStart: h.next,
      end,
      own: trimmed(raw, h.next, ownEnd),
      value: trimmed(raw, h.next, end),
      subsections,
    };
  });
}

/** Maps offsets in `source` with CRLF turned into LF back to offsets in the original text. */
function offsetMapper(source: string, base: number): (offset: number) => number {
  if (!source.includes('\r\n')) return (o) => base + o;
  const crs: number[] = [];
  let lfIndex = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\r' && source[i + 1] === '\n') crs.push(lfIndex);
    else lfIndex++;
  }
  return (o) => {
    let extra = 0;
    for (const c of crs) if (c < o) extra++;
    return base + o + extra;
  };
}
