/**
 * The sample decision a new user creates in one click from the welcome screen: a finished,
 * evidence-backed record built from a knowledge pack, so every screen has something real to
 * show. Pure: a pack in, decision content out.
 *
 * It is built here from the pack directly (weights, condition answers and a simple score rule
 * below) because the guided decision's own pack-application and scoring are not on main yet;
 * when they land, this should reuse them so the sample scores the way the wizard does.
 */
import type { ClaimView, PackView } from '../../shared/api/knowledge.js';
import type { ConsideredOption, Consequence, DecisionContent, Driver, EvidenceClaim, Score } from '../../shared/domain.js';

export const SAMPLE_PACK = 'backend-runtime';
export const SAMPLE_TAG = 'sample';

interface SamplePlan {
  title: string;
  context: string;
  /** Criterion id → weight 0–5, in the order the drivers are listed. */
  weights: [string, number][];
  /** Answers to the conditions claims depend on; false sets those claims aside. */
  conditions: Record<string, boolean>;
  confirmation: string;
}

const PLANS: Record<string, SamplePlan> = {
  'backend-runtime': {
    title: 'Sample: Which runtime for the notification service?',
    context: [
      'This is a sample decision, made by Cairn to show what a finished, evidence-backed record looks like.',
      '',
      'We are building a notification service. It keeps many WebSocket connections open to web and mobile clients,',
      'and most of its time is spent waiting on the message queue and the database rather than computing.',
      'It has no machine-learning part. The team already writes the web front end in TypeScript.',
    ].join('\n'),
    weights: [
      ['io-concurrency', 5],
      ['real-time', 5],
      ['full-stack-javascript', 3],
      ['hiring', 3],
      ['development-speed', 3],
      ['maintainability', 3],
      ['threading-gil', 2],
      ['cpu-bound', 1],
      ['ml-data', 1],
    ],
    conditions: {
      'I/O-bound workload': true,
      'real-time features': true,
      'team already knows JavaScript': true,
      'large or long-lived codebase': true,
      'CPU-bound workload': false,
      'machine learning or data work': false,
      'rapid prototype or MVP': false,
      'team already knows Python': false,
    },
    confirmation: 'A load test of the first version holds 10,000 open connections; we review this decision six months after launch.',
  },
};

/** For a pack without a written plan: its first criteria, most important first. */
function genericPlan(pack: PackView): SamplePlan {
  const weights = [5, 4, 3, 3, 2, 1];
  return {
    title: `Sample: ${pack.question || pack.title}`,
    context: `This is a sample decision, made by Cairn from the knowledge pack "${pack.title}" to show what a finished, evidence-backed record looks like.`,
    weights: pack.criteria.slice(0, weights.length).map((c, i) => [c.id, weights[i]!]),
    conditions: {},
    confirmation: 'We review this decision once the first version is in production.',
  };
}

/** Claims taken per option and criterion, most important first, so the sample stays readable; outdated ones come too, rejected. */
const CLAIMS_PER_CELL = 3;

const SIGN = { good: 1, neutral: 0, bad: -1 } as const;

/** A claim counts unless it was rejected or its condition was answered "no". */
export function isActive(claim: EvidenceClaim, conditions: Record<string, boolean | null>): boolean {
  return claim.verdict === 'accepted' && !(claim.condition !== null && conditions[claim.condition] === false);
}

/** The sample's score rule: 3, moved up or down by half the importance-weighted balance of good and bad claims, within 1–5. */
export function sampleScore(claims: EvidenceClaim[]): number {
  const balance = claims.reduce((sum, c) => sum + SIGN[c.effect] * c.importance, 0);
  return Math.min(5, Math.max(1, 3 + Math.round(balance / 2)));
}

function snapshot(claim: ClaimView, driver: string, pack: PackView, included: Set<string>): EvidenceClaim {
  const source = pack.sources.find((s) => s.id === claim.source);
  return {
    id: claim.id,
    driver,
    option: claim.option,
    effect: claim.effect,
    condition: claim.condition,
    summary: claim.summary,
    section: claim.section,
    anchor: claim.anchor,
    importance: claim.importance,
    source: source
      ? { id: source.id, title: source.title, publisher: source.publisher, author: source.author, date: source.date, kind: source.kind, url: source.url }
      : null,
    outdated: claim.outdated,
    contradictions: claim.contradictions.filter((c) => included.has(c.claim)),
    // An outdated claim is shown but not relied on.
    verdict: claim.outdated ? 'rejected' : 'accepted',
    own: claim.own,
  };
}

export function buildSampleDecision(pack: PackView, date: string): DecisionContent {
  const plan = PLANS[pack.id] ?? genericPlan(pack);
  const criteria = new Map(pack.criteria.map((c) => [c.id, c]));
  const drivers: Driver[] = plan.weights
    .filter(([id]) => criteria.has(id))
    .map(([id, weight]) => {
      const c = criteria.get(id)!;
      return { id, name: c.name, description: c.description, question: c.question, weight, criterion: c.id };
    });
  const options: ConsideredOption[] = pack.options.map((o) => ({ id: o.id, name: o.name, description: o.description, option: o.id }));

  const picked: { claim: ClaimView; driver: string }[] = [];
  for (const d of drivers) {
    for (const o of options) {
      const all = pack.claims.filter((c) => !c.hidden && c.criterion === d.criterion && c.option === o.id);
      const top = all
        .filter((c) => !c.outdated)
        .sort((a, b) => b.importance - a.importance || a.id.localeCompare(b.id))
        .slice(0, CLAIMS_PER_CELL);
      for (const claim of [...top, ...all.filter((c) => c.outdated)]) picked.push({ claim, driver: d.id });
    }
  }
  const included = new Set(picked.map((p) => p.claim.id));
  const claims = picked.map((p) => snapshot(p.claim, p.driver, pack, included));

  const active = claims.filter((c) => isActive(c, plan.conditions));
  const scores: Score[] = [];
  for (const d of drivers) {
    for (const o of options) {
      const cell = active.filter((c) => c.driver === d.id && c.option === o.id);
      const good = cell.filter((c) => c.effect === 'good').length;
      const bad = cell.filter((c) => c.effect === 'bad').length;
      const note = cell.length ? `From the accepted claims: ${good} good, ${bad} bad, ${cell.length - good - bad} neutral.` : 'No accepted claims: scored as neutral.';
      scores.push({ option: o.id, driver: d.id, value: sampleScore(cell), note });
    }
  }
  const weight = new Map(drivers.map((d) => [d.id, d.weight]));
  const total = (option: string) => scores.filter((s) => s.option === option).reduce((sum, s) => sum + s.value * weight.get(s.driver)!, 0);
  const ranked = [...options].sort((a, b) => total(b.id) - total(a.id) || a.name.localeCompare(b.name));
  const winner = ranked[0];
  const runnerUp = ranked[1];

  let rationale = '';
  const consequences: Consequence[] = [];
  if (winner) {
    const score = (option: string, driver: string) => scores.find((s) => s.option === option && s.driver === driver)!.value;
    const leads = runnerUp ? drivers.filter((d) => d.weight > 0 && score(winner.id, d.id) > score(runnerUp.id, d.id)).sort((a, b) => b.weight - a.weight) : [];
    rationale = runnerUp
      ? `${winner.name} totals ${total(winner.id)} weighted points against ${total(runnerUp.id)} for ${runnerUp.name}. ` +
        (leads.length ? `It leads on ${leads.slice(0, 2).map((d) => `“${d.name}”`).join(' and ')}, the drivers that weigh most here.` : 'The totals are close; the team preferred it on balance.')
      : `${winner.name} is the only option considered.`;
    const byWeight = (a: EvidenceClaim, b: EvidenceClaim) => weight.get(b.driver)! * b.importance - weight.get(a.driver)! * a.importance || a.id.localeCompare(b.id);
    const mine = active.filter((c) => c.option === winner.id).sort(byWeight);
    for (const c of mine.filter((c) => c.effect === 'good').slice(0, 2)) consequences.push({ effect: 'good', text: c.summary, claims: [c.id] });
    for (const c of mine.filter((c) => c.effect === 'bad').slice(0, 2)) consequences.push({ effect: 'bad', text: c.summary, claims: [c.id] });
    if (runnerUp && !consequences.some((c) => c.effect === 'bad')) {
      const given = active.filter((c) => c.option === runnerUp.id && c.effect === 'good').sort(byWeight)[0];
      if (given) consequences.push({ effect: 'bad', text: `We give up what ${runnerUp.name} offers here: ${given.summary}`, claims: [given.id] });
    }
  }

  return {
    title: plan.title,
    status: 'proposed',
    statusText: '',
    date,
    decisionMakers: ['Sample team lead'],
    consulted: ['Platform team'],
    informed: ['Mobile team'],
    tags: [SAMPLE_TAG],
    context: plan.context,
    drivers,
    options,
    chosenOption: winner?.id ?? null,
    rationale,
    consequences,
    confirmation: plan.confirmation,
    moreInformation: `Cairn made this sample from the knowledge pack "${pack.title}". Edit it freely, or move it to the trash when you no longer need it.`,
    evaluation: { pack: pack.id, conditions: plan.conditions, claims, scores, step: 4 },
    relations: [],
    origin: null,
  };
}
