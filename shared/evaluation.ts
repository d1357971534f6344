/**
 * Pure edits of a decision's evaluation: bringing a knowledge pack in, removing options and
 * drivers with the evidence that hangs on them, verdicts, scores and the user's own claims.
 * The core's `applyPack` and the wizard use the same functions, so they cannot disagree.
 */
import type { PackView } from './api/knowledge.js';
import type {
  Combination,
  ConsideredOption,
  DecisionContent,
  Driver,
  EvidenceClaim,
  PersonView,
  Score,
  SourceRef,
} from './domain.js';
import { slugify } from './adr/slug.js';
import { LIMITS } from './vocabulary.js';

/** Weight a criterion gets when a pack brings it in, before the user says how much it matters. */
/** A pack's criteria start unweighted: none is a driver of the decision until the architect weighs it. */
export const DEFAULT_WEIGHT = 0;
/** A criterion the architect typed is one they chose to weigh; it starts in the middle. */
export const TYPED_WEIGHT = 3;

/** An id not yet taken: `base` itself when free, else `base-2`, `base-3`, … */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, LIMITS.id - 6) || 'item';
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/** A short id made from a name: lower case, dashes ("Message queue" → "message-queue", "Straße" → "strasse"). */
export function slug(name: string): string {
  return slugify(name, 'item');
}

/** Drops what a pack brought in (options, criteria, claims) and everything that hangs on it. */
function withoutPack(content: DecisionContent): DecisionContent {
  let next = content;
  for (const o of content.options) if (o.option !== null) next = removeOption(next, o.id);
  for (const d of content.drivers) if (d.criterion !== null) next = removeDriver(next, d.id);
  const claims = next.evaluation.claims.filter((c) => c.own);
  const conditions = new Set(claims.map((c) => c.condition).filter((c): c is string => c !== null));
  return {
    ...next,
    evaluation: {
      ...next.evaluation,
      pack: null,
      claims,
      conditions: Object.fromEntries(Object.entries(next.evaluation.conditions).filter(([k]) => conditions.has(k))),
    },
  };
}

/**
 * Brings a pack's options, criteria and claims into a decision. Applying the pack the decision
 * already has refreshes the claim snapshots and adds what is missing, keeping the user's
 * names, weights, verdicts, scores, condition answers and own claims; claims the pack no longer
 * has stay (the decision's evidence outlives the pack). Applying another pack, or none, first
 * removes what the previous pack brought in, with its verdicts and scores; own options, own
 * criteria and own claims about them stay.
 */
export function applyPackTo(content: DecisionContent, pack: PackView | null): DecisionContent {
  const base =
    content.evaluation.pack !== null && content.evaluation.pack !== (pack?.id ?? null) ? withoutPack(content) : content;
  if (!pack) return { ...base, evaluation: { ...base.evaluation, pack: null, packVersion: null } };

  const options: ConsideredOption[] = [...base.options];
  const optionFor = new Map<string, string>();
  for (const o of options) if (o.option !== null) optionFor.set(o.option, o.id);
  for (const p of pack.options) {
    if (optionFor.has(p.id)) continue;
    const id = freeId(p.id, new Set(options.map((o) => o.id)));
    options.push({ id, name: p.name, description: p.description, option: p.id });
    optionFor.set(p.id, id);
  }

  const drivers: Driver[] = [...base.drivers];
  const driverFor = new Map<string, string>();
  for (const d of drivers) if (d.criterion !== null) driverFor.set(d.criterion, d.id);
  for (const c of pack.criteria) {
    if (driverFor.has(c.id)) continue;
    const id = freeId(c.id, new Set(drivers.map((d) => d.id)));
    drivers.push({
      id,
      name: c.name,
      description: c.description,
      question: c.question,
      weight: DEFAULT_WEIGHT,
      minimum: null,
      criterion: c.id,
    });
    driverFor.set(c.id, id);
  }

  const sources = new Map<string, SourceRef>(
    pack.sources.map((s) => [
      s.id,
      { id: s.id, title: s.title, publisher: s.publisher, author: s.author, date: s.date, kind: s.kind, url: s.url },
    ]),
  );
  const previous = new Map(base.evaluation.claims.filter((c) => !c.own).map((c) => [c.id, c]));
  const ownIds = new Set(base.evaluation.claims.filter((c) => c.own).map((c) => c.id));
  const fromPack: EvidenceClaim[] = [];
  const seen = new Set<string>();
  for (const claim of pack.claims) {
    const before = previous.get(claim.id);
    // A claim hidden in the Library is not brought in, but one already weighed here is kept.
    if ((claim.hidden && !before) || ownIds.has(claim.id)) continue;
    seen.add(claim.id);
    fromPack.push({
      id: claim.id,
      driver: driverFor.get(claim.criterion)!,
      option: optionFor.get(claim.option)!,
      effect: claim.effect,
      condition: claim.condition,
      summary: claim.summary,
      section: claim.section,
      anchor: claim.anchor,
      importance: claim.importance,
      source: sources.get(claim.source) ?? null,
      outdated: claim.outdated,
      contradictions: claim.contradictions.slice(0, 50).map(({ claim: other, note }) => ({ claim: other, note })),
      // Nothing a pack says enters the record until the architect has read it.
      verdict: before?.verdict ?? 'unreviewed',
      own: false,
      verification: claim.verification.state,
    });
  }
  const kept = base.evaluation.claims.filter((c) => !c.own && !seen.has(c.id));
  const own = base.evaluation.claims.filter((c) => c.own);
  return {
    ...base,
    options,
    drivers,
    evaluation: {
      ...base.evaluation,
      pack: pack.id,
      packVersion: pack.version,
      claims: [...fromPack, ...kept, ...own].slice(0, LIMITS.claims),
    },
  };
}

/** A pack claim of a decision whose contradictions or outdated note in the pack differ from what the decision took. */
export interface PackNoteChange {
  claim: string;
  summary: string;
  /** What the decision holds now, and what the pack says today. */
  was: { outdated: string | null; contradictions: { claim: string; note: string }[] };
  now: { outdated: string | null; contradictions: { claim: string; note: string }[] };
}

const noteKey = (list: { claim: string; note: string }[]) =>
  list
    .map((c) => `${c.claim}\u0000${c.note}`)
    .sort()
    .join('\u0001');

/**
 * Where the pack's notes (outdated, contradictions) on the decision's claims from it changed since
 * the decision took them: a decision holds a snapshot, so a note added in the Library later shows
 * here until the architect takes it (`takePackNotes`). Claims the pack no longer has are left out.
 */
export function packNoteChanges(content: DecisionContent, pack: PackView): PackNoteChange[] {
  if (content.evaluation.pack !== pack.id) return [];
  const live = new Map(pack.claims.map((c) => [c.id, c]));
  const out: PackNoteChange[] = [];
  for (const c of content.evaluation.claims) {
    const now = c.own ? undefined : live.get(c.id);
    if (!now) continue;
    const nowContradictions = now.contradictions.slice(0, 50).map(({ claim, note }) => ({ claim, note }));
    if ((c.outdated ?? null) === now.outdated && noteKey(c.contradictions) === noteKey(nowContradictions)) continue;
    out.push({
      claim: c.id,
      summary: c.summary,
      was: { outdated: c.outdated, contradictions: c.contradictions },
      now: { outdated: now.outdated, contradictions: nowContradictions },
    });
  }
  return out;
}

/** Takes the pack's current notes on the decision's claims from it; verdicts, scores and everything else stay. */
export function takePackNotes(content: DecisionContent, pack: PackView): DecisionContent {
  const changes = new Map(packNoteChanges(content, pack).map((c) => [c.claim, c.now]));
  if (!changes.size) return content;
  return {
    ...content,
    evaluation: {
      ...content.evaluation,
      claims: content.evaluation.claims.map((c) => {
        const now = changes.get(c.id);
        return now ? { ...c, outdated: now.outdated, contradictions: now.contradictions } : c;
      }),
    },
  };
}

/** Removes an option with its claims and scores; the chosen option is cleared if it was this one. */
export function removeOption(content: DecisionContent, id: string): DecisionContent {
  return {
    ...content,
    options: content.options.filter((o) => o.id !== id),
    chosenOption: content.chosenOption === id ? null : content.chosenOption,
    evaluation: {
      ...content.evaluation,
      claims: content.evaluation.claims.filter((c) => c.option !== id),
      scores: content.evaluation.scores.filter((s) => s.option !== id),
      people: content.evaluation.people.map((p) => ({ ...p, scores: p.scores.filter((s) => s.option !== id) })),
    },
  };
}

/** Removes a driver with its claims and scores. */
export function removeDriver(content: DecisionContent, id: string): DecisionContent {
  return {
    ...content,
    drivers: content.drivers.filter((d) => d.id !== id),
    evaluation: {
      ...content.evaluation,
      claims: content.evaluation.claims.filter((c) => c.driver !== id),
      scores: content.evaluation.scores.filter((s) => s.driver !== id),
      people: content.evaluation.people.map((p) => {
        const { [id]: _gone, ...weights } = p.weights;
        return { ...p, weights, scores: p.scores.filter((s) => s.driver !== id) };
      }),
    },
  };
}

/** Adds an option the user typed (e.g. "Go"); its id is made from its name. */
export function addOption(content: DecisionContent, name: string, description = ''): DecisionContent {
  const id = freeId(slug(name), new Set(content.options.map((o) => o.id)));
  return { ...content, options: [...content.options, { id, name: name.trim(), description, option: null }] };
}

/** Adds a criterion the user typed, with a guiding question if they gave one. */
export function addDriver(
  content: DecisionContent,
  name: string,
  question = '',
  weight = TYPED_WEIGHT,
): DecisionContent {
  const id = freeId(slug(name), new Set(content.drivers.map((d) => d.id)));
  const next: DecisionContent = {
    ...content,
    drivers: [
      ...content.drivers,
      { id, name: name.trim(), description: '', question: question.trim(), weight, minimum: null, criterion: null },
    ],
  };
  const { weighting } = content.evaluation;
  if (weighting.method !== 'swing') return next;
  // Swing-weighted: the new criterion joins the ranking at the bottom with the points its weight stands for.
  const swing = { ...weighting.swing, [id]: Math.round((weight / 5) * SWING_TOP) };
  return {
    ...next,
    evaluation: { ...next.evaluation, weighting: { ...weighting, swing, order: [...weighting.order, id] } },
  };
}

export function setWeight(content: DecisionContent, driver: string, weight: number): DecisionContent {
  return { ...content, drivers: content.drivers.map((d) => (d.id === driver ? { ...d, weight } : d)) };
}

export function setCondition(content: DecisionContent, condition: string, answer: boolean | null): DecisionContent {
  return {
    ...content,
    evaluation: { ...content.evaluation, conditions: { ...content.evaluation.conditions, [condition]: answer } },
  };
}

export function setVerdict(
  content: DecisionContent,
  claim: string,
  verdict: EvidenceClaim['verdict'],
): DecisionContent {
  return {
    ...content,
    evaluation: {
      ...content.evaluation,
      claims: content.evaluation.claims.map((c) => (c.id === claim ? { ...c, verdict } : c)),
    },
  };
}

/** One verdict for many claims at once (accept or reject all claims of a criterion × option). */
export function setVerdicts(
  content: DecisionContent,
  claims: readonly string[],
  verdict: EvidenceClaim['verdict'],
): DecisionContent {
  const ids = new Set(claims);
  return {
    ...content,
    evaluation: {
      ...content.evaluation,
      claims: content.evaluation.claims.map((c) => (ids.has(c.id) ? { ...c, verdict } : c)),
    },
  };
}

/** How many claims about the decision's options are still waiting for the architect's verdict. */
export function unreviewedCount(content: Pick<DecisionContent, 'evaluation' | 'options'>): number {
  const options = new Set(content.options.map((o) => o.id));
  return content.evaluation.claims.filter((c) => c.verdict === 'unreviewed' && options.has(c.option)).length;
}

/** Sets the user's score for one cell, or (value null) goes back to the pre-filled one. */
export function setScore(
  content: DecisionContent,
  option: string,
  driver: string,
  value: number | null,
  note?: string,
): DecisionContent {
  const rest = content.evaluation.scores.filter((s) => !(s.option === option && s.driver === driver));
  const before = content.evaluation.scores.find((s) => s.option === option && s.driver === driver);
  const scores: Score[] =
    value === null
      ? rest
      : [
          ...rest,
          {
            option,
            driver,
            value,
            note: note ?? before?.note ?? '',
            min: before?.min ?? null,
            max: before?.max ?? null,
          },
        ];
  return { ...content, evaluation: { ...content.evaluation, scores } };
}

/** Says how uncertain a hand-set score is: it lies between min and max (equal to the score: no range). */
export function setScoreRange(
  content: DecisionContent,
  option: string,
  driver: string,
  min: number,
  max: number,
): DecisionContent {
  const scores = content.evaluation.scores.map((s) => {
    if (s.option !== option || s.driver !== driver) return s;
    const lo = Math.min(min, s.value);
    const hi = Math.max(max, s.value);
    return lo === s.value && hi === s.value ? { ...s, min: null, max: null } : { ...s, min: lo, max: hi };
  });
  return { ...content, evaluation: { ...content.evaluation, scores } };
}

/** Makes a criterion a must-have (an option scoring below `minimum` is excluded), or (null) an ordinary one. */
export function setMinimum(content: DecisionContent, driver: string, minimum: number | null): DecisionContent {
  return { ...content, drivers: content.drivers.map((d) => (d.id === driver ? { ...d, minimum } : d)) };
}

export interface OwnClaimInput {
  driver: string;
  option: string;
  effect: EvidenceClaim['effect'];
  summary: string;
  condition?: string | null;
  importance?: number;
  /** Where the user read it, if anywhere. */
  source?: { title: string; publisher?: string | null; date?: string | null; url?: string | null } | null;
}

/** Adds a claim the user typed; it counts (accepted) like any other and is marked as their own. */
export function addOwnClaim(content: DecisionContent, input: OwnClaimInput): DecisionContent {
  const taken = new Set(content.evaluation.claims.map((c) => c.id));
  let n = content.evaluation.claims.filter((c) => c.own).length + 1;
  while (taken.has(`mine-${n}`)) n++;
  const id = `mine-${n}`;
  const title = input.source?.title.trim();
  const claim: EvidenceClaim = {
    id,
    driver: input.driver,
    option: input.option,
    effect: input.effect,
    condition: input.condition?.trim() || null,
    summary: input.summary.trim(),
    section: '',
    anchor: '',
    importance: input.importance ?? 2,
    source: title
      ? {
          id: `source-${id}`,
          title,
          publisher: input.source?.publisher?.trim() || null,
          author: null,
          date: input.source?.date || null,
          kind: 'other',
          url: input.source?.url?.trim() || null,
        }
      : null,
    outdated: null,
    contradictions: [],
    verdict: 'accepted',
    own: true,
    verification: null,
  };
  return { ...content, evaluation: { ...content.evaluation, claims: [...content.evaluation.claims, claim] } };
}

/** Removes one of the user's own claims (pack claims are rejected, never removed). */
export function removeOwnClaim(content: DecisionContent, id: string): DecisionContent {
  return {
    ...content,
    evaluation: { ...content.evaluation, claims: content.evaluation.claims.filter((c) => !(c.own && c.id === id)) },
  };
}

// Swing weighting: rank the criteria by how much going from the worst to the best option on each
// matters, then rate each swing against the top one (100). The weights follow from the points.

/** Points for the top-ranked swing: every other swing is rated against it. */
export const SWING_TOP = 100;

/** The 0–5 weight a swing's points (0–100) give: scaled and rounded, so 100 is 5 and 0 leaves the criterion out. */
export function swingWeight(points: number): number {
  return Math.round((Math.min(Math.max(points, 0), SWING_TOP) / SWING_TOP) * 5);
}

/** The criteria in swing order: the recorded ranking, then any criterion it does not name yet (heaviest first). */
export function swingOrder(content: Pick<DecisionContent, 'drivers' | 'evaluation'>): Driver[] {
  const byId = new Map(content.drivers.map((d) => [d.id, d]));
  const ranked = content.evaluation.weighting.order.map((id) => byId.get(id)).filter((d): d is Driver => !!d);
  const seen = new Set(ranked.map((d) => d.id));
  const rest = content.drivers.filter((d) => !seen.has(d.id)).sort((a, b) => b.weight - a.weight);
  return [...ranked, ...rest];
}

/** Sets every driver's weight from the swing points, and records the order. */
function applySwing(content: DecisionContent, order: string[], swing: Record<string, number>): DecisionContent {
  return {
    ...content,
    drivers: content.drivers.map((d) => (d.id in swing ? { ...d, weight: swingWeight(swing[d.id]!) } : d)),
    evaluation: { ...content.evaluation, weighting: { method: 'swing', swing, order } },
  };
}

/**
 * Switches to swing weighting. A decision swing-weighted before keeps its ranking and points;
 * otherwise they start from the direct weights (heaviest first, points = weight ÷ 5 × 100), so
 * switching changes no weight until the user ranks or rates.
 */
export function toSwingWeighting(content: DecisionContent): DecisionContent {
  const order = swingOrder(content).map((d) => d.id);
  const recorded = content.evaluation.weighting.swing;
  const swing = Object.fromEntries(
    content.drivers.map((d) => [d.id, recorded[d.id] ?? Math.round((d.weight / 5) * SWING_TOP)]),
  );
  if (order.length) swing[order[0]!] = SWING_TOP;
  return applySwing(content, order, swing);
}

/** Back to rating each criterion 0–5 directly; the weights stay as they are and the swing inputs stay recorded. */
export function toDirectWeighting(content: DecisionContent): DecisionContent {
  return {
    ...content,
    evaluation: { ...content.evaluation, weighting: { ...content.evaluation.weighting, method: 'direct' } },
  };
}

/** Moves a criterion up (-1) or down (+1) the swing ranking; the one that reaches the top is rated 100. */
export function moveSwing(content: DecisionContent, driver: string, by: -1 | 1): DecisionContent {
  const order = swingOrder(content).map((d) => d.id);
  const at = order.indexOf(driver);
  const to = at + by;
  if (at < 0 || to < 0 || to >= order.length) return content;
  [order[at], order[to]] = [order[to]!, order[at]!];
  const swing = { ...content.evaluation.weighting.swing };
  for (const id of order) swing[id] ??= 0;
  swing[order[0]!] = SWING_TOP;
  return applySwing(content, order, swing);
}

/** Rates one swing against the top one (0–100); the top one stays 100. */
export function setSwingPoints(content: DecisionContent, driver: string, points: number): DecisionContent {
  const order = swingOrder(content).map((d) => d.id);
  const swing = { ...content.evaluation.weighting.swing };
  for (const id of order) swing[id] ??= 0;
  if (order[0] !== driver) swing[driver] = Math.min(Math.max(Math.round(points), 0), SWING_TOP);
  swing[order[0]!] = SWING_TOP;
  return applySwing(content, order, swing);
}

/** Criteria rated above one ranked higher: the ranking and the points disagree, and the screen says so. */
export function swingInversions(content: Pick<DecisionContent, 'drivers' | 'evaluation'>): [Driver, Driver][] {
  const order = swingOrder(content);
  const points = content.evaluation.weighting.swing;
  const out: [Driver, Driver][] = [];
  order.forEach((d, i) => {
    const above = order[i - 1];
    if (above && (points[d.id] ?? 0) > (points[above.id] ?? 0)) out.push([above, d]);
  });
  return out;
}

// People's views: each decision-maker or consulted person may weigh and score on their own.

/** Adds a person's (empty) view; a name already there is left as it is. */
export function addPerson(content: DecisionContent, name: string, role: PersonView['role']): DecisionContent {
  const trimmed = name.trim();
  if (!trimmed || content.evaluation.people.some((p) => p.name === trimmed)) return content;
  const people = [...content.evaluation.people, { name: trimmed, role, weights: {}, scores: [] }];
  return { ...content, evaluation: { ...content.evaluation, people } };
}

/** Removes a person's view; a matrix that took their call goes back to the decision's own scores. */
export function removePerson(content: DecisionContent, name: string): DecisionContent {
  const people = content.evaluation.people.filter((p) => p.name !== name);
  const combine: Combination =
    (content.evaluation.combine.method === 'person' && content.evaluation.combine.person === name) || !people.length
      ? { method: 'own', person: null }
      : content.evaluation.combine;
  return { ...content, evaluation: { ...content.evaluation, people, combine } };
}

function editPerson(content: DecisionContent, name: string, edit: (p: PersonView) => PersonView): DecisionContent {
  const people = content.evaluation.people.map((p) => (p.name === name ? edit(p) : p));
  return { ...content, evaluation: { ...content.evaluation, people } };
}

/** A person's weight for a criterion, or (null) theirs follows the decision's. */
export function setPersonWeight(
  content: DecisionContent,
  name: string,
  driver: string,
  weight: number | null,
): DecisionContent {
  return editPerson(content, name, (p) => {
    const { [driver]: _old, ...weights } = p.weights;
    return { ...p, weights: weight === null ? weights : { ...weights, [driver]: weight } };
  });
}

/** A person's score for a cell, or (null) theirs follows the decision's. */
export function setPersonScore(
  content: DecisionContent,
  name: string,
  option: string,
  driver: string,
  value: number | null,
): DecisionContent {
  return editPerson(content, name, (p) => {
    const rest = p.scores.filter((s) => !(s.option === option && s.driver === driver));
    const before = p.scores.find((s) => s.option === option && s.driver === driver);
    return { ...p, scores: value === null ? rest : [...rest, { option, driver, value, note: before?.note ?? '' }] };
  });
}

/** How the matrix combines the views: the decision's own, everyone's mean, or one person's call. */
export function setCombination(content: DecisionContent, combine: Combination): DecisionContent {
  return { ...content, evaluation: { ...content.evaluation, combine } };
}
