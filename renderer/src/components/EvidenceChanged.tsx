/**
 * "Evidence changed": a decision that accepted a claim whose quote has since gone missing, moved
 * or become ambiguous in a newer text of its source. The list is asked once per screen; a tag
 * marks the decision in the list, a notice on its page names the claims and what changed.
 */
import { useEffect, useState } from 'react';
import type { EvidenceChange } from '../../../shared/api/sources.js';
import { api } from '../api.js';

export function useEvidenceChanges(version = 0): Map<string, EvidenceChange> {
  const [changes, setChanges] = useState<Map<string, EvidenceChange>>(new Map());
  useEffect(() => {
    let live = true;
    api.listEvidenceChanges({}).then(
      (list) => live && setChanges(new Map(list.map((c) => [c.decision, c]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  return changes;
}

export function EvidenceChangedTag({ change }: { change: EvidenceChange | undefined }) {
  if (!change) return null;
  return (
    <span className="tag tag-evidence-changed" title={change.claims.map((c) => `${c.summary}: ${c.now}`).join('\n')}>
      evidence changed
    </span>
  );
}

export function EvidenceChangedNotice({ change }: { change: EvidenceChange | undefined }) {
  if (!change) return null;
  return (
    <section className="panel evidence-changed" role="note" aria-label="Evidence changed">
      <strong>Evidence changed.</strong> {change.claims.length} claim{change.claims.length === 1 ? '' : 's'} this
      decision accepted no longer
      {change.claims.length === 1 ? 'verifies' : 'verify'} against the newest text of{' '}
      {change.claims.length === 1 ? 'its source' : 'their sources'}:
      <ul>
        {change.claims.map((c) => (
          <li key={c.claim}>
            {c.summary} — <em>{c.now}</em>
            {c.was ? ` (was ${c.was})` : ''}: {c.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
