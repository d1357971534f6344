/**
 * Decisions that stay alive: a review date and triggers on each decision, the list of those due,
 * and recording a review's outcome (still holds, amend, supersede) as a revision with a note.
 */
import { z } from 'zod';
import { Decision, Id, IsoDate, REVIEW_OUTCOMES, ShortText, Status } from '../domain.js';
import { method } from './define.js';

export const DueItem = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  status: Status,
  /** Null only for a decision listed because its evidence changed and that has no review date. */
  reviewBy: IsoDate.nullable(),
  /** Days from today to the review date: negative when overdue, 0 today. */
  days: z.number().int().nullable(),
  overdue: z.boolean(),
  triggers: z.array(z.string()),
  /** Why the decision's evidence needs a look (claims missing or moved in their sources), or null. */
  evidenceChanged: z.string().nullable(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DueList = z.object({
  today: IsoDate,
  within: z.number().int(),
  /** How many listed decisions are past their review date. */
  overdue: z.number().int(),
  /** Soonest review first. */
  items: z.array(DueItem),
});
export type DueList = z.infer<typeof DueList>;

export const ReviewResult = z.object({
  decision: Decision,
  /** The superseding draft a "supersede" review started, else null. */
  draft: Decision.nullable(),
});
export type ReviewResult = z.infer<typeof ReviewResult>;

export const reviewMethods = {
  listDue: method(
    z.object({
      within: z.number().int().min(0).max(36_500).default(0),
      /** The day to count from (default today); for scripts that check ahead. */
      on: IsoDate.optional(),
    }),
    DueList,
    'Live (proposed or accepted) decisions whose review date has passed or falls within `within` days, soonest first.',
  ),
  reviewDecision: method(
    z.object({
      id: Id,
      baseRevision: z.number().int().positive(),
      outcome: z.enum(REVIEW_OUTCOMES),
      note: ShortText.default(''),
      /** The next review date (required when the decision still holds; null for none); absent keeps the current one. */
      nextReview: IsoDate.nullable().optional(),
    }),
    ReviewResult,
    'Record a review as a revision with a note: it still holds (next date), is being amended, or is superseded (starts a related draft).',
  ),
};
