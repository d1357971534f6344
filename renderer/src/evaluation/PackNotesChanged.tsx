/**
 * The pack's notes changed since this decision took its claims: a claim was marked outdated (or
 * no longer is), or a contradiction was noted or removed in the Library. The decision holds what
 * it took, so the evidence step says what changed and the architect takes the new notes with one
 * button (outdated claims count half, so the scores may move); nothing changes by itself.
 */
import { packNoteChanges, takePackNotes, type PackNoteChange } from '../../../shared/evaluation.js';
import { useApiQuery } from '../data/query.js';
import { countOf } from '../number-format.js';
import type { StepProps } from './step-props.js';

function describe(change: PackNoteChange, summaryOf: (id: string) => string): string[] {
  const { was, now } = change;
  const said: string[] = [];
  if (now.outdated && now.outdated !== was.outdated) said.push(`now outdated: ${now.outdated}`);
  if (!now.outdated && was.outdated) said.push('no longer marked outdated');
  const before = new Set(was.contradictions.map((c) => `${c.claim}\u0000${c.note}`));
  const after = new Set(now.contradictions.map((c) => `${c.claim}\u0000${c.note}`));
  for (const c of now.contradictions)
    if (!before.has(`${c.claim}\u0000${c.note}`)) said.push(`now contradicted by “${summaryOf(c.claim)}”: ${c.note}`);
  for (const c of was.contradictions)
    if (!after.has(`${c.claim}\u0000${c.note}`)) said.push(`no longer contradicted by “${summaryOf(c.claim)}”`);
  return said;
}

export function PackNotesChanged({ draft, update }: StepProps) {
  const packId = draft.evaluation.pack;
  const pack = useApiQuery('getPack', { id: packId ?? '' }, { enabled: !!packId });
  if (!pack.data) return null;
  const changes = packNoteChanges(draft, pack.data);
  if (!changes.length) return null;
  const summaries = new Map(pack.data.claims.map((c) => [c.id, c.summary]));
  const summaryOf = (id: string) => summaries.get(id) ?? id;
  const live = pack.data;
  return (
    <section className="panel warning pack-notes-changed" aria-labelledby="pack-notes-changed-title">
      <h3 id="pack-notes-changed-title">
        The pack’s notes changed on {countOf(changes.length, 'claim')} this decision took
      </h3>
      <ul>
        {changes.map((c) => (
          <li key={c.claim}>
            “{c.summary}”: {describe(c, summaryOf).join('; ')}
          </li>
        ))}
      </ul>
      <p className="small">
        Until you take them, this decision keeps the notes it had. Outdated claims count half, so scores may change.
      </p>
      <button type="button" onClick={() => update((d) => takePackNotes(d, live))}>
        Take the pack’s current notes
      </button>
    </section>
  );
}
