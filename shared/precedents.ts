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

/** Pairs items of two lists that answer to a common name; each item is used at most once. */
function matchByAlias<A extends Named, B extends Named>(a: A[], b: B[]): [A, B][] {
  const used = new Set<number>();
  const pairs: [A, B][] = [];
  for (const x of a) {
    const j = b.findIndex((y, k) => !used.has(k) && y.aliases.some((n) => x.aliases.includes(n)));
    if (j < 0) continue;
    used.add(j);
    pairs.push([x, b[j]!]);
  }
  return pairs;
}

const optionsOf = (d: PrecedentInput) => d.options.map((o) => ({ name: o.name, aliases: aliasesOf(o.name, o.option) }));
const driversOf = (d: PrecedentInput) => d.drivers.map((x) => ({ name: x.name, weight: x.weight, aliases: aliasesOf(x.name, x.criterion) }));

function shorten(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** How alike `candidate` is to `target`, with the reasons (similarity 0 when nothing is shared). */
export function similarity(target: PrecedentInput, candidate: PrecedentInput): Omit<Precedent, 'id' | 'number' | 'title' | 'status' | 'date' | 'chosen' | 'rationale'> {
  let total = 0;
  let weight = 0;
  const reasons: string[] = [];

  const samePack = target.pack !== null && target.pack === candidate.pack;
  if (target.pack !== null) {
    weight += SIMILARITY_WEIGHTS.pack;
    if (samePack) total += SIMILARITY_WEIGHTS.pack;
  }

  const mine = optionsOf(target);
  const theirs = optionsOf(candidate);
  const sharedOptions = matchByAlias(mine, theirs).map(([x]) => x.name);
  if (mine.length) {
    weight += SIMILARITY_WEIGHTS.options;
    const union = mine.length + theirs.length - sharedOptions.length;
    total += SIMILARITY_WEIGHTS.options * (sharedOptions.length / union);
  }

  // Weighted Jaccard over criteria, weights shifted by one so that a criterion weighted 0 still
  // counts as considered: the more both care about the same criteria, the closer they are.
  const myDrivers = driversOf(target);
  const theirDrivers = driversOf(candidate);
  const pairs = matchByAlias(myDrivers, theirDrivers);
  if (myDrivers.length) {
    weight += SIMILARITY_WEIGHTS.criteria;
    let min = 0;
    let max = 0;
    for (const [x, y] of pairs) {
      min += Math.min(x.weight, y.weight) + 1;
      max += Math.max(x.weight, y.weight) + 1;
    }
    const paired = new Set(pairs.flatMap(([x, y]) => [x, y]));
    for (const d of [...myDrivers, ...theirDrivers]) if (!paired.has(d)) max += d.weight + 1;
    total += SIMILARITY_WEIGHTS.criteria * (max ? min / max : 0);
  }

  if (samePack) reasons.push('Same knowledge pack');
  if (sharedOptions.length) reasons.push(`Options in common: ${sharedOptions.join(', ')}`);
  if (pairs.length) reasons.push(`Criteria in common: ${pairs.map(([x]) => x.name).join(', ')}`);
  for (const [x, y] of pairs) {
    if (Math.abs(x.weight - y.weight) >= WEIGHT_GAP) reasons.push(`${x.name} weighted ${y.weight} there, ${x.weight} here`);
  }

  return {
    similarity: weight ? Math.round((total / weight) * 1000) / 1000 : 0,
    samePack,
    sharedOptions,
    sharedCriteria: pairs.map(([x]) => x.name),
    reasons,
  };
}

/**
 * The candidates most like `target`, best first: by similarity, then those that chose something,
 * then accepted ones, then the most recent. The target itself is never its own precedent.
 */
export function rankPrecedents(target: PrecedentInput, candidates: PrecedentInput[], limit = 10, min = MIN_SIMILARITY): Precedent[] {
  const ranked: Precedent[] = [];
  for (const c of candidates) {
    if (c.id === target.id) continue;
    const s = similarity(target, c);
    if (s.similarity < min) continue;
    ranked.push({
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status,
      date: c.date,
      chosen: c.options.find((o) => o.id === c.chosenOption)?.name ?? null,
      rationale: shorten(c.rationale),
      ...s,
    });
  }
  ranked.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      Number(b.chosen !== null) - Number(a.chosen !== null) ||
      Number(b.status === 'accepted') - Number(a.status === 'accepted') ||
      b.date.localeCompare(a.date) ||
      a.id.localeCompare(b.id),
  );
  return ranked.slice(0, limit);
}
