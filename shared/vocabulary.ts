/**
 * The fixed words and bounds of the domain and the API, as plain constants with no schema
 * library behind them. The schemas (domain.ts, api/*.ts) are built from these; the renderer
 * imports them from here, so its first screen does not construct every schema to get a list.
 */

/** Bounds that keep hostile input from exhausting memory; generous for real decisions. */
export const LIMITS = {
  id: 100,
  title: 500,
  shortText: 2_000,
  longText: 200_000,
  listItems: 500,
  claims: 5_000,
} as const;

export const STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export const EFFECTS = ['good', 'neutral', 'bad'] as const;
export const SOURCE_KINDS = ['vendor-blog', 'marketing', 'engineering-blog', 'docs', 'paper', 'other'] as const;

/** Orders the decision list offers. */
export const SORTS = ['updated', 'number', 'date', 'title', 'status', 'review'] as const;
/** Fields the decision list counts values of, for one-click filters. */
export const FACETS = [
  'status',
  'repository',
  'review',
  'dated',
  'chosenOption',
  'pack',
  'tag',
  'decisionMaker',
] as const;

/**
 * Where a decision's date comes from (the `dated` facet): written in the decision or its file, the
 * commit that added an undated file ("from git"), or none at all ("no date", sorted last).
 */
export const DATE_STATES = ['written', 'git', 'none'] as const;

/**
 * Where a decision stands with its review date (the `review` facet): past it, due within
 * DUE_SOON_DAYS, later, or none (no date, or a status that is no longer reviewed).
 */
export const REVIEW_STATES = ['overdue', 'due', 'scheduled', 'none'] as const;
/** "Due for review" means a review date within this many days (the list's facet; `cairn due` takes --within). */
export const DUE_SOON_DAYS = 30;
/** Only live decisions are reviewed: a rejected, deprecated or superseded one never comes due. */
export const REVIEWED_STATUSES = ['proposed', 'accepted'] as const;
/** Decisions compared side by side at most. */
export const MAX_COMPARED = 4;
export const THEMES = ['system', 'light', 'dark'] as const;

/** Weights this far apart (on the 0–5 scale) for the same criterion earn a warning, not just a highlight. */
export const WEIGHT_WARNING_SPREAD = 3;

/**
 * How a claim's quote stands against its source's stored text: found once under the section it
 * names; found once under another section; found more than once; not found; no text to check.
 */
export const VERIFICATION_STATES = ['verified', 'moved', 'ambiguous', 'missing', 'unchecked'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];
