/**
 * Decision quality beyond a weighted sum: must-have exclusions, the range of totals unknown and
 * uncertain cells allow, how often each option ranks first when weights and scores vary within
 * what the architect said (a seeded Monte Carlo in the spirit of SMAA), which single score would
 * flip the outcome, whether one source alone carries the winner, and where people disagree.
 *
 * Pure and deterministic: the same input and seed give the same figures on every machine, so an
 * exported ADR and a teammate's import of it state the same robustness.
 */

export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 20_260_101;
/** How far a direct weight rating is taken to be uncertain, either way, in the draws. */
export const WEIGHT_JITTER = 1;
const SCALE_MIN = 1;
const SCALE_MAX = 5;
const WEIGHT_CAP = 5;

/** One option × criterion as robustness sees it: a point score, a range, or unknown (null, range 1–5). */
export interface QualityCell {
  value: number | null;
  min: number;
  max: number;
}

export interface QualityInput {
  options: readonly { id: string; name: string }[];
  /** Weighted criteria only, in display order. */
  drivers: readonly { id: string; name: string; weight: number; minimum: number | null }[];
  /** cells[driverIndex][optionIndex] */
  cells: readonly (readonly QualityCell[])[];
}

export interface Exclusion {
  option: string;
  driver: string;
  minimum: number;
  score: number;
}

export interface UnknownCell {
  option: string;
  driver: string;
}

export interface TotalRange {
  option: string;
  /** Total with every unknown or ranged cell at its low end (unknowns at 1). */
  min: number;
  /** … and at its high end (unknowns at 5). */
  max: number;
}

export interface Flip {
  option: string;
  driver: string;
  from: number;
  to: number;
  /** The option that leads after the change. */
  winner: string;
  statement: string;
}

export interface Robustness {
  draws: number;
  seed: number;
  /** Share of draws (0–1) in which each option ranks first; ties split the draw. */
  firstShare: Record<string, number>;
  flips: Flip[];
}

/** A small, fast, well-distributed 32-bit PRNG; the seed makes every run repeatable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Options that fail a must-have: their score on that criterion is known and below its minimum. */
export function findExclusions(input: QualityInput): Exclusion[] {
  const out: Exclusion[] = [];
  input.drivers.forEach((d, r) => {
    if (d.minimum === null) return;
    input.options.forEach((o, c) => {
      const cell = input.cells[r]![c]!;
      // A range counts against a must-have only when all of it lies below the minimum.
      const score = cell.value ?? (cell.min === SCALE_MIN && cell.max === SCALE_MAX ? null : cell.max);
      if (score !== null && score < d.minimum!) out.push({ option: o.id, driver: d.id, minimum: d.minimum!, score });
    });
  });
  return out;
}

/** Cells of weighted criteria with neither evidence nor a score: unknown, never a silent 3. */
export function findUnknowns(input: QualityInput): UnknownCell[] {
  const out: UnknownCell[] = [];
  input.drivers.forEach((d, r) =>
    input.options.forEach((o, c) => input.cells[r]![c]!.value === null && out.push({ option: o.id, driver: d.id })),
  );
  return out;
}

export function totalRanges(input: QualityInput): TotalRange[] {
  return input.options.map((o, c) => {
    let min = 0;
    let max = 0;
    input.drivers.forEach((d, r) => {
      const cell = input.cells[r]![c]!;
      min += d.weight * (cell.value !== null && cell.min === cell.max ? cell.value : cell.min);
      max += d.weight * (cell.value !== null && cell.min === cell.max ? cell.value : cell.max);
    });
    return { option: o.id, min, max };
  });
}

/**
 * Whether the unknown cells could change the winner, and which one to fill first: the unknown
 * cell of the leader or a contender whose weight can move the totals most.
 */
export function unknownAdvice(
  input: QualityInput,
  winner: string | null,
  excluded: ReadonlySet<string>,
): { couldChangeWinner: boolean; fillFirst: UnknownCell | null } {
  if (winner === null) return { couldChangeWinner: false, fillFirst: null };
  const ranges = totalRanges(input);
  const lead = ranges.find((r) => r.option === winner)!;
  const contenders = ranges
    .filter((r) => r.option !== winner && !excluded.has(r.option) && r.max >= lead.min)
    .map((r) => r.option);
  if (!contenders.length) return { couldChangeWinner: false, fillFirst: null };
  const relevant = new Set([winner, ...contenders]);
  let best: { cell: UnknownCell; swing: number } | null = null;
  input.drivers.forEach((d, r) =>
    input.options.forEach((o, c) => {
      const cell = input.cells[r]![c]!;
      if (!relevant.has(o.id) || cell.max === cell.min) return;
      const swing = d.weight * (cell.max - cell.min);
      if (!best || swing > best.swing) best = { cell: { option: o.id, driver: d.id }, swing };
    }),
  );
  const chosen = best as { cell: UnknownCell; swing: number } | null;
  return { couldChangeWinner: true, fillFirst: chosen?.cell ?? null };
}

/**
 * How often each option ranks first when every weight varies by up to WEIGHT_JITTER either way
 * (within 0–5; a criterion weighted 0 is not a driver and stays out) and every ranged or unknown
 * score is drawn uniformly from its range. Excluded options never rank first.
 */
export function rankStability(
  input: QualityInput,
  excluded: ReadonlySet<string>,
  draws = DEFAULT_DRAWS,
  seed = DEFAULT_SEED,
): Record<string, number> {
  const nOpt = input.options.length;
  const nDrv = input.drivers.length;
  const firsts = new Float64Array(nOpt);
  const eligible = input.options.map((o) => !excluded.has(o.id));
  if (!eligible.some(Boolean) || nDrv === 0) return Object.fromEntries(input.options.map((o) => [o.id, 0]));
  const random = mulberry32(seed);
  const lo = new Float64Array(nDrv * nOpt);
  const span = new Float64Array(nDrv * nOpt);
  for (let r = 0; r < nDrv; r++) {
    for (let c = 0; c < nOpt; c++) {
      const cell = input.cells[r]![c]!;
      const fixed = cell.value !== null && cell.min === cell.max;
      lo[r * nOpt + c] = fixed ? cell.value! : cell.min;
      span[r * nOpt + c] = fixed ? 0 : cell.max - cell.min;
    }
  }
  const wLo = input.drivers.map((d) => Math.max(0, d.weight - WEIGHT_JITTER));
  const wSpan = input.drivers.map((d, r) => Math.min(WEIGHT_CAP, d.weight + WEIGHT_JITTER) - wLo[r]!);
  const totals = new Float64Array(nOpt);
  for (let n = 0; n < draws; n++) {
    totals.fill(0);
    for (let r = 0; r < nDrv; r++) {
      const w = wLo[r]! + random() * wSpan[r]!;
      const base = r * nOpt;
      for (let c = 0; c < nOpt; c++) {
        const s = span[base + c]!;
        totals[c]! += w * (s === 0 ? lo[base + c]! : lo[base + c]! + random() * s);
      }
    }
    let top = -Infinity;
    let count = 0;
    for (let c = 0; c < nOpt; c++) {
      if (!eligible[c]) continue;
      const t = totals[c]!;
      if (t > top + 1e-9) {
        top = t;
        count = 1;
      } else if (Math.abs(t - top) <= 1e-9) count++;
    }
    for (let c = 0; c < nOpt; c++) if (eligible[c] && Math.abs(totals[c]! - top) <= 1e-9) firsts[c]! += 1 / count;
  }
  return Object.fromEntries(input.options.map((o, c) => [o.id, firsts[c]! / draws]));
}

/**
 * Single scores that would change the winner, smallest change first: for every other option, the
 * cell whose raise (to at most 5) gives it the sole lead; for the winner, the cell whose drop hands
 * the lead to another. Point scores only; unknown cells are reported as unknowns instead.
 */
export function findFlips(
  input: QualityInput,
  winner: string | null,
  excluded: ReadonlySet<string>,
  limit = 5,
): Flip[] {
  if (winner === null) return [];
  const point = (cell: QualityCell) => cell.value ?? (cell.min + cell.max) / 2;
  const totals = input.options.map((_, c) =>
    input.drivers.reduce((sum, d, r) => sum + d.weight * point(input.cells[r]![c]!), 0),
  );
  const w = input.options.findIndex((o) => o.id === winner);
  if (w < 0) return [];
  const name = (id: string) => input.options.find((o) => o.id === id)?.name ?? id;
  const eligible = (c: number) => !excluded.has(input.options[c]!.id);
  const leaderAfter = (next: number[]): number | null => {
    let best = -1;
    let tied = false;
    next.forEach((t, c) => {
      if (!eligible(c)) return;
      if (best < 0 || t > next[best]! + 1e-9) {
        best = c;
        tied = false;
      } else if (Math.abs(t - next[best]!) <= 1e-9) tied = true;
    });
    return best < 0 || tied ? null : best;
  };
  const flips: (Flip & { size: number; weight: number })[] = [];
  input.drivers.forEach((d, r) => {
    if (d.weight === 0) return;
    input.options.forEach((o, c) => {
      const cell = input.cells[r]![c]!;
      if (cell.value === null || !eligible(c)) return;
      const steps = c === w ? [-1, -2, -3, -4] : [1, 2, 3, 4];
      for (const step of steps) {
        const to = cell.value + step;
        if (to < SCALE_MIN || to > SCALE_MAX) break;
        const next = totals.map((t, k) => (k === c ? t + d.weight * step : t));
        const lead = leaderAfter(next);
        if (lead !== null && lead !== w) {
          const winnerId = input.options[lead]!.id;
          const statement =
            c === w
              ? `${name(winnerId)} wins if ${o.name}'s ${d.name} score were ${to} instead of ${cell.value}.`
              : `${o.name} wins if its ${d.name} score were ${to} instead of ${cell.value}.`;
          flips.push({
            option: o.id,
            driver: d.id,
            from: cell.value,
            to,
            winner: winnerId,
            statement,
            size: Math.abs(step),
            weight: d.weight,
          });
          break;
        }
      }
    });
  });
  return (
    flips
      // Smallest change first; at equal size a rival's raise reads more naturally than the winner's drop.
      .sort(
        (a, b) => a.size - b.size || Number(a.option === winner) - Number(b.option === winner) || b.weight - a.weight,
      )
      .slice(0, limit)
      .map(({ size: _size, weight: _weight, ...f }) => f)
  );
}

export interface PersonView {
  name: string;
  weights: Record<string, number>;
  scores: { option: string; driver: string; value: number }[];
}

export interface CellAgreement {
  option: string;
  driver: string;
  values: { person: string; value: number }[];
  /** Highest minus lowest value given; 0 when everyone agrees. */
  spread: number;
  mean: number;
}

/** Per cell, what each person scored and how far apart they are; the widest disagreements first. */
export function agreement(people: readonly PersonView[]): CellAgreement[] {
  const cells = new Map<string, CellAgreement>();
  for (const p of people) {
    for (const s of p.scores) {
      const key = `${s.option}\u0000${s.driver}`;
      const cell = cells.get(key) ?? { option: s.option, driver: s.driver, values: [], spread: 0, mean: 0 };
      cell.values.push({ person: p.name, value: s.value });
      cells.set(key, cell);
    }
  }
  return [...cells.values()]
    .map((c) => {
      const vs = c.values.map((v) => v.value);
      return { ...c, spread: Math.max(...vs) - Math.min(...vs), mean: vs.reduce((a, b) => a + b, 0) / vs.length };
    })
    .sort((a, b) => b.spread - a.spread || a.driver.localeCompare(b.driver) || a.option.localeCompare(b.option));
}
