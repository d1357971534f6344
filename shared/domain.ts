/**
 * The domain model: what a decision is, as runtime schemas with types inferred from them.
 * Shared by the core, every host and the renderer; imports nothing but zod.
 */
import { z } from 'zod';
import { EFFECTS, LIMITS, STATUSES, VERIFICATION_STATES } from './vocabulary.js';

export { EFFECTS, LIMITS, STATUSES };

export const Id = z.string().min(1).max(LIMITS.id);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** A decision's date, or '' for "no date": an imported file that states none is never given one Cairn made up. */
export const DecisionDate = IsoDate.or(z.literal(''));
/** Where a decision's date comes from: written (in the file, or set in Cairn), or the commit that added its file ("from git"). */
export const DATE_SOURCES = ['written', 'git'] as const;
export const ShortText = z.string().max(LIMITS.shortText);
export const LongText = z.string().max(LIMITS.longText);
const People = z.array(ShortText).max(LIMITS.listItems);

export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const Effect = z.enum(EFFECTS);
export type Effect = z.infer<typeof Effect>;

/** A criterion this decision is driven by; `weight` 0 (not relevant) … 5 (critical). */
export const Driver = z.object({
  id: Id,
  name: ShortText.min(1),
  description: ShortText.default(''),
  question: ShortText.default(''),
  weight: z.number().int().min(0).max(5).default(3),
  /** A must-have: an option scoring below this (1–5) on this criterion is excluded, whatever its total. */
  minimum: z.number().int().min(1).max(5).nullable().default(null),
  /** The knowledge-pack criterion this driver came from, if any. */
  criterion: Id.nullable().default(null),
});
export type Driver = z.infer<typeof Driver>;

export const ConsideredOption = z.object({
  id: Id,
  name: ShortText.min(1),
  description: LongText.default(''),
  /** The knowledge-pack option this came from, if any. */
  option: Id.nullable().default(null),
});
export type ConsideredOption = z.infer<typeof ConsideredOption>;

/** Where a cited claim comes from, copied into the decision so its evidence outlives pack upgrades. */
export const SourceRef = z.object({
  id: Id,
  title: ShortText,
  publisher: ShortText.nullable().default(null),
  author: ShortText.nullable().default(null),
  date: IsoDate.nullable().default(null),
  kind: ShortText.default('other'),
  url: ShortText.nullable().default(null),
});
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * `unreviewed`: brought in from a pack and not yet read by the architect; it counts nowhere (no
 * score, no citation) until accepted. A claim without a verdict (older JSON) reads as accepted,
 * which is what it meant when it was written.
 */
export const VERDICTS = ['accepted', 'rejected', 'unreviewed'] as const;

/**
 * A claim as this decision weighs it: a snapshot of a pack claim (or one the user typed),
 * addressed to this decision's driver and option ids, with the user's verdict.
 */
export const EvidenceClaim = z.object({
  id: Id,
  driver: Id,
  option: Id,
  effect: Effect,
  condition: ShortText.nullable().default(null),
  summary: ShortText,
  section: ShortText.default(''),
  anchor: ShortText.default(''),
  importance: z.number().int().min(1).max(3).default(2),
  source: SourceRef.nullable().default(null),
  /** Why the claim is outdated, when it is. */
  outdated: ShortText.nullable().default(null),
  /** Claims that contradict this one, with the reason. */
  contradictions: z
    .array(z.object({ claim: Id, note: ShortText }))
    .max(50)
    .default([]),
  verdict: z.enum(VERDICTS).default('accepted'),
  /** True when the user typed this claim rather than taking it from a pack. */
  own: z.boolean().default(false),
  /**
   * Where its quote stood against the source's stored text when the decision took it (null:
   * never checked, as in decisions saved before Cairn kept texts). Anything but `verified` is
   * said in the exported footnote.
   */
  verification: z.enum(VERIFICATION_STATES).nullable().default(null),
});
export type EvidenceClaim = z.infer<typeof EvidenceClaim>;

/** A score 1–5 the user set by hand for an option under a driver; absent means "use the pre-filled one". */
export const Score = z.object({
  option: Id,
  driver: Id,
  value: z.number().int().min(1).max(5),
  note: ShortText.default(''),
  /** "Somewhere between 2 and 4": the range the score may lie in, both set or neither; value lies within. */
  min: z.number().int().min(1).max(5).nullable().default(null),
  max: z.number().int().min(1).max(5).nullable().default(null),
});
export type Score = z.infer<typeof Score>;

export const WEIGHTING_METHODS = ['direct', 'swing'] as const;
/**
 * How the weights were set. Direct: each criterion rated 0–5. Swing: for each criterion, the
 * points (0–100) the swing from its worst to its best option is worth, the most valued swing 100;
 * the weights are those points scaled to 0–5 (`swingWeight` in shared/evaluation.ts).
 */
export const Weighting = z.object({
  method: z.enum(WEIGHTING_METHODS).default('direct'),
  swing: z.record(Id, z.number().min(0).max(100)).default({}),
  /** Swing only: the criteria ranked by how much their swing matters, the most first (driver ids). */
  order: z.array(Id).max(LIMITS.listItems).default([]),
});
export type Weighting = z.infer<typeof Weighting>;

/** One person's own view of the decision: their weights and scores (absent ones follow the decision's). */
export const PersonView = z.object({
  name: ShortText.min(1),
  role: z.enum(['decision-maker', 'consulted']).default('decision-maker'),
  weights: z.record(Id, z.number().int().min(0).max(5)).default({}),
  scores: z
    .array(z.object({ option: Id, driver: Id, value: z.number().int().min(1).max(5), note: ShortText.default('') }))
    .max(LIMITS.claims)
    .default([]),
});
export type PersonView = z.infer<typeof PersonView>;

/** How several people's views make the matrix: the decision's own, their mean, or one person's call. */
export const Combination = z.object({
  method: z.enum(['own', 'mean', 'person']).default('own'),
  person: ShortText.nullable().default(null),
});
export type Combination = z.infer<typeof Combination>;

export const Evaluation = z.object({
  pack: Id.nullable().default(null),
  /** The version of the pack when it was applied, so the ledger names the evidence's edition. */
  packVersion: z.number().int().nullable().default(null),
  /** Answers to the conditions claims depend on; a condition answered false sets its claims aside. */
  conditions: z.record(ShortText, z.boolean().nullable()).default({}),
  claims: z.array(EvidenceClaim).max(LIMITS.claims).default([]),
  scores: z.array(Score).max(LIMITS.claims).default([]),
  weighting: Weighting.default(Weighting.parse({})),
  people: z.array(PersonView).max(50).default([]),
  combine: Combination.default(Combination.parse({})),
  /** The seed of the robustness draws: recorded so the same decision gives the same figures everywhere. */
  seed: z.number().int().min(0).max(4_294_967_295).default(20_260_101),
  /** The wizard step the user last stood on, so a draft reopens where it was left. */
  step: z.number().int().min(0).max(10).default(0),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const Consequence = z.object({
  effect: Effect,
  text: LongText,
  /** Ids of evidence claims this consequence rests on. */
  claims: z.array(Id).max(50).default([]),
});
export type Consequence = z.infer<typeof Consequence>;

export const Relation = z.object({
  type: ShortText.min(1),
  target: Id,
});
export type Relation = z.infer<typeof Relation>;

/** What a review concluded: the decision still holds, is being amended, or is being superseded. */
export const REVIEW_OUTCOMES = ['holds', 'amend', 'supersede'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** One review of a decision, kept in its content so the history shows who looked again and why. */
export const ReviewEntry = z.object({
  date: IsoDate,
  outcome: z.enum(REVIEW_OUTCOMES),
  note: ShortText.default(''),
  /** The review date set by this review (null: none set). */
  next: IsoDate.nullable().default(null),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

/** A review trigger: a short condition that should send the team back to this decision. */
export const ReviewTrigger = z.string().trim().min(1).max(300);

/**
 * Where an imported decision came from; kept so that an unedited decision exports byte-identically.
 * Not part of a decision's content or of the API: the core keeps it in a table of its own
 * (electron/core/origins.ts), so the file's bytes never travel with a save or into a revision.
 */
export const Origin = z.object({
  file: ShortText,
  dialect: ShortText,
  raw: z.string().max(6_000_000),
  /** Opaque parse data the importer needs to write the file back with only edited parts changed. */
  extra: z.record(z.string(), z.unknown()).default({}),
});
export type Origin = z.infer<typeof Origin>;
/** A decision (or its content) together with the file it was imported from, as the core's exporter and importer see it. */
export type WithOrigin<T> = T & { origin: Origin | null };

/**
 * What is wrong with a web link's address, in words that follow "Link N: ", or null. Policy: only
 * http(s), mailto and relative paths (never javascript:, data: or file:), nothing that would end
 * the Markdown link early, and no relative Markdown file: ADR folders read a link to one as a link
 * to another decision, which is a relation.
 */
export function linkTargetProblem(url: string): string | null {
  if (!url.trim()) return 'the address is empty. Type one, or remove the link.';
  if (/[\s<>"`\\]/.test(url)) return 'the address cannot hold spaces, quotes, backslashes or angle brackets.';
  let depth = 0;
  for (const c of url) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) return 'the address has a parenthesis without its pair.';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) {
    if (!/^(?:https?|mailto)$/i.test(scheme[1]!))
      return 'the address must start with http://, https:// or mailto:, or be a relative path (docs/runbook.pdf).';
    if (/^https?:/i.test(url) && !/^https?:\/\/[^/?#]+/i.test(url))
      return 'the address needs a host after http:// or https://.';
    if (/^mailto:$/i.test(url)) return 'the address needs an email address after mailto:.';
    return null;
  }
  if (url.startsWith('//')) return 'the address must start with http:// or https://.';
  if (/\.(?:md|markdown|mdx)$/i.test(url.split(/[?#]/)[0]!))
    return 'a link to a Markdown file reads as a link to another decision: add it as a relation instead.';
  return null;
}

/** A plain link the ADR lists under Links (a web page, a ticket); links to other decisions are relations. */
export const WebLink = z.object({
  title: ShortText,
  url: ShortText.superRefine((url, ctx) => {
    const problem = linkTargetProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});
export type WebLink = z.infer<typeof WebLink>;

/** The editable content of a decision: what `new --from` accepts and every save carries. */
export const DecisionContent = z.object({
  title: ShortText.min(1, 'a title').max(LIMITS.title),
  status: Status.default('proposed'),
  /** The status as written in an imported file ("Superceded by 3", "✅ Accepted"), kept verbatim. */
  statusText: ShortText.default(''),
  date: DecisionDate,
  dateSource: z.enum(DATE_SOURCES).default('written'),
  decisionMakers: People.default([]),
  consulted: People.default([]),
  informed: People.default([]),
  tags: z.array(z.string().min(1).max(100)).max(100).default([]),
  context: LongText.default(''),
  drivers: z.array(Driver).max(LIMITS.listItems).default([]),
  options: z.array(ConsideredOption).max(LIMITS.listItems).default([]),
  chosenOption: Id.nullable().default(null),
  rationale: LongText.default(''),
  consequences: z.array(Consequence).max(LIMITS.listItems).default([]),
  confirmation: LongText.default(''),
  moreInformation: LongText.default(''),
  evaluation: Evaluation.default(Evaluation.parse({})),
  relations: z.array(Relation).max(LIMITS.listItems).default([]),
  /** When the team should look at this decision again (exported as `review-by`). */
  reviewBy: IsoDate.nullable().default(null),
  /** Events that should send the team back to it before that date (exported as `review-triggers`). */
  reviewTriggers: z.array(ReviewTrigger).max(20).default([]),
  /** The reviews recorded so far, oldest first. */
  reviews: z.array(ReviewEntry).max(LIMITS.listItems).default([]),
  /** Plain links of the ADR's Links section, in its order (a ledger leaves the key out when there are none). */
  links: z.array(WebLink).max(LIMITS.listItems).default([]),
});
export type DecisionContent = z.infer<typeof DecisionContent>;
export type DecisionContentInput = z.input<typeof DecisionContent>;

export const Decision = DecisionContent.extend({
  id: Id,
  /** The ADR number; null while a draft has never been exported or accepted. */
  number: z.number().int().nonnegative().nullable(),
  revision: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
  trashedAt: z.string().nullable(),
});
export type Decision = z.infer<typeof Decision>;

export const DecisionSummary = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  status: Status,
  date: DecisionDate,
  dateSource: z.enum(DATE_SOURCES),
  tags: z.array(z.string()),
  decisionMakers: z.array(z.string()),
  pack: Id.nullable(),
  chosenOption: z.string().nullable(),
  /** The review date, or null. */
  reviewBy: IsoDate.nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
  trashedAt: z.string().nullable(),
  /** The repository the decision belongs to (its name), and its file's path there; null for a draft never exported. */
  repository: z.string().nullable(),
  path: z.string().nullable(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const RevisionSummary = z.object({
  revision: z.number().int().positive(),
  savedAt: z.string(),
  title: z.string(),
  status: Status,
  /** What kind of save made this revision: create, update, trash, restore, import, … */
  reason: z.string(),
  /** What this save changed from the revision before, in words ("status proposed → accepted; context edited"); "" for the first or when nothing did. */
  changes: z.string().default(''),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;
