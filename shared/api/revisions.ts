/**
 * A decision's history: every save keeps a revision; read one, compare two, restore an earlier one.
 */
import { z } from 'zod';
import { Decision, Id, RevisionSummary } from '../domain.js';
import { FieldChange } from '../revision-diff.js';
import { method } from './define.js';

export const RevisionDiff = z.object({
  id: Id,
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  fromSavedAt: z.string(),
  toSavedAt: z.string(),
  changes: z.array(FieldChange),
});
export type RevisionDiff = z.infer<typeof RevisionDiff>;

export const revisionMethods = {
  listRevisions: method(
    z.object({ id: Id }),
    z.array(RevisionSummary),
    'The saved revisions of a decision, newest first.',
  ),
  getRevision: method(z.object({ id: Id, revision: z.number().int().positive() }), Decision, 'One saved revision.'),
  diffRevisions: method(
    z.object({ id: Id, from: z.number().int().positive(), to: z.number().int().positive() }),
    RevisionDiff,
    'What changed between two revisions of a decision, field by field.',
  ),
  restoreRevision: method(
    z.object({ id: Id, revision: z.number().int().positive(), baseRevision: z.number().int().positive().optional() }),
    Decision,
    'Save the content of an earlier revision as a new revision; nothing in between is lost.',
  ),
};
