import { z } from 'zod';
import { Decision, Id } from '../domain.js';
import type { DecisionAnalysis } from '../scoring.js';
import { method } from './define.js';

const Prefill = z.object({
  value: z.number().int().nullable(),
  good: z.number().int(),
  neutral: z.number().int(),
  bad: z.number().int(),
  outdated: z.number().int(),
  rejected: z.number().int(),
  /** Claims not yet accepted or rejected: shown, never counted. */
  unreviewed: z.number().int(),
  setAside: z.number().int(),
  net: z.number(),
  evidence: z.number(),
});

const WeightChange = z.object({
  driver: z.string(),
  driverName: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  option: z.string(),
  optionName: z.string(),
  leaders: z.array(z.string()),
});

const Cell = z.object({ option: z.string(), driver: z.string() });

/** What shared/scoring.ts `analyzeDecision` computes, as a schema (see the README for each field). */
export const DecisionAnalysisSchema = z.object({
  matrix: z.object({
    options: z.array(z.object({ id: z.string(), name: z.string() })),
    rows: z.array(
      z.object({
        driver: z.string(),
        name: z.string(),
        weight: z.number().int(),
        cells: z.array(
          z.object({
            option: z.string(),
            driver: z.string(),
            /** null: unknown (no counted claim, no score). */
            score: z.number().int().nullable(),
            min: z.number().int(),
            max: z.number().int(),
            point: z.number(),
            source: z.enum(['manual', 'prefilled', 'missing']),
            note: z.string(),
            prefill: Prefill,
            contribution: z.number(),
          }),
        ),
      }),
    ),
    totals: z.array(
      z.object({
        option: z.string(),
        name: z.string(),
        total: z.number(),
        share: z.number(),
        rank: z.number().int(),
        missing: z.number().int(),
        min: z.number(),
        max: z.number(),
        excluded: z.boolean(),
      }),
    ),
    ranking: z.array(z.string()),
    leaders: z.array(z.string()),
    winner: z.string().nullable(),
    maxTotal: z.number().int(),
  }),
  sensitivity: z.object({
    statement: z.string(),
    change: WeightChange.nullable(),
    tie: WeightChange.nullable(),
    closeCall: z.boolean(),
    closeCallReason: z.string().nullable(),
    margin: z.number().int().nullable(),
  }),
  conditions: z.array(
    z.object({
      condition: z.string(),
      claims: z.number().int(),
      drivers: z.array(z.string()),
      answer: z.boolean().nullable(),
    }),
  ),
  rule: z.string(),
  exclusions: z.array(
    z.object({ option: z.string(), driver: z.string(), minimum: z.number().int(), score: z.number() }),
  ),
  unknowns: z.array(Cell),
  robustness: z.object({
    draws: z.number().int(),
    seed: z.number().int(),
    firstShare: z.record(z.string(), z.number()),
    flips: z.array(
      z.object({
        option: z.string(),
        driver: z.string(),
        from: z.number(),
        to: z.number(),
        winner: z.string(),
        statement: z.string(),
      }),
    ),
    leaveOneSourceOut: z.array(
      z.object({ source: z.string(), title: z.string(), winner: z.string().nullable(), changes: z.boolean() }),
    ),
    unknowns: z.object({ couldChangeWinner: z.boolean(), fillFirst: Cell.nullable() }),
  }),
  agreement: z.array(
    z.object({
      option: z.string(),
      driver: z.string(),
      values: z.array(z.object({ person: z.string(), value: z.number() })),
      spread: z.number(),
      mean: z.number(),
    }),
  ),
});

// The schema and the TypeScript interface must describe the same thing.
const _sameShape: z.infer<typeof DecisionAnalysisSchema> = null as unknown as DecisionAnalysis;
const _sameShapeBack: DecisionAnalysis = null as unknown as z.infer<typeof DecisionAnalysisSchema>;

export const evaluationMethods = {
  applyPack: method(
    z.object({
      id: Id,
      /** The pack to bring in; null removes what the current pack brought. */
      pack: Id.nullable(),
      /** When given, the call is refused if the decision was saved since (as updateDecision does). */
      baseRevision: z.number().int().positive().optional(),
    }),
    Decision,
    'Bring a knowledge pack’s options, criteria and claims into a decision; re-applying keeps verdicts, own claims, weights and scores, another pack (or null) replaces what the previous one brought.',
  ),
  evaluateDecision: method(
    z.object({ id: Id }),
    DecisionAnalysisSchema,
    'The weighted matrix, totals, ranking, sensitivity and condition questions of a decision (shared/scoring.ts).',
  ),
};
