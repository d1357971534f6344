/**
 * Side-by-side comparison of 2–4 decisions: their drivers, options, scores, chosen options and
 * the claims each relied on, aligned row by row, with the differences worth a reader's attention.
 * Pure: the core hands in whole decisions and a way to read a score; nothing here touches storage.
 */
import { z } from 'zod';
import { Effect, Id, IsoDate, Status, type Decision } from './domain.js';
import { buildMatrix, sharePercent, type Matrix } from './scoring.js';
import { WEIGHT_WARNING_SPREAD } from './vocabulary.js';

export { WEIGHT_WARNING_SPREAD };

/** Scores this far apart (on the 1–5 scale) for the same option and criterion are reported. */
export const SCORE_DIFFERENCE = 2;

/** Names repeat across thousands of decisions (pack criteria above all), so each is folded once. */
const folded = new Map<string, string>();

/** Case, accents, punctuation and spacing do not matter when matching names across decisions. */
export function normalise(name: string): string {
  let n = folded.get(name);
  if (n !== undefined) return n;
  n = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (folded.size > 20_000) folded.clear();
  folded.set(name, n);
  return n;
}

/**
 * The names a driver or option answers to: the knowledge-pack id it came from and its own name.
 * Two items match when they share one, so a pack criterion lines up with an imported driver of
 * the same name even though only one of them knows the pack.
 */
export function aliasesOf(name: string, packRef: string | null): string[] {
  const out = new Set<string>();
  if (packRef) out.add(normalise(packRef));
  const n = normalise(name);
  if (n) out.add(n);
  return [...out];
}

interface Row<T> {
  aliases: Set<string>;
  cells: (T | null)[];
}

/**
 * Lines up items of several decisions: a row per thing, a cell per decision. Each decision
 * contributes at most one item per row; rows every decision shares come first, then in order of
 * first appearance.
 */
export function alignRows<T>(groups: T[][], aliases: (item: T) => string[]): Row<T>[] {
  const rows: Row<T>[] = [];
  groups.forEach((items, g) => {
    for (const item of items) {
      const names = aliases(item);
      let row = rows.find((r) => r.cells[g] === null && names.some((a) => r.aliases.has(a)));
      if (!row) {
        row = { aliases: new Set(), cells: groups.map(() => null) };
        rows.push(row);
      }
      row.cells[g] = item;
      for (const a of names) row.aliases.add(a);
    }
  });
  const full = (r: Row<T>) => r.cells.every((c) => c !== null);
  return [...rows.filter(full), ...rows.filter((r) => !full(r))];
}

/** Row keys for JSON readers: the row's first alias, made unique. */
function keysFor(rows: Row<unknown>[], fallback: string): string[] {
  const seen = new Set<string>();
  return rows.map((r, i) => {
    const base = [...r.aliases][0] || `${fallback}${i + 1}`;
    let key = base;
    for (let n = 2; seen.has(key); n++) key = `${base}-${n}`;
    seen.add(key);
    return key;
  });
}

export const ComparedDecision = z.object({
  id: Id,
  number: z.number().int().nullable(),
  /** How messages name the decision: "ADR 3", or its title while it is a draft. */
  label: z.string(),
  title: z.string(),
  status: Status,
  date: IsoDate,
  pack: Id.nullable(),
  decisionMakers: z.array(z.string()),
  tags: z.array(z.string()),
  /** Name of the chosen option, or null while none is chosen. */
  chosen: z.string().nullable(),
  /** Key of the chosen option's row in `options`. */
  chosenKey: z.string().nullable(),
  rationale: z.string(),
  /**
   * Per row of `options`: the option's weighted total as a share of the most it could reach
   * (0–1), or null where the option was not considered or nothing is weighted.
   */
  shares: z.array(z.number().nullable()),
  /** Key of the option its weighted matrix ranks first, or null on a tie or without drivers. */
  leaderKey: z.string().nullable(),
});
export type ComparedDecision = z.infer<typeof ComparedDecision>;

export const OptionCell = z.object({ option: Id, name: z.string(), chosen: z.boolean() });
export const OptionRow = z.object({ key: z.string(), name: z.string(), cells: z.array(OptionCell.nullable()) });
export type OptionRow = z.infer<typeof OptionRow>;

export const ComparedClaim = z.object({
  id: Id,
  /** Key of the option row the claim speaks about. */
  option: z.string().nullable(),
  optionName: z.string(),
  effect: Effect,
  summary: z.string(),
  condition: z.string().nullable(),
  source: z.string().nullable(),
  outdated: z.boolean(),
  /** How many of the other compared decisions relied on this same claim. */
  sharedWith: z.number().int(),
});
export type ComparedClaim = z.infer<typeof ComparedClaim>;

export const CriterionCell = z.object({
  driver: Id,
  name: z.string(),
  weight: z.number().int(),
  /** One score per row of `options` (null: not scored, or the option was not considered here). */
  scores: z.array(z.number().nullable()),
  /** The accepted claims under this criterion: what this decision relied on. */
  claims: z.array(ComparedClaim),
});
export type CriterionCell = z.infer<typeof CriterionCell>;

export const CriterionRow = z.object({
  key: z.string(),
  name: z.string(),
  cells: z.array(CriterionCell.nullable()),
  /** Highest weight minus lowest among the decisions that have this criterion. */
  weightSpread: z.number().int(),
});
export type CriterionRow = z.infer<typeof CriterionRow>;

export const DIFFERENCE_KINDS = ['chosen', 'weight', 'criterion', 'option', 'score', 'claim'] as const;
export const Difference = z.object({
  kind: z.enum(DIFFERENCE_KINDS),
  severity: z.enum(['warning', 'info']),
  criterion: z.string().nullable(),
  option: z.string().nullable(),
  message: z.string(),
});
export type Difference = z.infer<typeof Difference>;

export const Comparison = z.object({
  decisions: z.array(ComparedDecision),
  options: z.array(OptionRow),
  criteria: z.array(CriterionRow),
  /** Warnings first, then by kind in the order of DIFFERENCE_KINDS. */
  differences: z.array(Difference),
});
export type Comparison = z.infer<typeof Comparison>;

/** Reads the score of an option under a driver; null when there is none. */
export type ScoreOf = (decision: Decision, option: string, driver: string) => number | null;

/** The scores a user set by hand, and nothing else. */
export const manualScore: ScoreOf = (d, option, driver) =>
  d.evaluation.scores.find((s) => s.option === option && s.driver === driver)?.value ?? null;

const matrices = new WeakMap<Decision, Matrix>();
function matrixOf(d: Decision): Matrix {
  let m = matrices.get(d);
  if (!m) matrices.set(d, (m = buildMatrix(d)));
  return m;
}

/**
 * The score the decision's matrix uses: the user's own, else the one its accepted claims
 * pre-fill (shared/scoring.ts); null where neither exists, rather than the neutral 3 the
 * matrix counts, so a comparison does not show agreement nobody expressed.
 */
export const effectiveScore: ScoreOf = (d, option, driver) => {
  const cell = matrixOf(d)
    .rows.find((r) => r.driver === driver)
    ?.cells.find((c) => c.option === option);
  return cell && cell.source !== 'missing' ? cell.score : null;
};

export function labelOf(d: { number: number | null; title: string }): string {
  if (d.number !== null) return `ADR ${d.number}`;
  return `“${d.title.length > 40 ? `${d.title.slice(0, 39)}…` : d.title}”`;
}

/** "ADR 3", "ADR 3 and ADR 7", "ADR 3, ADR 5 and ADR 7". */
function joinLabels(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function compareDecisions(decisions: Decision[], scoreOf: ScoreOf = effectiveScore): Comparison {
  const labels = decisions.map(labelOf);
  const optionRows = alignRows(
    decisions.map((d) => d.options),
    (o) => aliasesOf(o.name, o.option),
  );
  const optionKeys = keysFor(optionRows, 'option');
  const criterionRows = alignRows(
    decisions.map((d) => d.drivers),
    (dr) => aliasesOf(dr.name, dr.criterion),
  );
  const criterionKeys = keysFor(criterionRows, 'criterion');

  const optionKeyOf = (g: number, optionId: string): string | null => {
    const i = optionRows.findIndex((r) => r.cells[g]?.id === optionId);
    return i < 0 ? null : optionKeys[i]!;
  };

  // Which decisions accepted (or rejected) each claim, to mark shared evidence and disagreements.
  const verdicts = new Map<string, { accepted: number[]; rejected: number[]; summary: string }>();
  decisions.forEach((d, g) => {
    for (const c of d.evaluation.claims) {
      if (c.own) continue;
      const v = verdicts.get(c.id) ?? { accepted: [], rejected: [], summary: c.summary };
      (c.verdict === 'accepted' ? v.accepted : v.rejected).push(g);
      verdicts.set(c.id, v);
    }
  });

  const options: OptionRow[] = optionRows.map((r, i) => ({
    key: optionKeys[i]!,
    name: r.cells.find((c) => c !== null)!.name,
    cells: r.cells.map((o, g) =>
      o ? { option: o.id, name: o.name, chosen: decisions[g]!.chosenOption === o.id } : null,
    ),
  }));

  const criteria: CriterionRow[] = criterionRows.map((r, i) => {
    const cells = r.cells.map((dr, g): z.infer<typeof CriterionCell> | null => {
      if (!dr) return null;
      const d = decisions[g]!;
      const claims = d.evaluation.claims
        .filter((c) => c.driver === dr.id && c.verdict === 'accepted')
        .map((c) => {
          const v = c.own ? undefined : verdicts.get(c.id);
          return {
            id: c.id,
            option: optionKeyOf(g, c.option),
            optionName: d.options.find((o) => o.id === c.option)?.name ?? c.option,
            effect: c.effect,
            summary: c.summary,
            condition: c.condition,
            source: c.source?.title ?? null,
            outdated: c.outdated !== null,
            sharedWith: v ? v.accepted.filter((x) => x !== g).length : 0,
          };
        });
      return {
        driver: dr.id,
        name: dr.name,
        weight: dr.weight,
        scores: optionRows.map((or) => {
          const o = or.cells[g];
          return o ? scoreOf(d, o.id, dr.id) : null;
        }),
        claims,
      };
    });
    const weights = cells.filter((c) => c !== null).map((c) => c.weight);
    return {
      key: criterionKeys[i]!,
      name: r.cells.find((c) => c !== null)!.name,
      cells,
      weightSpread: weights.length ? Math.max(...weights) - Math.min(...weights) : 0,
    };
  });

  const compared: ComparedDecision[] = decisions.map((d, g) => {
    const chosen = d.options.find((o) => o.id === d.chosenOption) ?? null;
    const matrix = matrixOf(d);
    return {
      id: d.id,
      number: d.number,
      label: labels[g]!,
      title: d.title,
      status: d.status,
      date: d.date,
      pack: d.evaluation.pack,
      decisionMakers: d.decisionMakers,
      tags: d.tags,
      chosen: chosen?.name ?? null,
      chosenKey: chosen ? optionKeyOf(g, chosen.id) : null,
      rationale: d.rationale,
      shares: optionRows.map((r) => {
        const o = r.cells[g];
        const total = o ? matrix.totals.find((t) => t.option === o.id) : undefined;
        // Whole percents, by the one rule the matrix uses too, so Compare shows what the matrix shows.
        return total && matrix.maxTotal > 0 ? sharePercent(total.share) / 100 : null;
      }),
      leaderKey: matrix.winner !== null && matrix.maxTotal > 0 ? optionKeyOf(g, matrix.winner) : null,
    };
  });

  return {
    decisions: compared,
    options,
    criteria,
    differences: findDifferences(compared, options, criteria, verdicts, labels),
  };
}

function findDifferences(
  decisions: ComparedDecision[],
  options: OptionRow[],
  criteria: CriterionRow[],
  verdicts: Map<string, { accepted: number[]; rejected: number[]; summary: string }>,
  labels: string[],
): Difference[] {
  const out: Difference[] = [];
  const add = (
    kind: Difference['kind'],
    severity: Difference['severity'],
    message: string,
    criterion: string | null = null,
    option: string | null = null,
  ) => out.push({ kind, severity, criterion, option, message });

  const chosenKeys = new Set(decisions.map((d) => d.chosenKey).filter((k) => k !== null));
  if (chosenKeys.size > 1) {
    add(
      'chosen',
      'info',
      decisions
        .filter((d) => d.chosen)
        .map((d) => `${d.label} chose ${d.chosen}`)
        .join('; '),
    );
  }
  for (const d of decisions) {
    if (!d.chosen) add('chosen', 'info', `${d.label} has no chosen option yet`);
    else if (d.leaderKey !== null && d.leaderKey !== d.chosenKey) {
      const leader = options.find((o) => o.key === d.leaderKey)!.name;
      add(
        'chosen',
        'info',
        `${d.label} chose ${d.chosen}, though its weighted matrix ranks ${leader} first`,
        null,
        d.leaderKey,
      );
    }
  }

  const lacking = (cells: unknown[]) => cells.flatMap((c, g) => (c === null ? [labels[g]!] : []));
  const having = (cells: unknown[]) => cells.flatMap((c, g) => (c === null ? [] : [labels[g]!]));

  for (const row of criteria) {
    const present = row.cells.filter((c) => c !== null);
    if (present.length > 1 && row.weightSpread > 0) {
      const list = row.cells.flatMap((c, g) => (c ? [`${c.weight} in ${labels[g]}`] : [])).join(', ');
      if (row.weightSpread >= WEIGHT_WARNING_SPREAD)
        add('weight', 'warning', `${row.name} was weighed very differently: ${list}`, row.key);
      else add('weight', 'info', `${row.name} weighted ${list}`, row.key);
    }
    if (present.length < decisions.length) {
      add(
        'criterion',
        'info',
        `${row.name} was a driver only in ${joinLabels(having(row.cells))}, not in ${joinLabels(lacking(row.cells))}`,
        row.key,
      );
    }
  }

  for (const row of options) {
    if (row.cells.some((c) => c === null)) {
      add('option', 'info', `${row.name} was considered only in ${joinLabels(having(row.cells))}`, null, row.key);
    }
  }

  for (const crit of criteria) {
    options.forEach((opt, o) => {
      const scored = crit.cells.flatMap((c, g) => (c && c.scores[o] != null ? [{ g, v: c.scores[o]! }] : []));
      if (scored.length < 2) return;
      const values = scored.map((s) => s.v);
      if (Math.max(...values) - Math.min(...values) < SCORE_DIFFERENCE) return;
      add(
        'score',
        'info',
        `${opt.name} scored ${scored.map((s) => `${s.v} in ${labels[s.g]}`).join(', ')} for ${crit.name}`,
        crit.key,
        opt.key,
      );
    });
  }

  for (const v of verdicts.values()) {
    if (!v.accepted.length || !v.rejected.length) continue;
    add(
      'claim',
      'info',
      `“${shorten(v.summary)}” was accepted in ${joinLabels(v.accepted.map((g) => labels[g]!))}, rejected in ${joinLabels(v.rejected.map((g) => labels[g]!))}`,
    );
  }
  return sortDifferences(out);
}

function sortDifferences(list: Difference[]): Difference[] {
  const rank = (d: Difference) => (d.severity === 'warning' ? 0 : 1) * 100 + DIFFERENCE_KINDS.indexOf(d.kind);
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map((x) => x.d);
}
