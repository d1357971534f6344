/**
 * The knowledge pack interchange format, `cairn-pack/1` (a contract: see the README).
 * Field names are fixed; unknown fields are tolerated so newer packs still load.
 */
import { z } from 'zod';
import { Effect, Id, IsoDate, ShortText } from './domain.js';
import { SourceDocument } from './sources.js';
import { SOURCE_KINDS } from './vocabulary.js';
import { anchorWords, MAX_ANCHOR_WORDS } from './verification.js';

export const PACK_FORMAT = 'cairn-pack/1';

export { SOURCE_KINDS };

const NullableText = ShortText.nullable().default(null);

/** A claim's verbatim quote: the only text copied from a source, so it stays short. */
export const Anchor = ShortText.refine(
  (a) => anchorWords(a) <= MAX_ANCHOR_WORDS,
  `an anchor of at most ${MAX_ANCHOR_WORDS} words (shorten the quote to the words that locate it)`,
);

export const PackOption = z.object({ id: Id, name: ShortText.min(1), description: ShortText.default('') });
export const PackCriterion = z.object({
  id: Id,
  name: ShortText.min(1),
  description: ShortText.default(''),
  question: ShortText.default(''),
});
export const PackSource = z.object({
  id: Id,
  title: ShortText.min(1),
  publisher: NullableText,
  author: NullableText,
  date: IsoDate.nullable().default(null),
  kind: z.enum(SOURCE_KINDS),
  url: NullableText,
  file: NullableText,
  /** The source's extracted text, carried so an importer can verify anchors (optional, added in this version of cairn-pack/1). */
  document: SourceDocument.optional(),
});
export const PackClaim = z.object({
  id: Id,
  source: Id,
  criterion: Id,
  option: Id,
  effect: Effect,
  condition: NullableText,
  summary: ShortText.min(1),
  section: ShortText.default(''),
  anchor: Anchor,
  importance: z.number().int().min(1).max(3),
});
export const PackContradiction = z.object({ claims: z.array(Id).min(2).max(10), note: ShortText.min(1) });
export const PackOutdated = z.object({ claim: Id, note: ShortText.min(1) });

export const Pack = z.object({
  format: z.literal(PACK_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a pack id in lower-case letters, digits and dashes'),
  version: z.number().int().positive().default(1),
  title: ShortText.min(1),
  question: ShortText.default(''),
  options: z.array(PackOption).min(1).max(100),
  criteria: z.array(PackCriterion).min(1).max(200),
  sources: z.array(PackSource).max(1_000).default([]),
  claims: z.array(PackClaim).max(20_000).default([]),
  contradictions: z.array(PackContradiction).max(5_000).default([]),
  outdated: z.array(PackOutdated).max(5_000).default([]),
});
export type Pack = z.infer<typeof Pack>;
export type PackClaim = z.infer<typeof PackClaim>;
export type PackSource = z.infer<typeof PackSource>;
export type PackCriterion = z.infer<typeof PackCriterion>;
export type PackOption = z.infer<typeof PackOption>;

export interface PackProblem {
  /** Where the problem is, as a path: `claims[12] (s0-07).source`. */
  where: string;
  message: string;
}

/**
 * Checks what the schema cannot: unique ids and that every reference resolves.
 * Returns the problems found; an empty list means the pack is consistent.
 */
export function checkPackReferences(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const ids = (kind: string, items: { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        problems.push({ where: `${kind}[${i}] (${item.id}).id`, message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
    return seen;
  };
  const options = ids('options', pack.options);
  const criteria = ids('criteria', pack.criteria);
  const sources = ids('sources', pack.sources);
  const claims = ids('claims', pack.claims);
  pack.claims.forEach((c, i) => {
    const at = `claims[${i}] (${c.id})`;
    if (!sources.has(c.source)) problems.push({ where: `${at}.source`, message: `unknown source "${c.source}"` });
    if (!criteria.has(c.criterion))
      problems.push({ where: `${at}.criterion`, message: `unknown criterion "${c.criterion}"` });
    if (!options.has(c.option)) problems.push({ where: `${at}.option`, message: `unknown option "${c.option}"` });
  });
  pack.contradictions.forEach((c, i) => {
    c.claims.forEach((id, j) => {
      if (!claims.has(id))
        problems.push({ where: `contradictions[${i}].claims[${j}]`, message: `unknown claim "${id}"` });
    });
  });
  pack.outdated.forEach((o, i) => {
    if (!claims.has(o.claim)) problems.push({ where: `outdated[${i}].claim`, message: `unknown claim "${o.claim}"` });
  });
  return problems;
}

/** Formats zod issues on a pack so each names the field and, for claims, the claim id. */
export function describePackIssues(
  raw: unknown,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): PackProblem[] {
  return issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    let where = issue.path.map(String).join('.');
    if (typeof head === 'string' && typeof index === 'number') {
      const list = (raw as Record<string, unknown> | null)?.[head];
      const item = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined) : undefined;
      const name = item && typeof item.id === 'string' ? ` (${item.id})` : '';
      where = `${head}[${index}]${name}${rest.length ? '.' + rest.map(String).join('.') : ''}`;
    }
    return { where: where || '(pack)', message: issue.message };
  });
}
