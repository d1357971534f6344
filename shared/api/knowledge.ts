import { z } from 'zod';
import { Effect, Id, IsoDate, ShortText } from '../domain.js';
import {
  Anchor,
  PackClaim,
  PackContradiction,
  PackCriterion,
  PackOption,
  PackOutdated,
  PackSource,
  SOURCE_KINDS,
} from '../pack.js';
import { ClaimCheck, SourceTextInfo } from '../sources.js';
import { method } from './define.js';

/** A claim as the Library shows it: the pack's data plus what the user did with it. */
export const ClaimView = PackClaim.extend({
  own: z.boolean(),
  hidden: z.boolean(),
  flagged: z.boolean(),
  flagNote: z.string(),
  /** Why the claim is outdated, when the pack says it is. */
  outdated: z.string().nullable(),
  /** True when the outdated note is the user's own (it can be removed); false when it came with the pack. */
  outdatedOwn: z.boolean(),
  /** Claims that disagree with this one; `own` ones the user noted (they can be removed). */
  contradictions: z.array(z.object({ claim: Id, note: z.string(), own: z.boolean() })),
  /** Where its quote stands against the source's stored text; `unchecked` when there is none. */
  verification: ClaimCheck,
});
export type ClaimView = z.infer<typeof ClaimView>;

/** A source as the Library shows it: its text is summarised (`text`), never sent whole; `getSourceText` reads it. */
export const SourceView = PackSource.omit({ document: true }).extend({
  own: z.boolean(),
  text: SourceTextInfo.nullable(),
});
export type SourceView = z.infer<typeof SourceView>;

/** A pack as stored: shipped (or imported) content merged with the user's own sources and claims. */
export const PackView = z.object({
  id: Id,
  version: z.number().int(),
  title: z.string(),
  question: z.string(),
  shipped: z.boolean(),
  options: z.array(PackOption),
  criteria: z.array(PackCriterion),
  sources: z.array(SourceView),
  claims: z.array(ClaimView),
  /** The pack's own contradictions, then the user's (`own`, removable). */
  contradictions: z.array(PackContradiction.extend({ own: z.boolean() })),
  outdated: z.array(PackOutdated.extend({ own: z.boolean() })),
});
export type PackView = z.infer<typeof PackView>;

export const PackSummary = z.object({
  id: Id,
  title: z.string(),
  question: z.string(),
  version: z.number().int(),
  shipped: z.boolean(),
  options: z.number().int(),
  criteria: z.number().int(),
  sources: z.number().int(),
  claims: z.number().int(),
});
export type PackSummary = z.infer<typeof PackSummary>;

/** Longest note on a contradiction or an outdated claim. */
export const MAX_NOTE_CHARS = 1_000;

/** Why two claims disagree, or why one is outdated: said in words, trimmed, not too long. */
const Note = z
  .string()
  .trim()
  .min(1, 'a note saying why (it is shown beside the claims)')
  .max(MAX_NOTE_CHARS, `a note of at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters`);

/** Two different claims of one pack, in any order. */
const ClaimPair = z
  .array(Id)
  .length(2, 'two claims')
  .refine(([a, b]) => a !== b, 'two different claims (a claim cannot contradict itself)');

/** A contradiction the user noted: its two claim ids in sorted order. */
export const OwnContradiction = z.object({ claims: z.array(Id).length(2), note: z.string() });
export const OwnOutdated = z.object({ claim: Id, note: z.string() });

export const PackProblem = z.object({ where: z.string(), message: z.string() });

export const knowledgeMethods = {
  listPacks: method(z.object({}), z.array(PackSummary), 'The knowledge packs in the store.'),
  getPack: method(z.object({ id: Id }), PackView, 'One pack with the user’s own sources, claims and marks.'),
  exportPack: method(
    z.object({ id: Id }),
    z.record(z.string(), z.unknown()),
    'A pack in the cairn-pack/1 format, the user’s additions included.',
  ),
  importPack: method(
    z.object({ pack: z.unknown() }),
    PackSummary.extend({ states: z.record(z.string(), z.number().int()) }),
    'Add or replace a pack from cairn-pack/1 JSON; a malformed pack is refused with every problem named and nothing changed.',
  ),
  savePackFile: method(
    z.object({ id: Id, folder: ShortText.min(1, 'a folder path') }),
    z.object({ path: z.string(), bytes: z.number().int(), sources: z.number().int(), texts: z.number().int() }),
    'Write a pack as a cairn-pack/1 file (its source texts carried along) into a folder, as ID.cairn-pack.json; an existing file of that name is replaced.',
  ),
  readPackFile: method(
    z.object({ path: ShortText.min(1, 'a pack file’s path') }),
    PackSummary.extend({ states: z.record(z.string(), z.number().int()) }),
    'Import a cairn-pack/1 file from a path (see `importPack`): how many claims are verified, moved, ambiguous, missing or unchecked.',
  ),
  verifyPack: method(
    z.object({ id: Id, sourcesDir: ShortText.min(1).optional() }),
    z.object({
      checked: z.number().int(),
      problems: z.array(PackProblem),
      /** How many claims are in each state after the check. */
      states: z.record(z.string(), z.number().int()),
      /** Source texts read from `sourcesDir` and stored (new versions only). */
      stored: z.array(z.object({ source: Id, version: z.number().int() })),
    }),
    'Verify every claim against its source’s stored text (reading the texts from `sourcesDir` first when given, by each source’s file name); every claim not verified is a problem.',
  ),
  addSource: method(
    z.object({
      pack: Id,
      source: z.object({
        title: ShortText.min(1),
        publisher: ShortText.nullable().default(null),
        author: ShortText.nullable().default(null),
        date: IsoDate.nullable().default(null),
        kind: z.enum(SOURCE_KINDS).default('other'),
        url: ShortText.nullable().default(null),
      }),
    }),
    SourceView,
    'Add a source of the user’s own to a pack.',
  ),
  addClaim: method(
    z.object({
      pack: Id,
      claim: z.object({
        source: Id,
        criterion: Id,
        option: Id,
        effect: Effect,
        condition: ShortText.nullable().default(null),
        summary: ShortText.min(1),
        section: ShortText.default(''),
        anchor: Anchor.default(''),
        importance: z.number().int().min(1).max(3).default(2),
      }),
    }),
    ClaimView,
    'Add a claim of the user’s own to a pack; its quote is verified against the source’s stored text at once.',
  ),
  markClaim: method(
    z.object({
      pack: Id,
      claim: Id,
      hidden: z.boolean().optional(),
      flagged: z.boolean().optional(),
      note: ShortText.optional(),
    }),
    ClaimView,
    'Hide, unhide, flag or unflag a claim (shipped claims are never edited).',
  ),
  addContradiction: method(
    z.object({ pack: Id, claims: ClaimPair, note: Note }),
    OwnContradiction,
    'Note that two claims of a pack you can edit disagree, and why; noting the same pair again replaces its note. Shipped packs are read-only.',
  ),
  removeContradiction: method(
    z.object({ pack: Id, claims: ClaimPair }),
    OwnContradiction,
    'Remove a contradiction you noted (one that came with the pack stays); answers the one removed.',
  ),
  markOutdated: method(
    z.object({ pack: Id, claim: Id, note: Note }),
    OwnOutdated,
    'Mark a claim of a pack you can edit outdated, saying why and what replaced it; marking it again replaces the note. Shipped packs are read-only.',
  ),
  removeOutdated: method(
    z.object({ pack: Id, claim: Id }),
    OwnOutdated,
    'Remove an outdated note you made (one that came with the pack stays); answers the one removed.',
  ),
};
