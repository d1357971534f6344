import { z } from 'zod';
import {
  Decision,
  DecisionContent,
  DecisionSummary,
  Id,
  IsoDate,
  RevisionSummary,
  ShortText,
  Status,
} from '../domain.js';
import { method } from './define.js';
import { SORTS } from '../vocabulary.js';

const ById = z.object({ id: Id });

export { SORTS };

export const ListQuery = z.object({
  status: Status.optional(),
  text: ShortText.optional(),
  tag: ShortText.optional(),
  decisionMaker: ShortText.optional(),
  pack: Id.optional(),
  chosenOption: ShortText.optional(),
  /** Only the decisions of this repository (its name). */
  repository: ShortText.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  trashed: z.boolean().default(false),
  sort: z.enum(SORTS).default('updated'),
  limit: z.number().int().min(1).max(100_000).default(1_000),
  offset: z.number().int().min(0).default(0),
});
export type ListQuery = z.input<typeof ListQuery>;

export const decisionMethods = {
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
  listRevisions: method(ById, z.array(RevisionSummary), 'The saved revisions of a decision, newest first.'),
  getRevision: method(z.object({ id: Id, revision: z.number().int().positive() }), Decision, 'One saved revision.'),
};
