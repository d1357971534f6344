/**
 * Re-import as a three-way merge. The ancestor is what the decision held when it last went
 * through the folder (export or import); "local" is the store now; "incoming" is the folder now:
 * the ADR's prose for what it shows (the human truth), the ledger for what prose cannot carry.
 *
 * Policy: a field only the folder changed is taken; a field only Cairn changed is kept; a field
 * both changed differently is a conflict: the local value stays and the file's is reported, to
 * be taken on request. Nothing is ever overwritten silently.
 */
import type { DecisionContent } from '../domain.js';
import { PROSE_FIELDS, proseHashes, type Ledger, type ProseField } from './ledger.js';
import type { Snapshot } from './content.js';

/** Fields a re-import merges; `statusText` travels with `status`. */
export const MERGED_FIELDS = [...PROSE_FIELDS, 'drivers', 'options', 'chosenOption', 'evaluation'] as const;
export type MergedField = (typeof MERGED_FIELDS)[number];
export type MergeValues = Partial<Record<MergedField | 'statusText', unknown>>;

/** JSON with object keys sorted, so two equal values always compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/** The values a later re-import compares with: what the decision holds now. */
export function mergeBase(d: Pick<DecisionContent, MergedField | 'statusText'>): MergeValues {
  const out: MergeValues = { statusText: d.statusText };
  for (const f of MERGED_FIELDS) out[f] = d[f];
  return out;
}

/**
 * What the folder says now. A prose field whose reading still hashes as the ledger recorded is
 * taken from the ledger exactly; one that reads differently was edited in the file and is taken
 * from the prose (consequences keep the claims of the ledger's consequence with the same text).
 */
export function incomingValues(ledger: Ledger, snap: Snapshot): { values: MergeValues; editedInFile: ProseField[] } {
  const now = proseHashes(snap);
  const values: MergeValues = { statusText: ledger.decision.statusText };
  const editedInFile: ProseField[] = [];
  for (const f of MERGED_FIELDS) values[f] = ledger.decision[f];
  for (const f of PROSE_FIELDS) {
    if (now[f] === ledger.prose[f]) continue;
    editedInFile.push(f);
    if (f === 'consequences') {
      values.consequences = snap.consequences.map((c) => ({
        ...c,
        claims: ledger.decision.consequences.find((x) => x.effect === c.effect && x.text === c.text)?.claims ?? [],
      }));
    } else values[f] = snap[f];
    if (f === 'status') values.statusText = snap.statusText;
  }
  return { values, editedInFile };
}

export interface MergeConflict {
  field: MergedField;
  local: unknown;
  incoming: unknown;
}

/**
 * The three-way merge. Without an ancestor (a decision never synced since ledgers existed) the
 * folder wins, as a plain re-import always did. `take` names conflicting fields to resolve with
 * the folder's value.
 */
export function mergeThreeWay(
  local: Pick<DecisionContent, MergedField | 'statusText'>,
  base: MergeValues | null,
  incoming: MergeValues,
  take: ReadonlySet<string> = new Set(),
): { values: MergeValues; conflicts: MergeConflict[]; taken: MergedField[] } {
  const values: MergeValues = mergeBase(local);
  const conflicts: MergeConflict[] = [];
  const taken: MergedField[] = [];
  for (const f of MERGED_FIELDS) {
    const inc = incoming[f];
    if (same(inc, local[f])) continue;
    const ancestor = base && f in base ? base[f] : undefined;
    const localChanged = ancestor !== undefined && !same(local[f], ancestor);
    const folderChanged = ancestor === undefined || !same(inc, ancestor);
    if (!folderChanged) continue;
    if (localChanged && !take.has(f) && !take.has('*')) {
      conflicts.push({ field: f, local: local[f], incoming: inc });
      continue;
    }
    values[f] = inc;
    taken.push(f);
    if (f === 'status') values.statusText = incoming.statusText;
  }
  return { values, conflicts, taken };
}

/** A value as the import report shows it: text as it is, anything else as short JSON. */
export function describeValue(value: unknown, max = 2000): string {
  const text = typeof value === 'string' ? value : stableJson(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
