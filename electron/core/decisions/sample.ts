/**
 * The sample decision a new user creates in one click from the welcome screen: a finished,
 * evidence-backed record made the way the guided decision makes one, so every screen has
 * something real to show. Pure: a pack in, decision content out.
 *
 * It uses the wizard's own functions (applyPackTo, setWeight, setCondition, setVerdict,
 * setScore, and the scoring's proposals), so the sample weighs, scores and proposes exactly as
 * a user walking the wizard would; only the answers below are the sample's.
 */
import type { PackView } from '../../../shared/api/knowledge.js';
import { DecisionContent } from '../../../shared/domain.js';
import { applyPackTo, setCondition, setScore, setVerdict, setWeight } from '../../../shared/evaluation.js';
import { analyzeDecision, proposeConsequences, proposeRationale } from '../../../shared/scoring.js';

export const SAMPLE_PACK = 'backend-runtime';
export const SAMPLE_TAG = 'sample';

interface SamplePlan {
  title: string;
  context: string;
  /** Criterion id → weight 1–5; every other criterion of the pack is weighted 0 (not relevant). */
  weights: Record<string, number>;
  /** Answers to the conditions claims depend on; false sets those claims aside. */
  conditions: Record<string, boolean>;
  /** Scores the team set by hand over the pre-filled one, with why. */
  scores: { option: string; criterion: string; value: number; note: string }[];
  confirmation: string;
}

const PLANS: Record<string, SamplePlan> = {
  'backend-runtime': {
    title: 'Sample: Which runtime for the notification service?',
    context: [
      'This is a sample decision, made by Cairn to show what a finished, evidence-backed record looks like.',
      'We are building a notification service. It keeps many WebSocket connections open to web and mobile clients, ' +
        'and most of its time is spent waiting on the message queue and the database rather than computing. ' +
        'It has no machine-learning part. The team already writes the web front end in TypeScript.',
    ].join('\n\n'),
    weights: {
      'io-concurrency': 5,
      'real-time': 5,
      'full-stack-javascript': 3,
      hiring: 3,
      'development-speed': 3,
      maintainability: 3,
      'threading-gil': 2,
      'cpu-bound': 1,
      'ml-data': 1,
    },
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
    scores: [
      {
        option: 'nodejs',
        criterion: 'maintainability',
        value: 3,
        note: 'We use TypeScript with strict checks and code review, which answers most of the maintainability concerns.',
      },
    ],
    confirmation:
      'A load test of the first version holds 10,000 open connections; we review this decision six months after launch.',
  },
};

/** The sample's title for a pack: asking for a sample again finds the one made before by it. */
export function sampleTitle(pack: { id: string; title: string; question: string }): string {
  return PLANS[pack.id]?.title ?? `Sample: ${pack.question || pack.title}`;
}

/** For a pack without a written plan: its first criteria, most important first. */
function genericPlan(pack: PackView): SamplePlan {
  const weights = [5, 4, 3, 3, 2, 1];
  return {
    title: sampleTitle(pack),
    context: `This is a sample decision, made by Cairn from the knowledge pack "${pack.title}" to show what a finished, evidence-backed record looks like.`,
    weights: Object.fromEntries(pack.criteria.slice(0, weights.length).map((c, i) => [c.id, weights[i]!])),
    conditions: {},
    scores: [],
    confirmation: 'We review this decision once the first version is in production.',
  };
}

/** The guided decision's last step (Review), where a finished decision stands. */
const REVIEW_STEP = 4;

export function buildSampleDecision(pack: PackView, date: string): DecisionContent {
  const plan = PLANS[pack.id] ?? genericPlan(pack);
  let c = DecisionContent.parse({
    title: plan.title,
    date,
    context: plan.context,
    decisionMakers: ['Sample team lead'],
    consulted: ['Platform team'],
    informed: ['Mobile team'],
    tags: [SAMPLE_TAG],
    confirmation: plan.confirmation,
    moreInformation: `Cairn made this sample from the knowledge pack "${pack.title}". Edit it freely, or move it to the trash when you no longer need it.`,
  });
  c = applyPackTo(c, pack);
  for (const d of c.drivers) c = setWeight(c, d.id, (d.criterion && plan.weights[d.criterion]) || 0);
  for (const [condition, answer] of Object.entries(plan.conditions)) c = setCondition(c, condition, answer);
  // A finished review: every claim read; outdated ones about what matters here are shown but not relied on.
  const weighted = new Set(c.drivers.filter((d) => d.weight > 0).map((d) => d.id));
  for (const claim of c.evaluation.claims)
    c = setVerdict(c, claim.id, claim.outdated && weighted.has(claim.driver) ? 'rejected' : 'accepted');
  for (const s of plan.scores) {
    const driver = c.drivers.find((d) => d.criterion === s.criterion);
    const option = c.options.find((o) => o.option === s.option);
    if (driver && option) c = setScore(c, option.id, driver.id, s.value, s.note);
  }

  const analysis = analyzeDecision(c);
  const chosen = analysis.matrix.winner ?? analysis.matrix.ranking[0] ?? null;
  if (chosen) {
    const rationale = [proposeRationale(c, chosen, analysis.matrix), analysis.sensitivity.statement]
      .filter(Boolean)
      .join(' ');
    c = { ...c, chosenOption: chosen, rationale, consequences: proposeConsequences(c, chosen) };
  }
  return { ...c, evaluation: { ...c.evaluation, step: REVIEW_STEP } };
}
