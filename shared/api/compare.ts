/**
 * Learning from past decisions: compare side by side, find precedents, read and restore history,
 * and see decisions over time and as a graph of their links. Also the facet counts the
 * decision list filters by.
 */
import { z } from 'zod';
import { Comparison } from '../compare.js';
import { Decision, Id, IsoDate, ShortText, Status } from '../domain.js';
import { Precedent } from '../precedents.js';
import { RelationGraph } from '../relations.js';
import { FieldChange } from '../revision-diff.js';
import { ListQuery } from './decisions.js';
import { method } from './define.js';
import { FACETS, MAX_COMPARED } from '../vocabulary.js';

export { FACETS, MAX_COMPARED };

export const RevisionDiff = z.object({
  id: Id,
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  fromSavedAt: z.string(),
  toSavedAt: z.string(),
  changes: z.array(FieldChange),
});
export type RevisionDiff = z.infer<typeof RevisionDiff>;

export const StatusChange = z.object({
  revision: z.number().int().positive(),
  savedAt: z.string(),
  /** null for the status a decision was created (or imported) with. */
  from: Status.nullable(),
  to: Status,
});
export type StatusChange = z.infer<typeof StatusChange>;

export const TimelineEntry = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  status: Status,
  date: IsoDate,
  chosenOption: z.string().nullable(),
  changes: z.array(StatusChange),
  supersedes: z.array(Id),
  supersededBy: z.array(Id),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Timeline = z.object({
  /** Oldest first, by decision date. */
  entries: z.array(TimelineEntry),
  /** Supersede chains, each oldest first; ids may name decisions outside the date range. */
  chains: z.array(z.array(Id)),
});
export type Timeline = z.infer<typeof Timeline>;

export const FacetValue = z.object({ value: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;
export type Facet = (typeof FACETS)[number];
/** For each facet, its values with counts under every other filter (most frequent first). */
export const Facets = z.object(Object.fromEntries(FACETS.map((f) => [f, z.array(FacetValue)])) as Record<Facet, z.ZodArray<typeof FacetValue>>);
export type Facets = z.infer<typeof Facets>;

export const compareMethods = {
  compareDecisions: method(
    z.object({ ids: z.array(ShortText.min(1)).min(2, 'at least two decisions').max(MAX_COMPARED, `at most ${MAX_COMPARED} decisions`) }),
    Comparison,
    'Line up 2–4 decisions (ids or ADR numbers): criteria with weights and scores, options, choices, claims relied on, differences.',
  ),
  findPrecedents: method(
    z.object({ id: Id, limit: z.number().int().min(1).max(50).default(5) }),
    z.array(Precedent),
    'Past decisions most like this one in knowledge pack, options and criteria, best first, with what they chose and why.',
  ),
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
  getRelationGraph: method(
    z.object({ focus: Id.optional(), limit: z.number().int().min(1).max(2_000).default(300) }),
    RelationGraph,
    'Decisions linked by supersedes, amends, relates-to …: all of them, or those connected to one.',
  ),
  getTimeline: method(
    z.object({ from: IsoDate.optional(), to: IsoDate.optional() }),
    Timeline,
    'Decisions by date with their status changes and supersede chains.',
  ),
  listDecisionFacets: method(
    ListQuery.omit({ sort: true, limit: true, offset: true }),
    Facets,
    'The values the decision list can be filtered by, with how many decisions each would show.',
  ),
};
