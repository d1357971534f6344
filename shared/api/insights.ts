/**
 * Decisions seen together: over time (the timeline with status changes and supersede chains) and
 * counted by facet (what the decision list filters by).
 */
import { z } from 'zod';
import { DecisionDate, Id, IsoDate, ShortText, Status } from '../domain.js';
import { ListQuery } from './decisions.js';
import { method } from './define.js';
import { FACETS } from '../vocabulary.js';

export { FACETS };

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
  /** '' for a decision without a readable date (listed last, under "No date"). */
  date: DecisionDate,
  chosenOption: z.string().nullable(),
  /** The repository the decision belongs to (its name), null for none. */
  repository: z.string().nullable(),
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
export const Facets = z.object(
  Object.fromEntries(FACETS.map((f) => [f, z.array(FacetValue)])) as Record<Facet, z.ZodArray<typeof FacetValue>>,
);
export type Facets = z.infer<typeof Facets>;

export const insightsMethods = {
  getTimeline: method(
    z.object({
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      /** Only this repository's decisions (its name); all repositories when left out. */
      repository: ShortText.optional(),
    }),
    Timeline,
    'Decisions by date with their status changes and supersede chains.',
  ),
  listDecisionFacets: method(
    ListQuery.omit({ sort: true, limit: true, offset: true }),
    Facets,
    'The values the decision list can be filtered by, with how many decisions each would show.',
  ),
};
