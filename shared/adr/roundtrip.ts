import type { Decision, Origin, Relation } from '../domain.js';
import { snapshotOfOrigin, type LinkInfo, type OriginExtra, type Snapshot } from './content.js';
import { yamlInline, yamlScalar, type FrontMatterKey } from './front-matter.js';
import type { ListItem } from './scan.js';
import {
  META_FIELDS,
  type MetaField,
  type ParsedAdr,
  type ParsedRelation,
  type Section,
  type SectionKind,
  type Span,
} from './parse.js';
import { inline, relativePath } from './markdown.js';
import { relabel } from './refs.js';
import { relationLabel } from './relations.js';
import { uncitedDescription, webLinkText } from './sections.js';
import { applyCasing, casingOf, mapStatus, wrapperOf, type Casing } from './status.js';

/** What the exporter knows about a decision another file links to; used when the importer recorded no link. */
export type LinkResolver = (id: string) => { number: number | null; title: string; file: string | null } | null;

/**
 * The bytes to write for a decision that was imported from a file, so that an unedited
 * decision exports byte-identically and an edit changes only the edited part.
 * Returns null when the decision has no origin (render it afresh).
 *
 * How: the origin's text is parsed again (the same way the importer did), its values are
 * compared field by field with the decision's, and only the spans of the fields that differ are
 * replaced; a value the file lacks is added where its dialect puts it. Line endings, byte-order
 * mark, front-matter key order, list markers and everything Cairn does not model stay as they were.
 * `resolve` lets the exporter name files the importer never saw (a relation to a new decision).
 * The origin is not part of a decision's content; the core reads it beside the decision
 * (`DecisionStore.withOrigin`) and passes it here. `file` is where the file is written, relative to
 * the ADR folder (default: where it was read from); links Cairn writes are relative to it.
 */
export function renderImported(
  decision: Decision & { origin?: Origin | null },
  resolve?: LinkResolver,
  file?: string,
): string | null {
  const origin = decision.origin;
  if (!origin) return null;
  const read = snapshotOfOrigin(origin);
  if (!read) return null;
  const { adr, extra, snap } = read;
  const ctx: Ctx = {
    raw: origin.raw,
    adr,
    extra,
    snap,
    d: decision,
    out: new Patch(origin.raw, adr.eol),
    resolve,
    style: styleOf(adr),
    file: file ?? origin.file,
  };
  try {
    return patch(ctx);
  } catch (e) {
    // Two edits that overlap cannot be merged safely; the exporter then writes the decision afresh.
    // Anything else is a bug and must surface: swallowing it would silently rewrite a teammate's file.
    if (e instanceof OverlappingEdits) return null;
    throw e;
  }
}

/** Two edits touch the same part of the original text; the only failure `renderImported` recovers from. */
export class OverlappingEdits extends Error {
  constructor(readonly offset: number) {
    super(`Cairn could not merge two edits of the same part of the file (at offset ${offset}).`);
    this.name = 'OverlappingEdits';
  }
}

function patch(ctx: Ctx): string {
  renderTitle(ctx);
  const carried = renderMeta(ctx);
  renderTextSection(ctx, 'context', ctx.d.context, ctx.snap.context);
  renderTextSection(ctx, 'moreInformation', ctx.d.moreInformation, ctx.snap.moreInformation);
  renderTextSection(ctx, 'confirmation', ctx.d.confirmation, ctx.snap.confirmation);
  renderNamedList(ctx, 'drivers');
  renderNamedList(ctx, 'options');
  renderOptionDetails(ctx);
  renderOutcome(ctx);
  renderConsequences(ctx);
  renderRelations(ctx, carried);
  renderWebLinks(ctx);
  return ctx.out.apply();
}

interface Style {
  hashes: string;
  marker: string;
  nygard: boolean;
  /** Where new metadata goes. */
  meta: 'fm' | 'bullets' | 'lines';
  casing: Casing;
}

interface Ctx {
  raw: string;
  adr: ParsedAdr;
  extra: OriginExtra;
  snap: Snapshot;
  d: Decision;
  out: Patch;
  resolve: LinkResolver | undefined;
  style: Style;
  /** The file's path in the ADR folder, which the links it holds are relative to. */
  file: string;
}

function styleOf(adr: ParsedAdr): Style {
  const nygard = adr.dialect === 'nygard';
  return {
    hashes: '#'.repeat(Math.max(2, adr.sectionLevel)),
    marker: adr.marker,
    nygard,
    meta: adr.frontMatter ? 'fm' : nygard ? 'lines' : 'bullets',
    casing: nygard ? 'title' : 'lower',
  };
}

/** Collects replacements and insertions against the original text, then applies them in one pass. */
class Patch {
  private edits: { start: number; end: number; text: string; order: number }[] = [];
  private blocks = new Map<number, { text: string; order: number }[]>();
  constructor(
    private readonly raw: string,
    readonly eol: string,
  ) {}

  /** Text with `\n` line endings, written in the file's line ending. */
  eolize(text: string): string {
    return this.eol === '\n' ? text.replace(/\r\n/g, '\n') : text.replace(/\r?\n/g, '\r\n');
  }
  replace(span: Span, text: string, order = 0) {
    this.edits.push({ start: span.start, end: span.end, text: this.eolize(text), order });
  }
  /** Replaces with text that already has its final line endings (pieces of the original). */
  replaceExact(span: Span, text: string, order = 0) {
    this.edits.push({ start: span.start, end: span.end, text, order });
  }
  insert(at: number, text: string, order = 0) {
    this.edits.push({ start: at, end: at, text: this.eolize(text), order });
  }
  /** Inserts a block (a section, a paragraph) at a line start, with a blank line on either side. */
  insertBlock(at: number, text: string, order = 0) {
    const list = this.blocks.get(at) ?? [];
    list.push({ text, order });
    this.blocks.set(at, list);
  }
  apply(): string {
    const raw = this.raw;
    const eol = this.eol;
    for (const [at, list] of this.blocks) {
      const body = list
        .sort((a, b) => a.order - b.order)
        .map((b) => this.eolize(b.text.replace(/\n+$/, '')))
        .join(eol + eol);
      const before = raw.slice(0, at);
      const after = raw.slice(at);
      const lead =
        at === 0 || /\n[ \t]*\r?\n$/.test(before) || before === '' ? '' : before.endsWith('\n') ? eol : eol + eol;
      let trail: string;
      if (after === '') trail = before.endsWith('\n') || before === '' ? eol : '';
      else trail = /^[ \t]*\r?\n/.test(after) ? eol : eol + eol;
      this.edits.push({ start: at, end: at, text: lead + body + trail, order: 1000 });
    }
    if (!this.edits.length) return raw;
    const edits = this.edits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    let out = '';
    let pos = 0;
    for (const e of edits) {
      if (e.start < pos) throw new OverlappingEdits(e.start);
      out += raw.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    return out + raw.slice(pos);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();

const SECTION_ORDER: SectionKind[] = [
  'status',
  'context',
  'drivers',
  'options',
  'decision',
  'consequences',
  'positive',
  'negative',
  'confirmation',
  'proscons',
  'more',
  'links',
];

function sectionName(kind: SectionKind, style: Style): string {
  switch (kind) {
    case 'status':
      return 'Status';
    case 'context':
      return style.nygard ? 'Context' : 'Context and Problem Statement';
    case 'drivers':
      return 'Decision Drivers';
    case 'options':
      return 'Considered Options';
    case 'decision':
      return style.nygard ? 'Decision' : 'Decision Outcome';
    case 'positive':
      return 'Positive Consequences';
    case 'negative':
      return 'Negative Consequences';
    case 'consequences':
      return 'Consequences';
    case 'confirmation':
      return 'Confirmation';
    case 'proscons':
      return 'Pros and Cons of the Options';
    case 'more':
      return 'More Information';
    case 'links':
      return 'Links';
  }
}

/** Adds a new top-level section where its kind belongs among the sections the file has. */
function addSection(ctx: Ctx, kind: SectionKind, body: string) {
  const rank = SECTION_ORDER.indexOf(kind);
  const before = ctx.adr.sections.find((s) => s.kind !== null && SECTION_ORDER.indexOf(s.kind) > rank);
  const at = before ? before.start : ctx.raw.length;
  const heading = `${ctx.style.hashes} ${sectionName(kind, ctx.style)}`;
  ctx.out.insertBlock(at, body ? `${heading}\n\n${body}` : heading, rank);
}

/** Adds a subsection at the end of a section (MADR's `### Consequences` under the outcome). */
function addSubsection(ctx: Ctx, parent: Section, kind: SectionKind, body: string) {
  const hashes = '#'.repeat(parent.heading.level + 1);
  ctx.out.insertBlock(
    parent.end,
    `${hashes} ${sectionName(kind, ctx.style)}\n\n${body}`,
    SECTION_ORDER.indexOf(kind) - 100,
  );
}

function renderTitle(ctx: Ctx) {
  const { adr, d, snap, out } = ctx;
  if (d.title !== snap.title) {
    if (adr.title.kind === 'fm') out.replace(adr.title, yamlScalar(oneLine(d.title)));
    // The heading is Markdown: the title is escaped as the renderer escapes it, so it reads back the same.
    else out.replace(adr.title, inline(oneLine(d.title), false));
  }
  if (adr.numberSlot && d.number !== null && d.number !== snap.number) {
    const width = adr.numberSlot.end - adr.numberSlot.start;
    const digits = ctx.raw.slice(adr.numberSlot.start, adr.numberSlot.end);
    out.replace(adr.numberSlot, digits.startsWith('0') ? String(d.number).padStart(width, '0') : String(d.number));
  }
}

// ---------------------------------------------------------------------------------------------
// Metadata: status, date, people, tags.

const FM_KEY: Record<MetaField, string> = {
  status: 'status',
  date: 'date',
  decisionMakers: 'decision-makers',
  consulted: 'consulted',
  informed: 'informed',
  tags: 'tags',
  reviewBy: 'review-by',
  reviewTriggers: 'review-triggers',
};

function metaLabel(field: MetaField, ctx: Ctx): string {
  switch (field) {
    case 'status':
      return 'Status';
    case 'date':
      return 'Date';
    case 'decisionMakers':
      return ctx.adr.dialect === 'madr2' || ctx.adr.dialect === 'log4brains' ? 'Deciders' : 'Decision-makers';
    case 'consulted':
      return 'Consulted';
    case 'informed':
      return 'Informed';
    case 'tags':
      return 'Tags';
    case 'reviewBy':
      return 'Review by';
    case 'reviewTriggers':
      return 'Review triggers';
  }
}

/**
 * How this file links to a decision. Where the exporter says where that decision's file is, that
 * wins (a link never points at a file that is not there), written in the label style the file
 * already used for it; otherwise the link the file had or Cairn recorded when the relation was added.
 */
function linkOf(ctx: Ctx, target: string): LinkInfo | null {
  const parsed = ctx.adr.relations.find((r, i) => ctx.extra.targets[i] === target && r.ref.file);
  const known =
    ctx.extra.links[target] ??
    (parsed ? { label: parsed.ref.label, file: parsed.ref.file, number: parsed.ref.number } : null);
  const found = ctx.resolve?.(target);
  if (!found?.file) return known;
  // No link yet, or one recorded while the target was a draft without a file: named as this file names decisions.
  if (!known || (known.file === null && known.number === null))
    return { label: linkLabel(ctx.adr.dialect, found), file: found.file, number: found.number };
  // A link read from a file names the file alone (`../0003-x.md` reads as 0003-x.md): the exporter knows its folder.
  const at = sameFile(known.file, found.file) ? { ...known, file: found.file } : known;
  if (sameFile(known.file, found.file) && known.number === found.number) return at;
  // Same number, another name (a link written by number to a file named otherwise, or kept from a
  // rename): the link stays as its author wrote it; Cairn rewrites links only when numbers change.
  if (known.number !== null && known.number === found.number) return at;
  const label =
    known.number !== null && found.number !== null ? relabel(known.label, known.number, found.number) : known.label;
  return { label, file: found.file, number: found.number };
}

/** How a file of this dialect names a decision it links to. */
export function linkLabel(
  dialect: string,
  target: { number: number | null; title: string; file: string | null },
): string {
  if (dialect === 'nygard' && target.number !== null) return `${target.number}. ${target.title}`;
  if (dialect === 'log4brains' && target.file) return target.file.replace(/\.(md|markdown)$/i, '');
  if (target.number !== null) return `ADR-${String(target.number).padStart(4, '0')}`;
  return target.title;
}

/** Whether two links name the same file: a link read from a file keeps only the file's name, not its folder. */
function sameFile(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return a.split('/').pop() === b.split('/').pop();
}

/** A link as this file writes it: the target's path relative to the file's own folder. */
function linkText(ctx: Ctx, link: LinkInfo): string {
  return link.file ? `[${link.label}](${relativePath(ctx.file, link.file)})` : link.label;
}

/** Relations whose text lives in the status value ("superseded by …"), in parse order. */
function statusRelations(ctx: Ctx): { rel: ParsedRelation; target: string | null }[] {
  return ctx.adr.relations
    .map((rel, i) => ({ rel, target: ctx.extra.targets[i] ?? null }))
    .filter((x) => x.rel.home === 'status');
}

/** Renders the metadata; returns the relation targets the status value carries. */
function renderMeta(ctx: Ctx): Relation[] {
  const { adr, d, snap, out } = ctx;
  const carriedBefore = statusRelations(ctx);
  const supersededBy = d.relations.filter((r) => r.type === 'superseded-by').map((r) => r.target);
  const lost = carriedBefore.some((c) => c.target !== null && !supersededBy.includes(c.target));
  const statusChanged = d.status !== snap.status || d.statusText !== snap.statusText || lost;
  let carried: Relation[];
  const pending: { field: MetaField; value: string; list: string[] | null }[] = [];

  if (statusChanged) {
    const target = d.status === 'superseded' ? supersededBy.find((t) => linkOf(ctx, t)) : undefined;
    carried = target ? [{ type: 'superseded-by', target }] : [];
    const slot = adr.meta.status;
    const value = statusValue(
      ctx,
      target ? linkOf(ctx, target) : null,
      slot?.kind === 'fm' || (!slot && ctx.style.meta === 'fm'),
    );
    if (slot) writeMeta(ctx, 'status', slot, value, null);
    else pending.push({ field: 'status', value, list: null });
  } else {
    carried = carriedBefore.filter((c) => c.target).map((c) => ({ type: 'superseded-by', target: c.target! }));
    // A decision the status links to was renumbered: rewrite the link inside the status.
    for (const c of carriedBefore) {
      if (!c.target || !c.rel.link) continue;
      const link = linkOf(ctx, c.target);
      if (link && (link.label !== c.rel.ref.label || !sameFile(link.file, c.rel.ref.file)))
        out.replace(c.rel.link, linkText(ctx, link));
    }
  }

  for (const field of META_FIELDS) {
    if (field === 'status') continue;
    // Decisions stored before review dates existed lack those fields: read them as none.
    const now =
      field === 'date'
        ? d.date
        : field === 'reviewBy'
          ? (d.reviewBy ?? null)
          : field === 'reviewTriggers'
            ? (d.reviewTriggers ?? [])
            : d[field];
    const before = field === 'date' ? snap.date : snap[field];
    if (same(now, before)) continue;
    const slot = adr.meta[field];
    if (now === null) {
      // A review date taken away: the key stays, empty, so the file's layout does not move.
      if (slot) writeMeta(ctx, field, slot, '', null);
      continue;
    }
    const list = Array.isArray(now) ? now : null;
    const value = list ? list.join(slot?.separator ?? (field === 'reviewTriggers' ? '; ' : ', ')) : (now as string);
    if (slot) writeMeta(ctx, field, slot, value, list);
    else if (list === null || list.length) pending.push({ field, value, list });
  }
  if (pending.length) insertMeta(ctx, pending);
  return carried;
}

function writeMeta(
  ctx: Ctx,
  field: MetaField,
  slot: NonNullable<ParsedAdr['meta'][MetaField]>,
  value: string,
  list: string[] | null,
) {
  if (slot.kind !== 'fm') {
    ctx.out.replace(slot, oneLine(value));
    return;
  }
  ctx.out.replace(slot, field === 'status' ? value : fmValue(slot.fmKey!, list ?? value));
}

/** A front-matter value in the style the key used: flow or block list, quoted or plain scalar. */
function fmValue(key: FrontMatterKey, value: string | string[]): string {
  if (Array.isArray(value)) {
    if (key.style === 'block-seq' && value.length)
      return value.map((v, i) => (i ? ' '.repeat(key.column) : '') + '- ' + yamlScalar(v)).join('\n');
    if (key.style === 'scalar' && value.length === 1) return quoteLike(key, value[0]!);
    if (key.style === 'scalar' && value.length > 1) return quoteLike(key, value.join(', '));
    const flow = yamlInline(value);
    return key.style === 'empty' ? ' ' + flow : flow;
  }
  const text = quoteLike(key, value);
  return key.style === 'empty' ? ' ' + text : text;
}

function quoteLike(key: FrontMatterKey, value: string): string {
  if (key.quote === 'double') return JSON.stringify(value);
  if (key.quote === 'single') return `'${value.replace(/'/g, "''")}'`;
  const plain = yamlScalar(value);
  // A plain scalar in block context may hold commas; quote only what YAML would misread.
  if (
    plain.startsWith('"') &&
    /^[^\s\-?:[\]{}#&*!|>'"%@`][^#\n]*$/.test(value) &&
    !/:\s|\s#|:$/.test(value) &&
    !/^(?:true|false|null|~|[-+]?\d[\d_.]*)$/i.test(value)
  )
    return value;
  return plain;
}

function statusValue(ctx: Ctx, link: LinkInfo | null, yaml: boolean): string {
  const { d, snap, adr } = ctx;
  if (d.statusText && d.statusText !== snap.statusText && mapStatus(d.statusText) === d.status)
    return yaml ? yamlScalar(d.statusText) : d.statusText;
  const original = adr.meta.status?.kind === 'fm' ? snap.statusText : (adr.meta.status?.text ?? '');
  const casing = original ? casingOf(original) : ctx.style.casing;
  const wrap = adr.meta.status?.kind === 'fm' ? { before: '', after: '' } : wrapperOf(original);
  const dot = /[A-Za-z]\.\s*(\*\*|__|\*|_)?$/.test(original.trim()) ? '.' : '';
  let word: string = d.status;
  if (d.status === 'superseded' && link) {
    word =
      'superseded by ' +
      (yaml
        ? link.number !== null
          ? `ADR-${String(link.number).padStart(4, '0')}`
          : link.label
        : linkText(ctx, link));
  }
  const text = wrap.before + applyCasing(word, casing) + wrap.after + dot;
  if (!yaml) return text;
  const key = adr.meta.status?.fmKey;
  return key ? fmValue(key, text) : yamlScalar(text);
}

/** Adds metadata the file did not have, in the way its dialect writes metadata. */
function insertMeta(ctx: Ctx, pending: { field: MetaField; value: string; list: string[] | null }[]) {
  const { adr, out, style } = ctx;
  if (style.meta === 'fm' && adr.frontMatter) {
    const key = (f: MetaField) => (f === 'decisionMakers' && adr.dialect === 'madr3' ? 'deciders' : FM_KEY[f]);
    const lines = pending.map(
      (p) => `${key(p.field)}: ${p.field === 'status' ? p.value : p.list ? yamlInline(p.list) : yamlScalar(p.value)}\n`,
    );
    const close = adr.frontMatter.close;
    const needsNl = close > 0 && ctx.raw[close - 1] !== '\n';
    out.insert(close, (needsNl ? '\n' : '') + lines.join(''), 5);
    return;
  }
  let rest = pending;
  if (style.nygard && pending.some((p) => p.field === 'status')) {
    const status = pending.find((p) => p.field === 'status')!;
    addSection(ctx, 'status', status.value);
    rest = pending.filter((p) => p !== status);
  }
  if (!rest.length) return;
  const last = adr.header.lastMeta;
  const prefix = last ? adr.header.prefix : style.nygard ? '' : `${style.marker} `;
  const text = rest.map((p) => `${prefix}${metaLabel(p.field, ctx)}: ${oneLine(p.value)}`).join('\n');
  if (last) {
    const atEnd = last.next === last.end;
    out.insert(last.next, atEnd ? '\n' + text : text + '\n', 5);
  } else out.insertBlock(adr.header.titleNext, text, -10);
}

// ---------------------------------------------------------------------------------------------
// Text sections, lists, outcome, consequences.

function renderTextSection(
  ctx: Ctx,
  field: 'context' | 'moreInformation' | 'confirmation',
  now: string,
  before: string,
) {
  if (now === before) return;
  const section = ctx.adr.text[field];
  if (section) {
    if (section.value.start === section.value.end) {
      if (now) ctx.out.insertBlock(section.bodyStart, now);
    } else ctx.out.replace(section.value, now);
    return;
  }
  if (!now) return;
  const kind: SectionKind = field === 'context' ? 'context' : field === 'moreInformation' ? 'more' : 'confirmation';
  const decision = ctx.adr.outcome?.section;
  if (
    kind === 'confirmation' &&
    decision &&
    !ctx.style.nygard &&
    ctx.adr.dialect !== 'madr2' &&
    ctx.adr.dialect !== 'log4brains'
  ) {
    addSubsection(ctx, decision, 'confirmation', now);
  } else addSection(ctx, kind, now);
}

type Seq = { keep: number; text?: string } | { text: string; kind: ListItem['kind'] };

/**
 * Writes a list region again: kept items are copied byte for byte (with the gap that preceded
 * them), new items are rendered, and items that are not values (a template's "…", a comment)
 * stay where they were. `after` anchors a list that continues after another item.
 */
function rebuild(
  ctx: Ctx,
  items: ListItem[],
  values: number[],
  seq: Seq[],
  opts: { after?: ListItem; blank?: boolean; insertAt?: number } = {},
) {
  const { raw, out } = ctx;
  const eol = out.eol;
  const isValue = new Set(values);
  const firstV = values.length ? values[0]! : items.length;
  const lastV = values.length ? values.at(-1)! : items.length - 1;
  const leading = items.map((_, i) => i).filter((i) => i < firstV);
  const trailing = values.length ? items.map((_, i) => i).filter((i) => i > lastV) : [];
  const attached = new Map<number, number[]>();
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    const next = values[k + 1] ?? lastV + 1;
    attached.set(
      v,
      items.map((_, i) => i).filter((i) => i > v && i < next && !isValue.has(i)),
    );
  }
  const gapBefore = (i: number) =>
    i > 0
      ? raw.slice(items[i - 1]!.end, items[i]!.start)
      : opts.after
        ? raw.slice(opts.after.end, items[0]!.start)
        : null;
  const gaps = items.slice(1).map((_, i) => raw.slice(items[i]!.end, items[i + 1]!.start));
  const valueGaps = values.slice(1).map((v) => gapBefore(v)!);
  const common = mostCommon(valueGaps.length ? valueGaps : gaps);
  const defaultGap = common ?? (opts.blank ? eol + eol : eol);
  const pieces: { text: string; gap: string | null; kind: ListItem['kind'] }[] = [];
  const emit = (i: number, text?: string) =>
    pieces.push({ text: text ?? raw.slice(items[i]!.start, items[i]!.end), gap: gapBefore(i), kind: items[i]!.kind });
  leading.forEach((i) => emit(i));
  for (const s of seq) {
    if ('keep' in s) {
      emit(s.keep, s.text);
      for (const i of attached.get(s.keep) ?? []) emit(i);
    } else pieces.push({ text: out.eolize(s.text), gap: null, kind: s.kind });
  }
  trailing.forEach((i) => emit(i));
  let text = '';
  pieces.forEach((p, i) => {
    const prev = i ? pieces[i - 1]! : opts.after ? { kind: opts.after.kind } : null;
    let gap = p.gap ?? (prev && prev.kind !== p.kind ? eol + eol : defaultGap);
    if (!prev) gap = '';
    if (i === 0 && opts.after) gap = p.gap ?? (opts.blank ? eol + eol : defaultGap);
    text += gap + p.text;
  });
  if (opts.after) {
    const end = items.length ? items.at(-1)!.end : opts.after.end;
    out.replaceExact({ start: opts.after.end, end }, text);
  } else if (items.length) {
    // A list emptied entirely takes its line break along, so no stray blank line is left.
    const end = items.at(-1)!.end;
    const lineBreak = text === '' ? (/^\r?\n/.exec(raw.slice(end))?.[0].length ?? 0) : 0;
    out.replaceExact({ start: items[0]!.start, end: end + lineBreak }, text);
  } else if (opts.insertAt !== undefined && text) out.insertBlock(opts.insertAt, text.replace(/\r\n/g, '\n'));
}

function mostCommon(list: string[]): string | null {
  const counts = new Map<string, number>();
  for (const g of list) counts.set(g, (counts.get(g) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [g, c] of counts) if (c > n) [best, n] = [g, c];
  return best;
}

/** The marker a new item of a list uses: the one its neighbours use. */
function markerOf(ctx: Ctx, items: ListItem[], values: number[]): string {
  const sample = items[values[0] ?? -1] ?? items.find((i) => i.kind === 'bullet');
  if (!sample) return `${ctx.style.marker} `;
  const m = /^(\d+)([.)])(\s+)$/.exec(sample.marker);
  return m ? `1${m[2]}${m[3]}` : sample.marker;
}

function bullet(marker: string, text: string): string {
  const indent = ' '.repeat(marker.length);
  return marker + text.replace(/\n/g, '\n' + indent);
}

function renderNamedList(ctx: Ctx, which: 'drivers' | 'options') {
  const now = ctx.d[which].map((x) => ({ id: x.id, name: x.name }));
  const before = ctx.snap[which].map((x) => ({ id: x.id, name: x.name }));
  if (same(now, before)) return;
  const loc = ctx.adr[which];
  const items = loc?.items ?? [];
  const values = loc?.values ?? [];
  const marker = markerOf(ctx, items, values);
  const seq: Seq[] = now.map((x) => {
    const k = before.findIndex((b) => b.id === x.id);
    if (k >= 0 && before[k]!.name === x.name) return { keep: values[k]! };
    if (k >= 0) {
      const item = items[values[k]!]!;
      return {
        keep: values[k]!,
        text:
          ctx.raw.slice(item.start, item.textStart) +
          ctx.out.eolize(x.name.replace(/\n/g, '\n' + ' '.repeat(item.textStart - item.start))),
      };
    }
    return { text: bullet(marker, x.name), kind: 'bullet' };
  });
  if (loc) {
    if (items.length) rebuild(ctx, items, values, seq);
    else if (now.length) ctx.out.insertBlock(loc.section.bodyStart, now.map((x) => bullet(marker, x.name)).join('\n'));
  } else if (now.length) addSection(ctx, which, now.map((x) => bullet(marker, x.name)).join('\n'));
}

function renderOptionDetails(ctx: Ctx) {
  const { d, snap, adr, out } = ctx;
  const beforeById = new Map(snap.options.map((o, i) => [o.id, { ...o, section: adr.optionDetails[i] ?? null }]));
  const proscons = adr.sections.find((s) => s.kind === 'proscons') ?? null;
  const added: string[] = [];
  for (const o of d.options) {
    const before = beforeById.get(o.id);
    const section = before?.section ?? null;
    // The file keeps its own style and gets no footnotes: claims a pro or con cites stay in Cairn and the ledger.
    const description =
      o.description === (before?.description ?? '') ? o.description : uncitedDescription(o.description, d);
    if (section) {
      if (before!.name !== o.name)
        out.replace({ start: section.heading.textStart, end: section.heading.textEnd }, oneLine(o.name));
      if (before!.description !== description) {
        if (section.value.start === section.value.end) {
          if (description) out.insertBlock(section.bodyStart, description);
        } else out.replace(section.value, description);
      }
    } else if (description && description !== (before?.description ?? '')) {
      added.push(
        `${'#'.repeat((proscons?.heading.level ?? adr.sectionLevel) + 1)} ${oneLine(o.name)}\n\n${description}`,
      );
    }
  }
  // An option that was removed takes its pros and cons with it.
  const kept = new Set(d.options.map((o) => o.id));
  for (const [id, b] of beforeById)
    if (!kept.has(id) && b.section) out.replaceExact({ start: b.section.start, end: b.section.end }, '');
  if (!added.length) return;
  if (proscons) out.insertBlock(proscons.end, added.join('\n\n'), 50);
  else addSection(ctx, 'proscons', added.join('\n\n'));
}

function renderOutcome(ctx: Ctx) {
  const { d, snap, adr, out, raw } = ctx;
  const chosenName = (id: string | null, list: { id: string; name: string }[]) =>
    id ? (list.find((o) => o.id === id)?.name ?? null) : null;
  const nowChosen = chosenName(d.chosenOption, d.options);
  const beforeChosen = chosenName(snap.chosenOption, snap.options);
  // No chosen option (or one that was deleted) keeps the file's text: Cairn never writes an empty choice.
  const chosenChanged = nowChosen !== null && nowChosen !== beforeChosen;
  const rationaleChanged = d.rationale !== snap.rationale;
  if (!chosenChanged && !rationaleChanged) return;
  const outcome = adr.outcome;
  if (!outcome) {
    if (!nowChosen && !d.rationale) return;
    const body = nowChosen
      ? `Chosen option: "${oneLine(nowChosen)}"${d.rationale ? `, because ${d.rationale}` : ''}`
      : d.rationale;
    addSection(ctx, 'decision', body);
    return;
  }
  if (chosenChanged) {
    if (outcome.chosen) out.replace(outcome.chosen, oneLine(nowChosen ?? ''));
    else if (nowChosen) {
      const own = outcome.section.own;
      if (own.start === own.end)
        out.insertBlock(outcome.section.bodyStart, `Chosen option: "${oneLine(nowChosen)}"`, -1);
      else out.insert(own.start, `Chosen option: "${oneLine(nowChosen)}"\n\n`, -1);
    }
  }
  if (rationaleChanged) {
    const span = outcome.rationale;
    if (span.start === span.end) {
      if (!d.rationale) return;
      if (outcome.chosen && /because$/i.test(raw.slice(Math.max(0, span.start - 7), span.start)))
        out.insert(span.start, ' ' + d.rationale);
      else if (outcome.chosen) out.insert(span.start, (outcome.chosenLineEnd !== null ? '\n\n' : '') + d.rationale);
      else out.insertBlock(outcome.section.bodyStart, d.rationale);
    } else out.replace(span, d.rationale);
  }
}

function consequenceText(
  mode: 'prefixed' | 'good' | 'bad' | 'paragraphs',
  c: { effect: string; text: string },
  marker: string,
): string {
  const prefixed = `${c.effect.charAt(0).toUpperCase()}${c.effect.slice(1)}, because ${c.text}`;
  if (mode === 'paragraphs') return c.effect === 'neutral' ? c.text : prefixed;
  if (mode === 'prefixed') return bullet(marker, prefixed);
  return bullet(marker, c.text);
}

function renderConsequences(ctx: Ctx) {
  const { d, snap, adr } = ctx;
  const now = d.consequences.map((c) => ({ effect: c.effect, text: c.text }));
  if (same(now, snap.consequences)) return;
  // Which list each snapshot consequence came from.
  const owners: { list: number; value: number }[] = [];
  adr.consequences.forEach((list, li) => list.values.forEach((v) => owners.push({ list: li, value: v })));
  const used = new Set<number>();
  const perList: Seq[][] = adr.consequences.map(() => []);
  const homeless: { effect: string; text: string }[] = [];
  for (const c of now) {
    const k = snap.consequences.findIndex((s, i) => !used.has(i) && s.effect === c.effect && s.text === c.text);
    if (k >= 0) {
      used.add(k);
      perList[owners[k]!.list]!.push({ keep: owners[k]!.value });
      continue;
    }
    const li = adr.consequences.findIndex(
      (l) =>
        l.mode === 'prefixed' ||
        l.mode === 'paragraphs' ||
        (l.mode === 'good' && c.effect === 'good') ||
        (l.mode === 'bad' && c.effect === 'bad'),
    );
    if (li < 0) {
      homeless.push(c);
      continue;
    }
    const list = adr.consequences[li]!;
    const marker = markerOf(ctx, list.items, list.values);
    perList[li]!.push({
      text: consequenceText(list.mode, c, marker),
      kind: list.mode === 'paragraphs' ? 'block' : 'bullet',
    });
  }
  adr.consequences.forEach((list, li) => {
    const before = list.values.length;
    const seq = perList[li]!;
    const unchanged = seq.length === before && seq.every((s, i) => 'keep' in s && s.keep === list.values[i]);
    if (unchanged) return;
    if (list.items.length) rebuild(ctx, list.items, list.values, seq, { blank: list.mode === 'paragraphs' });
    else if (seq.length)
      ctx.out.insertBlock(
        list.section.bodyStart,
        seq.map((s) => ('text' in s ? s.text : '')).join(list.mode === 'paragraphs' ? '\n\n' : '\n'),
      );
  });
  if (!homeless.length) return;
  const marker = `${ctx.style.marker} `;
  if (ctx.style.nygard) {
    addSection(ctx, 'consequences', homeless.map((c) => consequenceText('paragraphs', c, marker)).join('\n\n'));
  } else if (adr.outcome && adr.dialect !== 'markdown') {
    addSubsection(
      ctx,
      adr.outcome.section,
      'consequences',
      homeless.map((c) => consequenceText('prefixed', c, marker)).join('\n'),
    );
  } else addSection(ctx, 'consequences', homeless.map((c) => consequenceText('prefixed', c, marker)).join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Relations: lines in a Status section (adr-tools), bullets under Links (log4brains, MADR 2),
// front-matter keys, or the status value itself.

function relationLineText(ctx: Ctx, r: Relation): string | null {
  const link = linkOf(ctx, r.target);
  if (!link) return null;
  // The words a line of the same relation in this file already uses ("Supersedes" or adr-tools' "Supercedes").
  const same = ctx.adr.relations.find((p) => p.type === r.type && p.item && p.link && p.home !== 'status');
  const words = same ? ctx.raw.slice(same.item!.textStart, same.link!.start).trim() : '';
  return `${words || relationLabel(r.type, ctx.adr.dialect === 'nygard' ? 'nygard' : 'madr')} ${linkText(ctx, link)}`;
}

function renderRelations(ctx: Ctx, carried: Relation[]) {
  const { d, adr, extra, out, raw } = ctx;
  const key = (r: Relation) => `${r.type}\u0000${r.target}`;
  const implied = new Set(extra.implied.map(key));
  const carriedKeys = new Set(carried.map(key));
  const want = new Map<string, Relation>();
  for (const r of d.relations) if (!implied.has(key(r)) && !carriedKeys.has(key(r))) want.set(key(r), r);

  const parsed = adr.relations.map((rel, i) => ({ rel, target: extra.targets[i] ?? null }));
  const lineRels = parsed.filter((p) => p.rel.home !== 'status');
  const matched = new Set<string>();
  // An item stays when every resolved relation it states is still wanted.
  const itemKept = new Map<ListItem, boolean>();
  for (const p of lineRels) {
    if (!p.rel.item) continue;
    if (!itemKept.has(p.rel.item)) itemKept.set(p.rel.item, true);
    // A relation the status value carries too ("superseded by …" above a list that says it again) is still held.
    const k = p.target ? `${p.rel.type}\u0000${p.target}` : null;
    if (k && !want.has(k) && !carriedKeys.has(k)) itemKept.set(p.rel.item, false);
  }
  const fmKept = new Map<string, { labels: string[]; changed: boolean }>();
  for (const p of lineRels) {
    const k = p.target ? `${p.rel.type}\u0000${p.target}` : null;
    if (p.rel.home === 'fm') {
      const entry = fmKept.get(p.rel.fmKey!) ?? { labels: [], changed: false };
      if (!k || want.has(k)) {
        entry.labels.push(p.rel.ref.label);
        if (k) matched.add(k);
      } else entry.changed = true;
      fmKept.set(p.rel.fmKey!, entry);
    } else if (k && want.has(k) && itemKept.get(p.rel.item!)) matched.add(k);
  }
  const added = [...want.values()].filter((r) => !matched.has(key(r)));

  // Relabel links to renumbered decisions inside kept items.
  const relabel = (item: ListItem): string | undefined => {
    const inItem = lineRels.filter((p) => p.rel.item === item && p.rel.link && p.target);
    let text = raw.slice(item.start, item.end);
    let changed = false;
    for (const p of [...inItem].sort((a, b) => b.rel.link!.start - a.rel.link!.start)) {
      const link = linkOf(ctx, p.target!);
      if (!link || (link.label === p.rel.ref.label && sameFile(link.file, p.rel.ref.file))) continue;
      text =
        text.slice(0, p.rel.link!.start - item.start) + linkText(ctx, link) + text.slice(p.rel.link!.end - item.start);
      changed = true;
    }
    return changed ? text : undefined;
  };

  // Where new relations go: a front-matter key for that relation, the Links list, the Status section.
  const toFm = new Map<string, Relation[]>();
  const toLines: Relation[] = [];
  for (const r of added) {
    const fmKey = adr.frontMatter?.keys.find((k) =>
      adr.relations.some((p) => p.home === 'fm' && p.fmKey === k.key && p.type === r.type),
    );
    if (fmKey) toFm.set(fmKey.key, [...(toFm.get(fmKey.key) ?? []), r]);
    else toLines.push(r);
  }
  for (const k of adr.frontMatter?.keys ?? []) {
    const entry = fmKept.get(k.key);
    const extraRels = toFm.get(k.key) ?? [];
    if (!entry || (!entry.changed && !extraRels.length)) continue;
    const labels = [...entry.labels, ...extraRels.map((r) => fmRef(linkOf(ctx, r.target), r.target))];
    const value =
      k.style === 'scalar' && labels.length === 1
        ? labels[0]!
        : `[${labels.map((l) => (/^\d+$/.test(l) ? l : yamlScalar(l))).join(', ')}]`;
    out.replace({ start: k.valueStart, end: k.valueEnd }, k.style === 'empty' ? ' ' + value : value);
  }

  const homes: {
    items: ListItem[];
    values: number[];
    after?: ListItem;
    blank: boolean;
    bullets: boolean;
    section: Section;
  }[] = [];
  if (adr.links)
    homes.push({
      items: adr.links.items,
      values: adr.links.values,
      blank: false,
      bullets: true,
      section: adr.links.section,
    });
  if (adr.statusSection && adr.statusItem) {
    const all = listItemsAfter(adr, adr.statusItem);
    const values = all.map((it, i) => (lineRels.some((p) => p.rel.item === it) ? i : -1)).filter((i) => i >= 0);
    homes.push({ items: all, values, after: adr.statusItem, blank: true, bullets: false, section: adr.statusSection });
  }
  const newHome = homes[0] ?? null;
  for (const home of homes) {
    const isNew = home === newHome;
    const lines = isNew ? toLines.map((r) => relationLineText(ctx, r)).filter((t): t is string => t !== null) : [];
    const seq: Seq[] = [];
    let changed = lines.length > 0;
    for (const v of home.values) {
      const item = home.items[v]!;
      if (itemKept.get(item) === false) {
        changed = true;
        continue;
      }
      const text = relabel(item);
      if (text !== undefined) changed = true;
      seq.push(text === undefined ? { keep: v } : { keep: v, text });
    }
    const marker = markerOf(ctx, home.items, home.values);
    for (const line of lines)
      seq.push({ text: home.bullets ? bullet(marker, line) : line, kind: home.bullets ? 'bullet' : 'block' });
    // Relations in a dropped item that are still wanted are written again, one per line.
    const orphans = lineRels.filter(
      (p) =>
        p.rel.item &&
        itemKept.get(p.rel.item) === false &&
        p.target &&
        want.has(`${p.rel.type}\u0000${p.target}`) &&
        home.items.includes(p.rel.item),
    );
    for (const p of orphans) {
      const line = relationLineText(ctx, { type: p.rel.type, target: p.target! });
      if (line) seq.push({ text: home.bullets ? bullet(marker, line) : line, kind: home.bullets ? 'bullet' : 'block' });
    }
    if (!changed) continue;
    if (home.items.length || home.after)
      rebuild(ctx, home.items, home.values, seq, { after: home.after, blank: home.blank });
    else rebuild(ctx, [], [], seq, { insertAt: home.section.bodyStart });
  }
  if (!newHome && toLines.length) {
    const lines = toLines.map((r) => relationLineText(ctx, r)).filter((t): t is string => t !== null);
    if (lines.length) addSection(ctx, 'links', lines.map((l) => bullet(`${ctx.style.marker} `, l)).join('\n'));
  }
}

/** The items of the Status section after the status line (the relation lines of adr-tools). */
function listItemsAfter(adr: ParsedAdr, statusItem: ListItem): ListItem[] {
  return adr.statusItems.filter((it) => it.start > statusItem.start);
}

function fmRef(link: LinkInfo | null, target: string): string {
  if (link?.number !== null && link?.number !== undefined) return String(link.number);
  return link?.label ?? target;
}

/**
 * Plain links of the Links section: a changed one is rewritten in its own bullet, links removed
 * take their line along, new ones follow the last link (or the section's last item) in the
 * section's bullet; a file without a Links section gets one. Unchanged links are not touched.
 */
function renderWebLinks(ctx: Ctx) {
  const { d, snap, adr, out, raw } = ctx;
  const now = d.links ?? [];
  const before = snap.links ?? [];
  if (same(now, before)) return;
  const items = adr.webLinks;
  const sample = items[0] ?? adr.links?.items.find((i) => i.kind === 'bullet');
  const marker = sample?.marker ?? `${ctx.style.marker} `;
  for (let i = 0; i < Math.min(now.length, items.length); i++)
    if (!same(now[i], before[i])) out.replace({ start: items[i]!.textStart, end: items[i]!.end }, webLinkText(now[i]!));
  for (let i = now.length; i < items.length; i++) {
    const item = items[i]!;
    const lineBreak = /^\r?\n/.exec(raw.slice(item.end))?.[0].length ?? 0;
    out.replaceExact({ start: item.start, end: item.end + lineBreak }, '');
  }
  if (now.length <= items.length) return;
  const added = now.slice(items.length).map((l) => bullet(marker, webLinkText(l)));
  const last = items.at(-1) ?? adr.links?.items.at(-1);
  if (last) out.insert(last.end, added.map((a) => '\n' + a).join(''));
  else if (adr.links) out.insertBlock(adr.links.section.bodyStart, added.join('\n'));
  else addSection(ctx, 'links', added.join('\n'));
}
