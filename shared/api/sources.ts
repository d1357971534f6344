/**
 * Packs for any question, built from the user's own documents: create a pack, add a source from
 * a file or pasted text (its text stored and every claim on it verified), read a source's text,
 * get suggested claims, and see which decisions rest on evidence that changed.
 */
import { z } from 'zod';
import { Effect, Id, IsoDate, ShortText } from '../domain.js';
import { SOURCE_KINDS } from '../pack.js';
import { SourceSection, SOURCE_LIMITS } from '../sources.js';
import { VERIFICATION_STATES } from '../vocabulary.js';
import { method } from './define.js';
import { PackSummary, SourceView } from './knowledge.js';

const PackId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a pack id in lower-case letters, digits and dashes (e.g. "database-engine")');

/** Bibliographic fields; each one given replaces what the document said about itself. */
export const SourceFields = z.object({
  title: ShortText.min(1).optional(),
  publisher: ShortText.nullable().optional(),
  author: ShortText.nullable().optional(),
  date: IsoDate.nullable().optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
  url: ShortText.nullable().optional(),
});
export type SourceFields = z.infer<typeof SourceFields>;

/** A document as it travels to the core: a file's bytes in base64, or pasted text. */
export const DocumentInput = z.union([
  z.object({
    name: ShortText.min(1),
    base64: z
      .string()
      .min(1)
      .max(Math.ceil((SOURCE_LIMITS.fileBytes * 4) / 3) + 8),
  }),
  z.object({
    name: ShortText.min(1).default('pasted text.txt'),
    text: z.string().min(1, 'some text').max(SOURCE_LIMITS.textChars),
  }),
]);
export type DocumentInput = z.input<typeof DocumentInput>;

export const CheckChange = z.object({
  claim: Id,
  source: Id,
  was: z.enum(VERIFICATION_STATES),
  now: z.enum(VERIFICATION_STATES),
  reason: z.string(),
});

export const Suggestion = z.object({
  source: Id,
  option: Id,
  criterion: Id,
  effect: Effect,
  anchor: z.string(),
  section: z.string(),
  score: z.number(),
  /** The whole sentence the anchor was cut from, for the reader to judge. */
  sentence: z.string(),
  start: z.number().int(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const EvidenceChange = z.object({
  decision: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  pack: Id,
  claims: z.array(
    z.object({
      claim: Id,
      summary: z.string(),
      was: z.enum(VERIFICATION_STATES).nullable(),
      now: z.enum(VERIFICATION_STATES),
      reason: z.string(),
    }),
  ),
});
export type EvidenceChange = z.infer<typeof EvidenceChange>;

export const sourceMethods = {
  createPack: method(
    z.object({
      id: PackId,
      title: ShortText.optional(),
      question: ShortText.min(1, 'the question the pack helps answer'),
      options: z
        .array(z.object({ name: ShortText.min(1), description: ShortText.default('') }))
        .min(2, 'at least two options')
        .max(100),
      criteria: z
        .array(
          z.object({ name: ShortText.min(1), description: ShortText.default(''), question: ShortText.default('') }),
        )
        .min(1, 'at least one criterion')
        .max(200),
    }),
    PackSummary,
    'Create an empty pack of the user’s own for a question, with its options and criteria (ids made from the names).',
  ),
  addSourceDocument: method(
    z.object({ pack: Id, document: DocumentInput, source: Id.optional(), fields: SourceFields.default({}) }),
    z.object({ source: SourceView, version: z.number().int(), created: z.boolean(), changes: z.array(CheckChange) }),
    'Add a source from a document (Markdown, HTML, PDF, DOCX, text or pasted text), its text and headings stored; with `source`, store a new version of that source’s text and re-verify its claims, listing what changed.',
  ),
  updateSource: method(
    z.object({ pack: Id, source: Id, fields: SourceFields }),
    SourceView,
    'Edit the bibliographic fields of a source of the user’s own.',
  ),
  getSourceText: method(
    z.object({ pack: Id, source: Id, version: z.number().int().positive().optional() }),
    z.object({
      source: Id,
      version: z.number().int(),
      versions: z.number().int(),
      format: z.string(),
      text: z.string(),
      sections: z.array(SourceSection),
      claims: z.array(
        z.object({
          id: Id,
          state: z.enum(VERIFICATION_STATES),
          start: z.number().int().nullable(),
          end: z.number().int().nullable(),
        }),
      ),
    }),
    'The stored text of a source with its headings and where each claim drawn from it sits.',
  ),
  suggestClaims: method(
    z.object({
      pack: Id,
      source: Id,
      limit: z.number().int().min(1).max(500).default(20),
      includeDismissed: z.boolean().default(false),
    }),
    z.array(Suggestion),
    'Passages of a source that say something about an option under a criterion, best first, each with a guessed effect.',
  ),
  dismissSuggestion: method(
    z.object({ pack: Id, source: Id, start: z.number().int().min(0), option: Id, criterion: Id }),
    z.object({ dismissed: z.number().int() }),
    'Set a suggestion aside so it is not offered again.',
  ),
  evaluateSuggestions: method(
    z.object({ pack: Id, top: z.number().int().min(1).max(100).default(10) }),
    z.object({
      top: z.number().int(),
      claims: z.number().int(),
      found: z.number().int(),
      recall: z.number(),
      claims3: z.number().int(),
      found3: z.number().int(),
      recall3: z.number(),
      suggested: z.number().int(),
      hits: z.number().int(),
      precision: z.number(),
      sources: z.number().int(),
    }),
    'Measure suggestions against a pack’s own claims as the answer key: from each source with stored text, with only the pack’s options and criteria, how many claimed sentences are among the top N suggestions of their criterion × option (recall), and how many suggestions name a claimed sentence (precision).',
  ),
  listEvidenceChanges: method(
    z.object({}),
    z.array(EvidenceChange),
    'Decisions that accepted a claim whose quote has since gone missing, moved or become ambiguous in its source.',
  ),
};
