/**
 * A decision's life after it is written: superseded, deprecated, rejected, linked to others with
 * a named relation (its reverse written on the other decision), renumbered when two branches
 * picked the same number. Every change is a new revision, so the status history is derived.
 */
import { z } from 'zod';
import { Decision, Id, ShortText, Status } from '../domain.js';
import { method } from './define.js';

export const RelatedDecision = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  status: Status,
  trashed: z.boolean(),
});

export const RelationView = z.object({
  type: z.string(),
  /** outgoing: this decision states it; incoming: only the other decision states it (read as its reverse). */
  direction: z.enum(['outgoing', 'incoming']),
  target: Id,
  /** Null when the target no longer exists. */
  decision: RelatedDecision.nullable(),
});
export type RelationView = z.infer<typeof RelationView>;

export const StatusChange = z.object({
  revision: z.number().int(),
  savedAt: z.string(),
  status: Status,
  statusText: z.string(),
  reason: z.string(),
});
export type StatusChange = z.infer<typeof StatusChange>;

const Relation = z.string().min(1, 'a relation such as supersedes, amends or relates-to').max(100);

export const lifecycleMethods = {
  supersedeDecision: method(
    z.object({ old: Id, new: Id }),
    z.object({ old: Decision, new: Decision }),
    'Mark OLD as superseded by NEW: OLD gets status superseded and a superseded-by relation, NEW a supersedes relation.',
  ),
  linkDecisions: method(
    z.object({ from: Id, relation: Relation, to: Id }),
    z.object({ from: Decision, to: Decision }),
    'Relate two decisions with a named relation; the reverse relation is written on the other decision.',
  ),
  unlinkDecisions: method(
    z.object({ from: Id, relation: Relation, to: Id }),
    z.object({ from: Decision, to: Decision }),
    'Remove a relation and its reverse.',
  ),
  setStatus: method(
    z.object({ id: Id, status: Status, text: ShortText.optional() }),
    Decision,
    'Set the status (deprecate, reject, accept …); `text` is how the file should write it, if not the plain word.',
  ),
  listStatusHistory: method(
    z.object({ id: Id }),
    z.array(StatusChange),
    'Every status a decision has had, oldest first, from its revisions.',
  ),
  listRelations: method(
    z.object({ id: Id }),
    z.array(RelationView),
    'The relations of a decision in both directions, with the related decisions.',
  ),
  findDuplicateNumbers: method(
    z.object({}),
    z.array(
      z.object({
        number: z.number().int(),
        decisions: z.array(RelatedDecision.extend({ file: z.string().nullable() })),
      }),
    ),
    'ADR numbers that more than one decision has.',
  ),
  renumberDecision: method(
    z.object({ id: Id, number: z.number().int().min(0).optional() }),
    z.object({
      decision: Decision,
      /** Other decisions whose links to it were rewritten. */
      rewritten: z.array(Id),
      /** Its files renamed in ADR folders (`0002-x.md` → `0004-x.md`). */
      moved: z.array(z.object({ dir: z.string(), from: z.string(), to: z.string() })),
      /** Files left as they are, with the reason (changed since Cairn saw them, name taken, gone). */
      kept: z.array(z.object({ dir: z.string(), file: z.string(), reason: z.string() })),
    }),
    'Give a decision another number (the next free one if none is given): its file is renamed in the folders Cairn knows, and the links that point at it are rewritten.',
  ),
};
