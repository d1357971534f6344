/**
 * The one table of relation types between decisions. Policy: every reader of relation names —
 * the importer (file lines and front-matter keys), the exporter (link lines), the exported index
 * (its header reader and Mermaid graph), the relation graph and timeline, the CLI and the
 * renderer's pickers — asks this module. A list kept anywhere else is a copy waiting to drift
 * (it did: the index once dropped `refines` and `extends` links because its own list lacked them).
 *
 * Plain data and functions, no schema library: the renderer imports it on its first screen.
 */

export interface RelationType {
  /** The active direction, in Cairn's spelling: "4 supersedes 1". Graph edges are stated this way. */
  readonly type: string;
  /** The same link seen from the other decision: "1 superseded-by 4". Equal to `type` when symmetric. */
  readonly inverse: string;
  /** The later decision builds on the earlier one (the graph lays the target out left of the source). */
  readonly ordersTime: boolean;
  /**
   * Other spellings real ADR folders use, already lower-case and dashed, for either direction.
   * adr-tools writes "Supercedes" / "Superceded by"; people write "Superceeded by", "Replaced by" …
   */
  readonly spellings: { readonly type?: readonly string[]; readonly inverse?: readonly string[] };
  /** How adr-tools spells the line's words, so that adr-tools and tools reading its folders recognise it. */
  readonly adrTools?: { readonly type: string; readonly inverse: string };
}

export const RELATION_TYPES: readonly RelationType[] = [
  {
    type: 'supersedes',
    inverse: 'superseded-by',
    ordersTime: true,
    spellings: {
      type: ['supercedes', 'superceeds', 'superseeds', 'replaces'],
      inverse: ['superceded-by', 'superceeded-by', 'superseeded-by', 'supersceded-by', 'replaced-by'],
    },
    adrTools: { type: 'Supercedes', inverse: 'Superceded by' },
  },
  { type: 'amends', inverse: 'amended-by', ordersTime: true, spellings: { inverse: ['amended'] } },
  { type: 'clarifies', inverse: 'clarified-by', ordersTime: true, spellings: {} },
  { type: 'refines', inverse: 'refined-by', ordersTime: true, spellings: {} },
  { type: 'extends', inverse: 'extended-by', ordersTime: true, spellings: {} },
  { type: 'depends-on', inverse: 'enables', ordersTime: true, spellings: { type: ['depends-upon', 'requires'] } },
  {
    type: 'relates-to',
    inverse: 'relates-to',
    ordersTime: false,
    spellings: { type: ['related-to', 'related', 'relates', 'see-also'] },
  },
];

/** What a relation word Cairn does not know is written as in the other decision's file. */
export const UNKNOWN_REVERSE = 'referenced-by';

/** Every relation name in Cairn's spelling, each followed by its inverse: the pickers' list and the sort order of link lines. */
export const RELATION_NAMES: readonly string[] = RELATION_TYPES.flatMap((r) =>
  r.type === r.inverse ? [r.type] : [r.type, r.inverse],
);

const BY_NAME = new Map<string, { entry: RelationType; inverse: boolean }>();
const ALIASES = new Map<string, string>();
for (const entry of RELATION_TYPES) {
  BY_NAME.set(entry.inverse, { entry, inverse: entry.type !== entry.inverse });
  BY_NAME.set(entry.type, { entry, inverse: false });
  for (const s of entry.spellings.type ?? []) ALIASES.set(s, entry.type);
  for (const s of entry.spellings.inverse ?? []) ALIASES.set(s, entry.inverse);
}

/**
 * A relation name in Cairn's spelling: "Superseded by", "superseded_by", "supersededBy",
 * "Superceeded By" → "superseded-by". Unknown words keep their own dashed spelling ("conflicts-with").
 */
export function normalizeRelation(name: string): string {
  const kebab = name
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return ALIASES.get(kebab) ?? kebab;
}

/** The table's entry for a name in any spelling, or null for a relation Cairn does not know. */
export function relationType(name: string): RelationType | null {
  return BY_NAME.get(normalizeRelation(name))?.entry ?? null;
}

export function isKnownRelation(name: string): boolean {
  return BY_NAME.has(normalizeRelation(name));
}

/** The relation as the other decision sees it: amends → amended-by, enables → depends-on, unknown → referenced-by. */
export function reverseRelation(name: string): string {
  const found = BY_NAME.get(normalizeRelation(name));
  if (!found) return UNKNOWN_REVERSE;
  return found.inverse ? found.entry.type : found.entry.inverse;
}

/** The active form of a relation and whether an edge written with it runs the other way (for graphs). */
export function canonicalRelation(name: string): { type: string; flipped: boolean } {
  const t = normalizeRelation(name);
  const found = BY_NAME.get(t);
  return found ? { type: found.entry.type, flipped: found.inverse } : { type: t, flipped: false };
}

/** True when the relation puts its two decisions in time order (supersedes, amends, refines …), not "relates to". */
export function ordersTime(name: string): boolean {
  return relationType(name)?.ordersTime ?? false;
}

/** Words for a relation as a person reads it: "superseded-by" → "superseded by". */
export function relationWords(name: string): string {
  return normalizeRelation(name).replace(/-/g, ' ') || 'relates to';
}

/** How an active relation reads from either end: ["amends", "amended by"]; unknown ones from the far end say so. */
export function relationPhrase(name: string, outgoing: boolean): string {
  const entry = relationType(name);
  if (!entry) return outgoing ? relationWords(name) : `${relationWords(name)} (from)`;
  return relationWords(outgoing ? entry.type : entry.inverse);
}

/** adr-tools' words for the relation ("Superceded by"), when it has its own spelling. */
export function adrToolsWords(name: string): string | null {
  const t = normalizeRelation(name);
  const found = BY_NAME.get(t);
  if (!found?.entry.adrTools) return null;
  return found.inverse ? found.entry.adrTools.inverse : found.entry.adrTools.type;
}
