/**
 * Precedents: past decisions that faced a similar choice, ranked by how alike they are in
 * knowledge pack, considered options and decision drivers. Pure, so the ranking can be tested
 * on plain data; the core feeds it a light projection of every stored decision.
 */
import { z } from 'zod';
import { Id, IsoDate, Status } from './domain.js';
import { aliasesOf } from './compare.js';

/** How much each kind of resemblance counts; a kind the decision has nothing of is left out. */
export const SIMILARITY_WEIGHTS = { pack: 0.2, options: 0.4, criteria: 0.4 } as const;
/** Below this similarity a decision is not worth showing as a precedent. */
export const MIN_SIMILARITY = 0.2;
/** Driver weights this far apart are pointed out in the reasons. */
const WEIGHT_GAP = 3;

/** What ranking needs to know of a decision: a projection cheap to read for thousands. */
export interface PrecedentInput {
  id: string;
  number: number | null;
  title: string;
  status: z.infer<typeof Status>;
  date: string;
  pack: string | null;
  options: { id: string; name: string; option: string | null }[];
  drivers: { name: string; criterion: string | null; weight: number }[];
  chosenOption: string | null;
  rationale: string;
}

export const Precedent = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  status: Status,
  date: IsoDate,
  /** 0 (nothing alike) … 1 (same pack, options and criteria, weighed alike). */
  similarity: z.number().min(0).max(1),
  /** What it chose: the chosen option's name, or null. */
  chosen: z.string().nullable(),
  /** Why, in its own words (shortened). */
  rationale: z.string(),
  samePack: z.boolean(),
  sharedOptions: z.array(z.string()),
  sharedCriteria: z.array(z.string()),
  /** Readable reasons, most telling first. */
  reasons: z.array(z.string()),
});
export type Precedent = z.infer<typeof Precedent>;

interface Named {
  name: string;
  aliases: string[];
}

interface Side<T extends Named> {
  items: T[];
  /** Alias → positions in `items`, so matching a candidate's item is a lookup. */
  index: Map<string, number[]>;
}

function side<T extends Named>(items: T[]): Side<T> {
  const index = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const a of item.aliases) index.set(a, [...(index.get(a) ?? []), i]);
  });
  return { items, index };
}

/** Pairs the target's items with a candidate's that answer to a common name, each used at most once; in the target's order. */
function matchByAlias<A extends Named, B extends Named>(mine: Side<A>, theirs: B[]): [A, B][] {
  const used = new Set<number>();
  const pairs: [number, B][] = [];
  for (const y of theirs) {
    let hit = -1;
    for (const a of y.aliases) {
      hit = mine.index.get(a)?.find((i) => !used.has(i)) ?? -1;
      if (hit >= 0) break;
    }
    if (hit < 0) continue;
    used.add(hit);
    pairs.push([hit, y]);
  }
  return pairs.sort((p, q) => p[0] - q[0]).map(([i, y]) => [mine.items[i]!, y]);
}

type OptionItem = Named;
interface DriverItem extends Named {
  weight: number;
}

/**
 * A caller that passes the same candidate objects again (the core keeps them between calls)
 * gets their names folded once, not on every ranking.
 */
const itemsCache = new WeakMap<PrecedentInput, { options: OptionItem[]; drivers: DriverItem[] }>();
function itemsOf(d: PrecedentInput): { options: OptionItem[]; drivers: DriverItem[] } {
  let items = itemsCache.get(d);
  if (!items) {
    items = {
      options: d.options.map((o) => ({ name: o.name, aliases: aliasesOf(o.name, o.option) })),
      drivers: d.drivers.map((x) => ({ name: x.name, weight: x.weight, aliases: aliasesOf(x.name, x.criterion) })),
    };
    itemsCache.set(d, items);
  }
  return items;
}

function shorten(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

interface Target {
  input: PrecedentInput;
  options: Side<OptionItem>;
  drivers: Side<DriverItem>;
}
const prepare = (d: PrecedentInput): Target => ({
  input: d,
  options: side(itemsOf(d).options),
  drivers: side(itemsOf(d).drivers),
});

interface Measure {
  similarity: number;
  samePack: boolean;
  options: [OptionItem, OptionItem][];
  drivers: [DriverItem, DriverItem][];
}

/** How alike `candidate` is to the target: the number, and what it rests on. */
function measure(t: Target, candidate: PrecedentInput): Measure {
  const target = t.input;
  let total = 0;
  let weight = 0;

  const samePack = target.pack !== null && target.pack === candidate.pack;
  if (target.pack !== null) {
    weight += SIMILARITY_WEIGHTS.pack;
    if (samePack) total += SIMILARITY_WEIGHTS.pack;
  }

  const { options: theirs, drivers: theirDrivers } = itemsOf(candidate);
  const options = matchByAlias(t.options, theirs);
  if (t.options.items.length) {
    weight += SIMILARITY_WEIGHTS.options;
    const union = t.options.items.length + theirs.length - options.length;
    total += SIMILARITY_WEIGHTS.options * (options.length / union);
  }

  // Weighted Jaccard over criteria, weights shifted by one so that a criterion weighted 0 still
  // counts as considered: the more both care about the same criteria, the closer they are.
  const drivers = matchByAlias(t.drivers, theirDrivers);
  if (t.drivers.items.length) {
    weight += SIMILARITY_WEIGHTS.criteria;
    let min = 0;
    let max = 0;
    const paired = new Set<DriverItem>();
    for (const [x, y] of drivers) {
      min += Math.min(x.weight, y.weight) + 1;
      max += Math.max(x.weight, y.weight) + 1;
      paired.add(x).add(y);
    }
    for (const d of t.drivers.items) if (!paired.has(d)) max += d.weight + 1;
    for (const d of theirDrivers) if (!paired.has(d)) max += d.weight + 1;
    total += SIMILARITY_WEIGHTS.criteria * (max ? min / max : 0);
  }

  return { similarity: weight ? Math.round((total / weight) * 1000) / 1000 : 0, samePack, options, drivers };
}

type Similarity = Omit<Precedent, 'id' | 'number' | 'title' | 'status' | 'date' | 'chosen' | 'rationale'>;

/** The measure in words, most telling first. */
function explain(m: Measure): Similarity {
  const sharedOptions = m.options.map(([x]) => x.name);
  const sharedCriteria = m.drivers.map(([x]) => x.name);
  const reasons: string[] = [];
  if (m.samePack) reasons.push('Same knowledge pack');
  if (sharedOptions.length) reasons.push(`Options in common: ${sharedOptions.join(', ')}`);
  if (sharedCriteria.length) reasons.push(`Criteria in common: ${sharedCriteria.join(', ')}`);
  for (const [x, y] of m.drivers) {
    if (Math.abs(x.weight - y.weight) >= WEIGHT_GAP)
      reasons.push(`${x.name} weighted ${y.weight} there, ${x.weight} here`);
  }
  return { similarity: m.similarity, samePack: m.samePack, sharedOptions, sharedCriteria, reasons };
}

/** How alike `candidate` is to `target`, with the reasons (similarity 0 when nothing is shared). */
export function similarity(target: PrecedentInput, candidate: PrecedentInput): Similarity {
  return explain(measure(prepare(target), candidate));
}

/**
 * The candidates most like `target`, best first: by similarity, then those that chose something,
 * then accepted ones, then the most recent. The target itself is never its own precedent. Only the
 * ones returned are put into words.
 */
export function rankPrecedents(
  target: PrecedentInput,
  candidates: PrecedentInput[],
  limit = 10,
  min = MIN_SIMILARITY,
): Precedent[] {
  const t = prepare(target);
  const ranked: { c: PrecedentInput; m: Measure; chosen: string | null }[] = [];
  for (const c of candidates) {
    if (c.id === target.id) continue;
    const m = measure(t, c);
    if (m.similarity < min) continue;
    ranked.push({ c, m, chosen: c.options.find((o) => o.id === c.chosenOption)?.name ?? null });
  }
  ranked.sort(
    (a, b) =>
      b.m.similarity - a.m.similarity ||
      Number(b.chosen !== null) - Number(a.chosen !== null) ||
      Number(b.c.status === 'accepted') - Number(a.c.status === 'accepted') ||
      b.c.date.localeCompare(a.c.date) ||
      a.c.id.localeCompare(b.c.id),
  );
  return ranked.slice(0, limit).map(({ c, m, chosen }) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    status: c.status,
    date: c.date,
    chosen,
    rationale: shorten(c.rationale),
    ...explain(m),
  }));
}
