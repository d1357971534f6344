import { z } from 'zod';
import { Decision, DecisionContent, DecisionSummary, Id, IsoDate, ShortText, Status } from '../domain.js';
import { method } from './define.js';
import { DATE_STATES, REVIEW_STATES, SORTS } from '../vocabulary.js';

const ById = z.object({ id: Id });

export { SORTS };

export const ListQuery = z.object({
  status: Status.optional(),
  /** Only the decisions with this ADR number (several repositories may each have one). */
  number: z.number().int().min(0).optional(),
  text: ShortText.optional(),
  tag: ShortText.optional(),
  decisionMaker: ShortText.optional(),
  pack: Id.optional(),
  chosenOption: ShortText.optional(),
  /** Only the decisions of this repository (its name). */
  repository: ShortText.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** overdue, due (within 30 days), scheduled (later) or none: see shared/review.ts. */
  review: z.enum(REVIEW_STATES).optional(),
  /** written, git (the commit that added an undated file) or none (no readable date). */
  dated: z.enum(DATE_STATES).optional(),
  trashed: z.boolean().default(false),
  sort: z.enum(SORTS).default('updated'),
  limit: z.number().int().min(1).max(100_000).default(1_000),
  offset: z.number().int().min(0).default(0),
});
export type ListQuery = z.input<typeof ListQuery>;

/** A decision's ADR as export would write it, with what the read view says about where it came from. */
export const RenderedAdr = z.object({
  markdown: z.string(),
  format: z.enum(['madr', 'nygard']),
  /** The imported file's name and dialect, null for a decision Cairn wrote. */
  origin: z.object({ file: z.string(), dialect: z.string() }).nullable(),
});
export type RenderedAdr = z.infer<typeof RenderedAdr>;

export const decisionMethods = {
  renderDecision: method(
    z.object({ id: Id }),
    RenderedAdr,
    'The ADR Markdown of a decision exactly as export writes it (an unedited imported file: its own text), with its relations resolved.',
  ),
  createDecision: method(
    z.object({ content: DecisionContent.extend({ date: IsoDate.optional() }) }),
    Decision,
    'Create a draft decision (date defaults to today).',
  ),
  getDecision: method(ById, Decision, 'Read one decision, trashed or not.'),
  updateDecision: method(
    z.object({ id: Id, baseRevision: z.number().int().positive(), content: DecisionContent }),
    Decision,
    'Save a decision as a new revision; refused when baseRevision is not the latest.',
  ),
  listDecisions: method(
    ListQuery,
    z.object({ items: z.array(DecisionSummary), total: z.number().int() }),
    'List decisions, filtered and sorted.',
  ),
  trashDecision: method(ById, Decision, 'Move a decision to the trash (kept, restorable).'),
  restoreDecision: method(ById, Decision, 'Bring a decision back from the trash.'),
  createSampleDecision: method(
    z.object({ pack: Id.optional() }),
    Decision,
    'Create a finished sample decision from a knowledge pack (default backend-runtime): weighted drivers, options, claims, scores, outcome; the existing sample when there is one.',
  ),
};
