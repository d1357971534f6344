/**
 * One line saying what a save changed ("status proposed → accepted; context edited"), for the
 * revision list. Cheap on purpose (no word diff): it runs for every revision of a decision each
 * time the list is read; the History screen shows the full, word-level comparison.
 */
import type { DecisionContent } from './domain.js';

type Content = Partial<DecisionContent>;

const SHORT: [keyof DecisionContent, string][] = [
  ['status', 'status'],
  ['date', 'date'],
];
const TEXTS: [keyof DecisionContent, string][] = [
  ['title', 'title'],
  ['context', 'context'],
  ['rationale', 'rationale'],
  ['confirmation', 'confirmation'],
  ['moreInformation', 'more information'],
];
const LISTS: [keyof DecisionContent, string][] = [
  ['decisionMakers', 'decision-makers'],
  ['consulted', 'consulted'],
  ['informed', 'informed'],
  ['tags', 'tags'],
  ['options', 'options'],
  ['consequences', 'consequences'],
  ['relations', 'relations'],
  ['links', 'links'],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What changed from `before` to `after`, in a few words each, joined by "; "; "" when nothing did. */
export function summarizeChanges(before: Content, after: Content): string {
  const parts: string[] = [];
  for (const [key, name] of SHORT)
    if (!same(before[key], after[key]))
      parts.push(`${name} ${String(before[key] ?? '—')} → ${String(after[key] ?? '—')}`);
  for (const [key, name] of TEXTS) if (!same(before[key], after[key])) parts.push(`${name} edited`);
  for (const [key, name] of LISTS) if (!same(before[key], after[key])) parts.push(`${name} changed`);
  const optionName = (c: Content, id: string | null | undefined) =>
    id ? (c.options?.find((o) => o.id === id)?.name ?? id) : 'none';
  if (!same(before.chosenOption, after.chosenOption))
    parts.push(`chosen option ${optionName(before, before.chosenOption)} → ${optionName(after, after.chosenOption)}`);
  const weights = (c: Content) => (c.drivers ?? []).map((d) => [d.id, d.name, d.weight]);
  if (!same(weights(before), weights(after))) parts.push('drivers or weights changed');
  const a = before.evaluation;
  const b = after.evaluation;
  if (a && b) {
    const verdicts = new Map(a.claims.map((c) => [c.id, c.verdict]));
    const count: Record<string, number> = {};
    for (const c of b.claims)
      if (verdicts.has(c.id) && verdicts.get(c.id) !== c.verdict) count[c.verdict] = (count[c.verdict] ?? 0) + 1;
    for (const [verdict, n] of Object.entries(count))
      parts.push(`${n} claim${n === 1 ? '' : 's'} ${verdict === 'unreviewed' ? 'back to unreviewed' : verdict}`);
    const added = b.claims.filter((c) => !verdicts.has(c.id)).length;
    if (added) parts.push(`${added} claim${added === 1 ? '' : 's'} added`);
    if (!same(a.scores, b.scores)) parts.push('scores changed');
    if (!same(a.conditions, b.conditions)) parts.push('conditions answered');
    if (a.pack !== b.pack) parts.push(`pack ${a.pack ?? 'none'} → ${b.pack ?? 'none'}`);
  }
  return parts.join('; ');
}
