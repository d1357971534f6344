/**
 * From a parsed ADR file to a decision's content, and the parse data kept in `origin.extra`.
 * The importer and `renderImported` both go through `snapshotOf`, so "what the file said" is
 * computed one way only: a decision whose values equal its snapshot is written back unchanged.
 */
import type {
  ConsideredOption,
  DecisionContent,
  DecisionContentInput,
  Driver,
  Effect,
  Origin,
  Relation,
  Status,
} from '../domain.js';
import { nameKey, parseAdr, type ParsedAdr } from './parse.js';

/** How a file links to another decision; kept per target so a renumbered target's links can be rewritten. */
export interface LinkInfo {
  label: string;
  file: string | null;
  number: number | null;
}

/** What `origin.extra` holds for an imported file (all optional, so older or hand-made origins still read). */
export interface OriginExtra {
  parser: number;
  /** The file name the text was read from (origin.file may change when the decision is renumbered). */
  sourceFile: string;
  /** The number Cairn gave the decision when it was read. */
  number: number | null;
  /** Decision ids of the parsed relations, in parse order; null where the reference did not resolve. */
  targets: (string | null)[];
  /** Relations Cairn holds that the file does not write: the reverse of what another file states. */
  implied: Relation[];
  /** Values Cairn filled in because the file has none; a date only from git (`dateFrom`), never made up. */
  defaults: { status?: Status; date?: string; dateFrom?: 'git' };
  /** Ids of the drivers and options, in the order the file lists them. */
  driverIds: string[];
  optionIds: string[];
  /** How this file links to other decisions, by decision id. */
  links: Record<string, LinkInfo>;
  unknownSections: string[];
  unknownKeys: string[];
}

/**
 * The importer's reading rules, stored with each file it read. 2: a relation list opening More
 * Information (MADR 4) is read as relations; a file stored under 1 is read again as it was then.
 */
export const PARSER_VERSION = 2;

export function readExtra(extra: Record<string, unknown> | undefined, file: string): OriginExtra {
  const e = (extra ?? {}) as Partial<OriginExtra>;
  return {
    parser: typeof e.parser === 'number' ? e.parser : PARSER_VERSION,
    sourceFile: typeof e.sourceFile === 'string' ? e.sourceFile : file,
    number: typeof e.number === 'number' ? e.number : null,
    targets: Array.isArray(e.targets) ? e.targets : [],
    implied: Array.isArray(e.implied) ? e.implied : [],
    defaults: e.defaults && typeof e.defaults === 'object' ? e.defaults : {},
    driverIds: Array.isArray(e.driverIds) ? e.driverIds : [],
    optionIds: Array.isArray(e.optionIds) ? e.optionIds : [],
    links: e.links && typeof e.links === 'object' ? e.links : {},
    unknownSections: Array.isArray(e.unknownSections) ? e.unknownSections : [],
    unknownKeys: Array.isArray(e.unknownKeys) ? e.unknownKeys : [],
  };
}

/** The values of a file as Cairn holds them: what an unedited imported decision contains. */
export interface Snapshot {
  number: number | null;
  title: string;
  status: Status;
  statusText: string;
  date: string;
  dateSource: 'written' | 'git';
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  tags: string[];
  reviewBy: string | null;
  reviewTriggers: string[];
  context: string;
  drivers: { id: string; name: string }[];
  options: { id: string; name: string; description: string }[];
  chosenOption: string | null;
  rationale: string;
  consequences: { effect: Effect; text: string }[];
  confirmation: string;
  moreInformation: string;
  relations: Relation[];
  /** Plain links of the Links section (absent in snapshots made by hand: none). */
  links?: { title: string; url: string }[];
}

/** The status a file without one is read as: a decision in a repository's log was, in practice, taken. */
export const DEFAULT_STATUS: Status = 'accepted';

export function chosenIndex(adr: ParsedAdr): number {
  const chosen = adr.values.chosen;
  if (!chosen) return -1;
  const key = nameKey(chosen);
  const keys = adr.values.options.map((o) => nameKey(o.name));
  let i = keys.indexOf(key);
  if (i < 0) i = keys.findIndex((k) => (k.length > 3 && key.startsWith(k)) || (key.length > 3 && k.startsWith(key)));
  return i;
}

export function snapshotOf(adr: ParsedAdr, extra: OriginExtra): Snapshot {
  const v = adr.values;
  const driverIds = v.drivers.map((_, i) => extra.driverIds[i] ?? `d${i + 1}`);
  const optionIds = v.options.map((_, i) => extra.optionIds[i] ?? `o${i + 1}`);
  const chosen = chosenIndex(adr);
  const relations: Relation[] = [];
  adr.relations.forEach((r, i) => {
    const target = extra.targets[i];
    if (target && !relations.some((x) => x.type === r.type && x.target === target))
      relations.push({ type: r.type, target });
  });
  for (const r of extra.implied)
    if (!relations.some((x) => x.type === r.type && x.target === r.target)) relations.push(r);
  return {
    number: extra.number ?? adr.number,
    title: v.title,
    status: v.status ?? (v.statusText ? 'proposed' : (extra.defaults.status ?? DEFAULT_STATUS)),
    statusText: v.statusText,
    date: v.date ?? adr.fileDate ?? extra.defaults.date ?? '',
    dateSource:
      !v.date && !adr.fileDate && extra.defaults.date && extra.defaults.dateFrom === 'git' ? 'git' : 'written',
    decisionMakers: v.decisionMakers,
    consulted: v.consulted,
    informed: v.informed,
    tags: v.tags,
    reviewBy: v.reviewBy,
    reviewTriggers: v.reviewTriggers,
    context: v.context,
    drivers: v.drivers.map((name, i) => ({ id: driverIds[i]!, name })),
    options: v.options.map((o, i) => ({ id: optionIds[i]!, name: o.name, description: o.description })),
    chosenOption: chosen >= 0 ? optionIds[chosen]! : null,
    rationale: v.rationale,
    consequences: v.consequences,
    confirmation: v.confirmation,
    moreInformation: v.moreInformation,
    relations,
    links: v.links,
  };
}

/** Parses an origin again (with the file name it was read under) and returns its snapshot. */
export function snapshotOfOrigin(origin: {
  raw: string;
  file: string;
  extra: Record<string, unknown>;
}): { adr: ParsedAdr; extra: OriginExtra; snap: Snapshot } | null {
  const extra = readExtra(origin.extra, origin.file);
  const parsed = parseAdr(origin.raw, extra.sourceFile, { moreLinks: extra.parser >= 2 });
  if (!parsed.ok) return null;
  return { adr: parsed.adr, extra, snap: snapshotOf(parsed.adr, extra) };
}

/**
 * The content to store for a file. With `existing` (a re-import), what only Cairn holds is kept:
 * the evaluation, drivers' weights and criteria and options' pack links (matched by name), and
 * the claims cited by an unchanged consequence.
 */
export function contentFromFile(
  adr: ParsedAdr,
  raw: string,
  origin: { file: string; extra: OriginExtra },
  existing: DecisionContent | null = null,
): DecisionContentInput & { origin: Origin } {
  const v = adr.values;
  const extra = origin.extra;
  const byName = <T extends { id: string; name: string }>(list: T[], name: string) =>
    list.find((x) => nameKey(x.name) === nameKey(name));
  const taken = new Set<string>();
  const fresh = (prefix: string, list: { id: string }[]) => {
    let n = list.length + 1;
    while (taken.has(`${prefix}${n}`) || list.some((x) => x.id === `${prefix}${n}`)) n++;
    taken.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  };
  const drivers: Driver[] = v.drivers.map((name, i) => {
    const kept = existing ? byName(existing.drivers, name) : undefined;
    if (kept && !taken.has(kept.id)) {
      taken.add(kept.id);
      return { ...kept, name };
    }
    const id = existing ? fresh('d', existing.drivers) : `d${i + 1}`;
    // The file states no weight: none is invented (0, not a driver of a matrix until someone weighs it).
    return { id, name, description: '', question: '', weight: 0, minimum: null, criterion: null };
  });
  taken.clear();
  const options: ConsideredOption[] = v.options.map((o, i) => {
    const kept = existing ? byName(existing.options, o.name) : undefined;
    if (kept && !taken.has(kept.id)) {
      taken.add(kept.id);
      return { ...kept, name: o.name, description: o.description };
    }
    const id = existing ? fresh('o', existing.options) : `o${i + 1}`;
    return { id, name: o.name, description: o.description, option: null };
  });
  extra.driverIds = drivers.map((d) => d.id);
  extra.optionIds = options.map((o) => o.id);
  const snap = snapshotOf(adr, extra);
  const consequences = snap.consequences.map((c) => ({
    ...c,
    claims: existing?.consequences.find((x) => x.text === c.text && x.effect === c.effect)?.claims ?? [],
  }));
  return {
    title: snap.title,
    status: snap.status,
    statusText: snap.statusText,
    date: snap.date,
    dateSource: snap.dateSource,
    decisionMakers: snap.decisionMakers,
    consulted: snap.consulted,
    informed: snap.informed,
    tags: snap.tags,
    reviewBy: snap.reviewBy,
    reviewTriggers: snap.reviewTriggers,
    reviews: existing?.reviews ?? [],
    context: snap.context,
    drivers,
    options,
    chosenOption: snap.chosenOption,
    rationale: snap.rationale,
    consequences,
    confirmation: snap.confirmation,
    moreInformation: snap.moreInformation,
    evaluation: existing?.evaluation ?? undefined,
    relations: snap.relations,
    links: snap.links ?? [],
    origin: { file: origin.file, dialect: adr.dialect, raw, extra: { ...extra } as unknown as Record<string, unknown> },
  };
}
