/**
 * Scoring a decision: which claims count, the score each option gets per driver, the weighted
 * matrix, and how sensitive its winner is to the weights. Pure functions of a decision's
 * content, shared by the wizard, the CLI, the API and the exporter, so every place shows the
 * same numbers. Nothing here knows about a particular pack, option or condition.
 */
import type { Consequence, DecisionContent, Driver, EvidenceClaim, Effect, Score } from './domain.js';
import {
  agreement,
  DEFAULT_DRAWS,
  findExclusions,
  findFlips,
  findUnknowns,
  rankStability,
  unknownAdvice,
  type CellAgreement,
  type Exclusion,
  type Flip,
  type QualityInput,
  type UnknownCell,
} from './robustness.js';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** What a cell with neither evidence nor a score of the user's counts as: the middle of the scale. */
export const NEUTRAL_SCORE = 3;
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 5;
/** Evidence needs at least this much weight (one major claim) to move a score all the way to 1 or 5. */
export const EVIDENCE_SATURATION = 3;
/** A lead smaller than this share of the possible total is a close call. */
export const CLOSE_CALL_SHARE = 0.05;

/** The pre-fill rule in words: the wizard shows it, the README repeats it. */
export const PREFILL_RULE =
  'Each accepted claim counts with its importance (1 minor, 2 moderate, 3 major), halved when the claim is outdated. ' +
  'Good claims add, bad claims subtract, neutral claims only add to the evidence. ' +
  `Score = 3 + 2 × (good − bad) ÷ the larger of the evidence and ${EVIDENCE_SATURATION}, rounded to a whole number from 1 to 5. ` +
  'One minor claim moves a score by one step; strong one-sided evidence reaches 1 or 5. ' +
  'Rejected claims and claims set aside (their condition does not hold) do not count. ' +
  'With no counted claim and no score of yours, a cell is unknown: totals show the range it allows (1 to 5) and rank by its middle.';

export const WEIGHT_LABELS = ['Not relevant', 'Minor', 'Some', 'Important', 'Major', 'Critical'] as const;
export const SCORE_LABELS: Record<number, string> = { 1: 'Poor', 2: 'Weak', 3: 'Adequate', 4: 'Good', 5: 'Excellent' };

/**
 * The one rounding rule for shares shown as percentages (matrix, Compare, CLI, rationale): the
 * exact share, rounded once to a whole percent. Rounding an already rounded share again (0.7749 →
 * 0.775 → 78%) made the matrix and Compare disagree.
 */
export function sharePercent(share: number): number {
  return Math.round(share * 100);
}

/** Answers to condition questions: true holds, false does not (its claims are set aside), null or absent not answered. */
export type ConditionAnswers = Record<string, boolean | null>;

type ClaimLike = Pick<EvidenceClaim, 'condition' | 'verdict' | 'effect' | 'importance' | 'outdated'>;

/** True when the claim's condition was answered "does not hold": the claim is kept, shown, and not counted. */
export function isSetAside(claim: Pick<EvidenceClaim, 'condition'>, answers: ConditionAnswers): boolean {
  return claim.condition !== null && answers[claim.condition] === false;
}

export type ClaimStanding = 'counted' | 'rejected' | 'unreviewed' | 'set-aside';

/** Whether a claim counts; a claim set aside reads as set aside even when it was also rejected. */
export function claimStanding(claim: ClaimLike, answers: ConditionAnswers): ClaimStanding {
  if (isSetAside(claim, answers)) return 'set-aside';
  return claim.verdict === 'accepted' ? 'counted' : claim.verdict;
}

/** How much one counted claim weighs: its importance, halved when outdated. */
export function claimWeight(claim: Pick<EvidenceClaim, 'importance' | 'outdated'>): number {
  return claim.importance * (claim.outdated ? 0.5 : 1);
}

const EFFECT_SIGN: Record<Effect, number> = { good: 1, neutral: 0, bad: -1 };

export interface ConditionQuestion {
  condition: string;
  /** How many claims depend on it. */
  claims: number;
  /** The drivers those claims are about, in driver order. */
  drivers: string[];
  answer: boolean | null;
}

/**
 * The conditions claims depend on, each once: the ones most claims depend on first, then by name.
 * Only claims about the decision's drivers and options are asked about.
 */
export function collectConditions(
  content: Pick<DecisionContent, 'drivers' | 'options' | 'evaluation'>,
): ConditionQuestion[] {
  const driverOrder = new Map(content.drivers.map((d, i) => [d.id, i]));
  const optionIds = new Set(content.options.map((o) => o.id));
  const found = new Map<string, { claims: number; drivers: Set<string> }>();
  for (const claim of content.evaluation.claims) {
    if (claim.condition === null || !driverOrder.has(claim.driver) || !optionIds.has(claim.option)) continue;
    const entry = found.get(claim.condition) ?? { claims: 0, drivers: new Set<string>() };
    entry.claims++;
    entry.drivers.add(claim.driver);
    found.set(claim.condition, entry);
  }
  return [...found.entries()]
    .map(([condition, e]) => ({
      condition,
      claims: e.claims,
      drivers: [...e.drivers].sort((a, b) => driverOrder.get(a)! - driverOrder.get(b)!),
      answer: content.evaluation.conditions[condition] ?? null,
    }))
    .sort((a, b) => b.claims - a.claims || a.condition.localeCompare(b.condition));
}

export interface Prefill {
  /** The pre-filled score 1–5, or null when no claim counts. */
  value: number | null;
  good: number;
  neutral: number;
  bad: number;
  /** Counted claims that are outdated (and so count at half). */
  outdated: number;
  rejected: number;
  /** Claims nobody has accepted or rejected yet: shown, never counted. */
  unreviewed: number;
  setAside: number;
  /** Sum of signed claim weights (good minus bad). */
  net: number;
  /** Sum of the weights of every counted claim. */
  evidence: number;
}

/** The score the evidence suggests for one option under one driver; see PREFILL_RULE. */
export function prefillScore(claims: readonly ClaimLike[], answers: ConditionAnswers): Prefill {
  const p: Prefill = {
    value: null,
    good: 0,
    neutral: 0,
    bad: 0,
    outdated: 0,
    rejected: 0,
    unreviewed: 0,
    setAside: 0,
    net: 0,
    evidence: 0,
  };
  for (const claim of claims) {
    const standing = claimStanding(claim, answers);
    if (standing === 'set-aside') p.setAside++;
    else if (standing === 'rejected') p.rejected++;
    else if (standing === 'unreviewed') p.unreviewed++;
    else {
      const w = claimWeight(claim);
      p[claim.effect]++;
      if (claim.outdated) p.outdated++;
      p.net += EFFECT_SIGN[claim.effect] * w;
      p.evidence += w;
    }
  }
  if (p.good + p.neutral + p.bad === 0) return p;
  const offset = (2 * p.net) / Math.max(p.evidence, EVIDENCE_SATURATION);
  // Half steps round away from the middle, so good and bad evidence are treated alike.
  const steps = Math.sign(offset) * Math.round(Math.abs(offset) + 1e-9);
  p.value = clamp(NEUTRAL_SCORE + steps, SCORE_MIN, SCORE_MAX);
  return p;
}

/** One line saying how a pre-filled score came about, for the screen. */
export function describePrefill(p: Prefill): string {
  const counted = p.good + p.neutral + p.bad;
  const parts: string[] = [];
  if (counted === 0) parts.push('No counted claim, so the score is unknown until you set one');
  else {
    const kinds = [p.good && `${p.good} good`, p.neutral && `${p.neutral} neutral`, p.bad && `${p.bad} bad`]
      .filter(Boolean)
      .join(', ');
    parts.push(`Pre-filled ${p.value} from ${counted} claim${counted === 1 ? '' : 's'} (${kinds})`);
    if (p.outdated) parts.push(`${p.outdated} outdated, counted at half`);
  }
  if (p.rejected) parts.push(`${p.rejected} rejected`);
  if (p.unreviewed) parts.push(`${p.unreviewed} not reviewed yet`);
  if (p.setAside) parts.push(`${p.setAside} set aside`);
  return parts.join('; ') + '.';
}

export type ScoreSource = 'manual' | 'prefilled' | 'missing';

export interface Cell {
  option: string;
  driver: string;
  /** The score: the user's, else the pre-filled one; null when unknown (no evidence, no score). */
  score: number | null;
  /** The range the score may lie in: a range the user gave, 1–5 when unknown, else the score itself. */
  min: number;
  max: number;
  /** What the totals count: the score, or the middle of its range when unknown. */
  point: number;
  /** `missing`: unknown — no counted claim and no score of the user's. */
  source: ScoreSource;
  /** The user's note on a score they set. */
  note: string;
  prefill: Prefill;
  /** weight × point */
  contribution: number;
}

export interface MatrixRow {
  driver: string;
  name: string;
  weight: number;
  /** One per option, in option order. */
  cells: Cell[];
}

export interface OptionTotal {
  option: string;
  name: string;
  total: number;
  /** total ÷ the highest possible total (every weighted score 5), 0 when nothing is weighted. */
  share: number;
  /** 1 for the highest total; tied options share a rank (1, 1, 3). */
  rank: number;
  /** Weighted cells that are unknown for lack of evidence or a score. */
  missing: number;
  /** The total with every unknown or ranged cell at its low end, and at its high end. */
  min: number;
  max: number;
  /** Below a must-have on some criterion: ranked apart, never the winner. */
  excluded: boolean;
}

export interface Matrix {
  options: { id: string; name: string }[];
  rows: MatrixRow[];
  /** In option order. */
  totals: OptionTotal[];
  /** Option ids, highest total first (excluded options after the others); ties keep option order. */
  ranking: string[];
  /** The options with the highest total (more than one on a tie; empty without options). */
  leaders: string[];
  /** The single leader, or null on a tie or without options. */
  winner: string | null;
  /** The highest total any option could reach. */
  maxTotal: number;
}

type Scorable = Pick<DecisionContent, 'drivers' | 'options' | 'evaluation'>;

/**
 * The weights and hand-set scores the matrix counts, after combining people's views as the
 * decision says: its own, the mean of everyone's (rounded; a person who left a weight or score
 * unset follows the decision's own), or one person's call.
 */
export function effectiveViews(content: Scorable): { weights: Map<string, number>; scores: Map<string, Score> } {
  const { evaluation } = content;
  const own = new Map(evaluation.scores.map((s) => [cellKey(s.option, s.driver), s]));
  const weights = new Map(content.drivers.map((d) => [d.id, d.weight]));
  const people =
    evaluation.combine.method === 'person'
      ? evaluation.people.filter((p) => p.name === evaluation.combine.person)
      : evaluation.people;
  if (evaluation.combine.method === 'own' || people.length === 0) return { weights, scores: own };
  for (const d of content.drivers) {
    const values = people.map((p) => p.weights[d.id] ?? d.weight);
    weights.set(d.id, Math.round(values.reduce((a, b) => a + b, 0) / values.length));
  }
  const scores = new Map<string, Score>();
  const keys = new Set([...own.keys(), ...people.flatMap((p) => p.scores.map((s) => cellKey(s.option, s.driver)))]);
  for (const key of keys) {
    const [option, driver] = key.split('\u0000') as [string, string];
    const values = people
      .map((p) => p.scores.find((s) => s.option === option && s.driver === driver)?.value ?? own.get(key)?.value)
      .filter((v): v is number => v !== undefined);
    if (!values.length) continue;
    const value = Math.round(values.reduce((a, b) => a + b, 0) / values.length);
    const ownScore = own.get(key);
    const inRange = ownScore?.min != null && ownScore.max != null && ownScore.min <= value && value <= ownScore.max;
    scores.set(key, {
      option,
      driver,
      value,
      note: ownScore?.note ?? '',
      min: inRange ? ownScore.min : null,
      max: inRange ? ownScore.max : null,
    });
  }
  return { weights, scores };
}

/** The weighted matrix: every option × driver with its effective score, totals and ranking. */
export function buildMatrix(content: Scorable): Matrix {
  const { evaluation } = content;
  const claimsByCell = new Map<string, EvidenceClaim[]>();
  for (const claim of evaluation.claims) {
    const key = cellKey(claim.option, claim.driver);
    const list = claimsByCell.get(key);
    if (list) list.push(claim);
    else claimsByCell.set(key, [claim]);
  }
  const { weights, scores: manual } = effectiveViews(content);
  const rows: MatrixRow[] = content.drivers.map((d) => {
    const weight = weights.get(d.id) ?? d.weight;
    return {
      driver: d.id,
      name: d.name,
      weight,
      cells: content.options.map((o) => {
        const key = cellKey(o.id, d.id);
        const prefill = prefillScore(claimsByCell.get(key) ?? [], evaluation.conditions);
        const own = manual.get(key);
        const source: ScoreSource = own ? 'manual' : prefill.value !== null ? 'prefilled' : 'missing';
        const score = own?.value ?? prefill.value ?? null;
        const ranged = own && own.min !== null && own.max !== null;
        const min = score === null ? SCORE_MIN : ranged ? own.min! : score;
        const max = score === null ? SCORE_MAX : ranged ? own.max! : score;
        const point = score ?? NEUTRAL_SCORE;
        return {
          option: o.id,
          driver: d.id,
          score,
          min,
          max,
          point,
          source,
          note: own?.note ?? '',
          prefill,
          contribution: weight * point,
        };
      }),
    };
  });
  const minimums = new Map(content.drivers.map((d) => [d.id, d.minimum]));
  return summarise(
    content.options.map((o) => ({ id: o.id, name: o.name })),
    rows,
    excludedBy(
      rows,
      minimums,
      content.options.map((o) => o.id),
    ),
  );
}

/** Options below a must-have on a weighted criterion (a known score under its minimum). */
function excludedBy(rows: MatrixRow[], minimums: Map<string, number | null>, options: string[]): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    const minimum = minimums.get(r.driver) ?? null;
    if (minimum === null || r.weight === 0) continue;
    r.cells.forEach((c, i) => {
      if (c.score !== null && c.max < minimum) out.add(options[i]!);
    });
  }
  return out;
}

function summarise(options: Matrix['options'], rows: MatrixRow[], excluded: ReadonlySet<string> = new Set()): Matrix {
  const maxTotal = rows.reduce((sum, r) => sum + r.weight * SCORE_MAX, 0);
  const raw = options.map((o, i) => ({
    option: o.id,
    name: o.name,
    total: rows.reduce((sum, r) => sum + r.cells[i]!.contribution, 0),
    missing: rows.filter((r) => r.weight > 0 && r.cells[i]!.source === 'missing').length,
    min: rows.reduce((sum, r) => sum + r.weight * r.cells[i]!.min, 0),
    max: rows.reduce((sum, r) => sum + r.weight * r.cells[i]!.max, 0),
    excluded: excluded.has(o.id),
  }));
  const ranking = raw
    .map((t, i) => ({ t, i }))
    .sort((a, b) => Number(a.t.excluded) - Number(b.t.excluded) || b.t.total - a.t.total || a.i - b.i)
    .map((x) => x.t.option);
  const totals: OptionTotal[] = raw.map((t) => ({
    ...t,
    share: maxTotal > 0 ? t.total / maxTotal : 0,
    rank:
      1 +
      raw.filter((u) => Number(u.excluded) < Number(t.excluded) || (u.excluded === t.excluded && u.total > t.total))
        .length,
  }));
  const leaders = totals.filter((t) => t.rank === 1 && !t.excluded).map((t) => t.option);
  return { options, rows, totals, ranking, leaders, winner: leaders.length === 1 ? leaders[0]! : null, maxTotal };
}

export interface WeightChange {
  driver: string;
  driverName: string;
  from: number;
  to: number;
  /** The option that leads after the change (for a tie, the one that catches up). */
  option: string;
  optionName: string;
  /** Every option with the highest total after the change. */
  leaders: string[];
}

export interface Sensitivity {
  /** One sentence a person can read: "Python wins if the weight of Real-time drops from 5 to 2." */
  statement: string;
  /** The smallest change of a single weight that gives another option the sole lead (breaks a tie when tied). */
  change: WeightChange | null;
  /** A smaller change that makes another option tie with the winner, when there is one. */
  tie: WeightChange | null;
  closeCall: boolean;
  /** Why it is a close call, in words; null when it is not. */
  closeCallReason: string | null;
  /** The leader's total minus the runner-up's; null with fewer than two options. */
  margin: number | null;
}

/**
 * The smallest change of one weight (within 0–5) that changes the winner, found by trying
 * every driver at every other weight, nearest first; ties between equally small changes go to
 * the driver listed first, and a drop before a rise. A close call is a tie, a lead that one
 * step of one weight overturns, or a lead under CLOSE_CALL_SHARE of the possible total.
 */
export function sensitivity(matrix: Matrix): Sensitivity {
  const { options, rows, totals } = matrix;
  const name = (id: string) => options.find((o) => o.id === id)?.name ?? id;
  if (options.length === 0) {
    return {
      statement: 'No options yet: add at least two to compare.',
      change: null,
      tie: null,
      closeCall: false,
      closeCallReason: null,
      margin: null,
    };
  }
  if (options.length === 1) {
    return {
      statement: `Only ${options[0]!.name} is considered, so no weight can change the outcome; add another option to compare.`,
      change: null,
      tie: null,
      closeCall: false,
      closeCallReason: null,
      margin: null,
    };
  }
  const base = totals.map((t) => t.total);
  const sorted = totals
    .filter((t) => !t.excluded)
    .map((t) => t.total)
    .sort((a, b) => b - a);
  const margin = sorted.length > 1 ? sorted[0]! - sorted[1]! : null;
  const current = matrix.leaders;

  let change: WeightChange | null = null;
  let tie: WeightChange | null = null;
  for (let distance = 1; distance <= WEIGHT_MAX - WEIGHT_MIN && !change; distance++) {
    for (const row of rows) {
      if (change) break;
      for (const to of [row.weight - distance, row.weight + distance]) {
        if (to < WEIGHT_MIN || to > WEIGHT_MAX) continue;
        const next = base.map((total, i) => total + (to - row.weight) * row.cells[i]!.point);
        const top = Math.max(...next.filter((_, i) => !totals[i]!.excluded));
        const leaders = options.filter((_, i) => next[i] === top && !totals[i]!.excluded).map((o) => o.id);
        const describe = (option: string): WeightChange => ({
          driver: row.driver,
          driverName: row.name,
          from: row.weight,
          to,
          option,
          optionName: name(option),
          leaders,
        });
        if (leaders.length === 1 && !(current.length === 1 && leaders[0] === current[0])) {
          change = describe(leaders[0]!);
          break;
        }
        if (!tie && current.length === 1 && leaders.length > 1 && leaders.includes(current[0]!)) {
          tie = describe(leaders.find((l) => l !== current[0]) ?? leaders[0]!);
        }
      }
    }
  }
  if (tie && change && Math.abs(tie.to - tie.from) >= Math.abs(change.to - change.from)) tie = null;

  const moves = (c: WeightChange) =>
    `the weight of ${c.driverName} ${c.to < c.from ? 'drops' : 'rises'} from ${c.from} to ${c.to}`;
  const list = (ids: string[]) => joinNames(ids.map(name));
  let statement: string;
  if (rows.every((r) => r.weight === 0)) {
    statement = `Every criterion has weight 0, so every option totals 0.${change ? ` ${change.optionName} wins if ${moves(change)}.` : ''}`;
  } else if (current.length > 1) {
    statement =
      `${list(current)} tie at ${sorted[0]} points. ` +
      (change ? `${change.optionName} wins if ${moves(change)}.` : 'No change of a single weight breaks the tie.');
  } else if (change) {
    statement = `${change.optionName} wins if ${moves(change)}.`;
    if (tie) statement += ` At ${tie.to}, ${list(tie.leaders)} tie.`;
  } else if (current.length === 0) {
    statement = 'Every option is excluded by a must-have, so none can be chosen on these scores.';
  } else if (tie) {
    statement = `No change of a single weight gives another option the lead, but if ${moves(tie)}, ${list(tie.leaders)} tie.`;
  } else {
    statement = `No change of a single weight changes the winner: ${name(current[0]!)} stays ahead whatever weight (0–5) any one criterion gets.`;
  }

  const reasons: string[] = [];
  if (current.length > 1) reasons.push('the top options tie');
  else {
    if (change && Math.abs(change.to - change.from) === 1)
      reasons.push('one step of a single weight changes the winner');
    if (
      margin !== null &&
      current.length === 1 &&
      matrix.maxTotal > 0 &&
      margin <= CLOSE_CALL_SHARE * matrix.maxTotal
    ) {
      const runnerUp = matrix.ranking[1]!;
      reasons.push(
        `${name(current[0]!)} leads ${name(runnerUp)} by only ${margin} of ${matrix.maxTotal} possible points`,
      );
    }
  }
  const closeCall = reasons.length > 0;
  return {
    statement,
    change,
    tie,
    closeCall,
    closeCallReason: closeCall ? `Close call: ${reasons.join('; ')}.` : null,
    margin,
  };
}

export interface SourceLeftOut {
  source: string;
  title: string;
  /** The winner without this source's claims (null on a tie). */
  winner: string | null;
  /** True when leaving this source out changes who wins. */
  changes: boolean;
}

export interface RobustnessReport {
  draws: number;
  seed: number;
  /** Share of draws (0–1) in which each option ranks first. */
  firstShare: Record<string, number>;
  flips: Flip[];
  leaveOneSourceOut: SourceLeftOut[];
  /** Whether an unknown cell could change the winner, and which to fill first. */
  unknowns: { couldChangeWinner: boolean; fillFirst: UnknownCell | null };
}

export interface DecisionAnalysis {
  matrix: Matrix;
  sensitivity: Sensitivity;
  conditions: ConditionQuestion[];
  /** How the pre-filled scores were computed, in words. */
  rule: string;
  /** Options below a must-have, with the criterion and score that exclude them. */
  exclusions: Exclusion[];
  /** Weighted cells with neither evidence nor a score. */
  unknowns: UnknownCell[];
  robustness: RobustnessReport;
  /** Per cell, how far apart the people who scored it are; widest first (empty with fewer than two people). */
  agreement: CellAgreement[];
}

/** The matrix as the robustness functions read it: weighted criteria only. */
export function qualityInput(content: Pick<DecisionContent, 'drivers'>, matrix: Matrix): QualityInput {
  const minimums = new Map(content.drivers.map((d) => [d.id, d.minimum]));
  const rows = matrix.rows.filter((r) => r.weight > 0);
  return {
    options: matrix.options,
    drivers: rows.map((r) => ({
      id: r.driver,
      name: r.name,
      weight: r.weight,
      minimum: minimums.get(r.driver) ?? null,
    })),
    cells: rows.map((r) => r.cells.map((c) => ({ value: c.score, min: c.min, max: c.max }))),
  };
}

/** Whether one source alone carries the outcome: the winner with each source's claims left out. */
export function leaveOneSourceOut(content: Scorable, matrix: Matrix): SourceLeftOut[] {
  const sources = new Map<string, string>();
  for (const c of content.evaluation.claims) {
    if (c.source && claimStanding(c, content.evaluation.conditions) === 'counted')
      sources.set(c.source.id, c.source.title);
  }
  return [...sources]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, title]) => {
      const without = buildMatrix({
        ...content,
        evaluation: { ...content.evaluation, claims: content.evaluation.claims.filter((c) => c.source?.id !== source) },
      });
      return { source, title, winner: without.winner, changes: without.winner !== matrix.winner };
    });
}

/** The matrix and its one-weight sensitivity, without the robustness draws. */
export function matrixAndSensitivity(content: Scorable): Pick<DecisionAnalysis, 'matrix' | 'sensitivity'> {
  const matrix = buildMatrix(content);
  return { matrix, sensitivity: sensitivity(matrix) };
}

/** Everything the screens and the exporter show about a decision's evaluation, from its content alone. */
export function analyzeDecision(content: Scorable, options: { draws?: number } = {}): DecisionAnalysis {
  const matrix = buildMatrix(content);
  const input = qualityInput(content, matrix);
  const excluded = new Set(matrix.totals.filter((t) => t.excluded).map((t) => t.option));
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = content.evaluation.seed;
  return {
    matrix,
    sensitivity: sensitivity(matrix),
    conditions: collectConditions(content),
    rule: PREFILL_RULE,
    exclusions: findExclusions(input),
    unknowns: findUnknowns(input),
    robustness: {
      draws,
      seed,
      firstShare: rankStability(input, excluded, draws, seed),
      flips: findFlips(input, matrix.winner, excluded),
      leaveOneSourceOut: leaveOneSourceOut(content, matrix),
      unknowns: unknownAdvice(input, matrix.winner, excluded),
    },
    agreement: content.evaluation.people.length > 1 ? agreement(content.evaluation.people) : [],
  };
}

/** How the matrix combines people's views, in words (for the paragraph and the outcome step). */
export function combinationWords(content: Pick<DecisionContent, 'evaluation'>): string {
  const { combine, people } = content.evaluation;
  if (!people.length || combine.method === 'own') return 'the matrix keeps the decision’s own scores';
  if (combine.method === 'person') return `the matrix takes ${combine.person ?? 'one person'}’s call`;
  return 'the matrix takes the mean of their views';
}

/** True when at least one weighted cell has a score (evidence or the user's): only then do draws say anything. */
function anyKnownCell(matrix: Matrix): boolean {
  return matrix.rows.some((r) => r.weight > 0 && r.cells.some((c) => c.score !== null));
}

/**
 * One short paragraph on the quality of the decision — exclusions, unknowns, robustness and
 * disagreement — for the ADR (folded into the matrix's closing paragraph, so it adds no line)
 * and the outcome step. Empty when there is nothing to say: no matrix, one option, or no known
 * cell at all (draws over nothing but unknowns would only restate the scale).
 */
export function qualityParagraph(content: Scorable, analysis: DecisionAnalysis): string {
  const { matrix } = analysis;
  if (matrix.options.length < 2 || !matrix.rows.some((r) => r.weight > 0) || !anyKnownCell(matrix)) return '';
  const name = (id: string) => matrix.options.find((o) => o.id === id)?.name ?? id;
  const driverName = (id: string) => content.drivers.find((d) => d.id === id)?.name ?? id;
  const parts: string[] = [];
  for (const e of analysis.exclusions)
    parts.push(
      `${name(e.option)} is excluded: ${e.score} on ${driverName(e.driver)}, below its must-have ${e.minimum}.`,
    );
  if (analysis.unknowns.length) {
    const advice = analysis.robustness.unknowns;
    const n = analysis.unknowns.length;
    let text = `${n} unknown cell${n === 1 ? '' : 's'}`;
    text += advice.couldChangeWinner
      ? ` could change the winner${advice.fillFirst ? `; fill ${name(advice.fillFirst.option)} on ${driverName(advice.fillFirst.driver)} first` : ''}.`
      : ` could not change the winner.`;
    parts.push(text);
  }
  const shares = Object.entries(analysis.robustness.firstShare).sort((a, b) => b[1] - a[1]);
  if (shares.length && shares[0]![1] > 0) {
    const [top, share] = shares[0]!;
    parts.push(
      `${name(top)} ranks first in ${sharePercent(share)}% of ${analysis.robustness.draws.toLocaleString('en-US')} draws (weights ±1, ranged and unknown scores drawn; seed ${analysis.robustness.seed}).`,
    );
  }
  const flip = analysis.robustness.flips[0];
  if (flip) parts.push(flip.statement);
  const carried = analysis.robustness.leaveOneSourceOut.filter((s) => s.changes);
  if (carried.length)
    parts.push(`Leaving out ${joinNames(carried.map((s) => `“${s.title}”`))} alone would change the winner.`);
  const split = analysis.agreement.filter((c) => c.spread >= 2);
  if (split.length) {
    const c = split[0]!;
    parts.push(
      `People differ most on ${name(c.option)} under ${driverName(c.driver)} (${c.values.map((v) => `${v.person} ${v.value}`).join(', ')}); ${combinationWords(content)}.`,
    );
  } else if (analysis.agreement.some((c) => c.values.length > 1))
    parts.push(`Where people scored the same cell, they are at most one step apart; ${combinationWords(content)}.`);
  return parts.join(' ');
}

/** The claims about one option under one driver, good first, then neutral, then bad; the weightiest first within each. */
export function claimsFor(claims: readonly EvidenceClaim[], option: string, driver: string): EvidenceClaim[] {
  const order: Record<Effect, number> = { good: 0, neutral: 1, bad: 2 };
  return claims
    .filter((c) => c.option === option && c.driver === driver)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order[a.c.effect] - order[b.c.effect] || claimWeight(b.c) - claimWeight(a.c) || a.i - b.i)
    .map((x) => x.c);
}

/** Claims a proposed consequence cites: its strongest, so the ADR stays short (the rest are in the pros and cons and the ledger). */
const MAX_CITED = 1;
/** Proposals per effect: an ADR lists a handful of consequences, not every claim (those are in the pros and cons). */
export const MAX_PROPOSED = 4;

/**
 * Consequences proposed for the chosen option: per weighted driver, one good and one bad
 * consequence from its counted claims, worded after the weightiest claim and citing up to three.
 * At most MAX_PROPOSED of each effect, from the heaviest drivers (then the strongest evidence);
 * good ones first. The user edits them; nothing is proposed from neutral claims.
 */
export function proposeConsequences(content: Scorable, option: string): Consequence[] {
  const groups: Record<'good' | 'bad', { c: Consequence; weight: number; strength: number; order: number }[]> = {
    good: [],
    bad: [],
  };
  content.drivers.forEach((driver, order) => {
    if (driver.weight <= 0) return;
    const counted = claimsFor(content.evaluation.claims, option, driver.id).filter(
      (c) => claimStanding(c, content.evaluation.conditions) === 'counted',
    );
    for (const effect of ['good', 'bad'] as const) {
      const group = counted.filter((c) => c.effect === effect);
      if (!group.length) continue;
      // Worded so it reads after "Good, because" / "Bad, because" whatever the pack's summaries look like.
      const summary = group[0]!.summary.replace(/[.\s]+$/, '');
      const text =
        effect === 'good'
          ? `the evidence on ${driver.name} is in its favour: ${summary}.`
          : `the evidence on ${driver.name} counts against it: ${summary}.`;
      groups[effect].push({
        c: { effect, text, claims: group.slice(0, MAX_CITED).map((c) => c.id) },
        weight: driver.weight,
        strength: group.reduce((sum, c) => sum + claimWeight(c), 0),
        order,
      });
    }
  });
  const pick = (list: (typeof groups)['good']) =>
    list
      .sort((a, b) => b.weight - a.weight || b.strength - a.strength || a.order - b.order)
      .slice(0, MAX_PROPOSED)
      .map((g) => g.c);
  return [...pick(groups.good), ...pick(groups.bad)];
}

/** A first draft of the rationale from the matrix, for the user to finish in their own words. */
export function proposeRationale(content: Scorable, option: string, matrix: Matrix = buildMatrix(content)): string {
  const index = matrix.options.findIndex((o) => o.id === option);
  if (index < 0) return '';
  const total = matrix.totals[index]!;
  const others = matrix.totals.filter((t) => t.option !== option).sort((a, b) => b.total - a.total);
  const percent = sharePercent(total.share);
  let text = `${total.name} totals ${total.total} of ${matrix.maxTotal} possible points (${percent}%)`;
  const best = others[0];
  if (best) {
    if (best.total < total.total)
      text += `, ahead of ${joinNames(others.slice(0, 2).map((o) => `${o.name} (${o.total})`))}`;
    else if (best.total === total.total) text += `, level with ${best.name}`;
    else text += `, behind ${best.name} (${best.total}), and is chosen nonetheless because `;
  }
  const strengths = matrix.rows
    .filter((r) => r.weight > 0 && (r.cells[index]!.score ?? 0) >= 4)
    .sort((a, b) => b.cells[index]!.contribution - a.cells[index]!.contribution)
    .slice(0, 3);
  if (best && best.total > total.total) return text;
  text += '.';
  if (strengths.length)
    text += ` It is strongest on ${joinNames(strengths.map((r) => `${r.name} (${r.cells[index]!.score} of 5, weight ${r.weight})`))}.`;
  return text;
}

/** The drivers that take part in the evidence and outcome steps. */
export function weightedDrivers(drivers: readonly Driver[]): Driver[] {
  return drivers.filter((d) => d.weight > 0);
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function cellKey(option: string, driver: string): string {
  return `${option}\u0000${driver}`;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/**
 * The matrix as the Markdown exporter prints it under More Information. Structurally the
 * `AdrAnalysis` of shared/adr/types.ts: criteria with weight above 0, each option's effective
 * scores (a criterion with no evidence and no score shows the 3 it counts as) and its total in
 * points, the ranking, the sensitivity sentence (with the close-call flag) and how totals are made.
 */
export interface MatrixForExport {
  drivers: { id: string; name: string; weight: number }[];
  options: {
    id: string;
    name: string;
    scores: Record<string, number | null>;
    total: number | null;
    cells: Record<string, { source: ScoreSource; note: string }>;
  }[];
  ranking: string[];
  sensitivity: string | null;
  method: string;
  /** The quality paragraph (exclusions, unknowns, robustness, disagreement), or null when there is nothing to say. */
  quality: string | null;
}

export function matrixForExport(content: Scorable): MatrixForExport | null {
  const { matrix, sensitivity: s } = matrixAndSensitivity(content);
  const rows = matrix.rows.filter((r) => r.weight > 0);
  if (!rows.length || !matrix.options.length) return null;
  // The robustness draws only where the paragraph can say something: export renders thousands of
  // decisions, most of them imported ones that weigh nothing or know no score.
  const quality =
    matrix.options.length > 1 && anyKnownCell(matrix) ? qualityParagraph(content, analyzeDecision(content)) : '';
  return {
    drivers: rows.map((r) => ({ id: r.driver, name: r.name, weight: r.weight })),
    options: matrix.options.map((o, i) => ({
      id: o.id,
      name: o.name,
      scores: Object.fromEntries(rows.map((r) => [r.driver, r.cells[i]!.score])),
      total: matrix.totals[i]!.total,
      cells: Object.fromEntries(rows.map((r) => [r.driver, { source: r.cells[i]!.source, note: r.cells[i]!.note }])),
    })),
    ranking: matrix.ranking,
    sensitivity: matrix.options.length > 1 ? [s.statement, s.closeCallReason].filter(Boolean).join(' ') : null,
    method:
      // Hand-set and unknown cells are marked in the table and named in its legend.
      `Scores run from 1 (poor) to 5 (excellent), pre-filled from the accepted claims; ` +
      `an option's total is the sum of weight × score, out of ${matrix.maxTotal} possible.`,
    quality: quality || null,
  };
}
