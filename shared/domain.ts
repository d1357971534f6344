/**
 * The domain model: what a decision is, as runtime schemas with types inferred from them.
 * Shared by the core, every host and the renderer; imports nothing but zod.
 */
import { z } from 'zod';
import { EFFECTS, LIMITS, STATUSES } from './vocabulary.js';

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

export const VERDICTS = ['accepted', 'rejected'] as const;

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
  contradictions: z.array(z.object({ claim: Id, note: ShortText })).max(50).default([]),
  verdict: z.enum(VERDICTS).default('accepted'),
  /** True when the user typed this claim rather than taking it from a pack. */
  own: z.boolean().default(false),
});
export type EvidenceClaim = z.infer<typeof EvidenceClaim>;

/** A score 1–5 the user set by hand for an option under a driver; absent means "use the pre-filled one". */
export const Score = z.object({
  option: Id,
  driver: Id,
  value: z.number().int().min(1).max(5),
  note: ShortText.default(''),
});
export type Score = z.infer<typeof Score>;

export const Evaluation = z.object({
  pack: Id.nullable().default(null),
  /** Answers to the conditions claims depend on; a condition answered false sets its claims aside. */
  conditions: z.record(ShortText, z.boolean().nullable()).default({}),
  claims: z.array(EvidenceClaim).max(LIMITS.claims).default([]),
  scores: z.array(Score).max(LIMITS.claims).default([]),
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

export const RELATION_TYPES = [
  'supersedes',
  'superseded-by',
  'amends',
  'amended-by',
  'relates-to',
  'clarifies',
  'clarified-by',
  'depends-on',
  'enables',
] as const;
export const Relation = z.object({
  type: ShortText.min(1),
  target: Id,
});
export type Relation = z.infer<typeof Relation>;

/** Where an imported decision came from; kept so that an unedited decision exports byte-identically. */
export const Origin = z.object({
  file: ShortText,
  dialect: ShortText,
  raw: z.string().max(6_000_000),
  /** Opaque parse data the importer needs to write the file back with only edited parts changed. */
  extra: z.record(z.string(), z.unknown()).default({}),
});
export type Origin = z.infer<typeof Origin>;

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
  origin: Origin.nullable().default(null),
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
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;
