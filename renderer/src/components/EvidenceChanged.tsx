/**
 * "Evidence changed": a decision that accepted a claim whose quote has since gone missing, moved
 * or become ambiguous in a newer text of its source. The list is asked afresh by each screen that
 * shows it (a newer text may have come in through the CLI meanwhile), once for all its rows; a tag
 * marks the decision in the list, a notice on its page names the claims and what changed.
 */
import { useMemo } from 'react';
import type { EvidenceChange } from '../../../shared/api/sources.js';
import { messageOf, useApiQuery } from '../data/query.js';

function useEvidenceQuery(version?: number) {
  return useApiQuery('listEvidenceChanges', {}, { version, refetchOnMount: 'always' });
}

/** Each decision's change, by decision id (empty until known), and the check's failure, said by `EvidenceCheckFailed`. */
export function useEvidenceChanges(version = 0) {
  const query = useEvidenceQuery(version);
  const { data } = query;
  const changes = useMemo(() => new Map((data ?? []).map((c) => [c.decision, c])), [data]);
  return { changes, query };
}

/** Above a list of decisions: their evidence could not be checked, so no tag can be trusted to be missing. */
export function EvidenceCheckFailed({ query }: { query: ReturnType<typeof useEvidenceQuery> }) {
  if (!query.error) return null;
  return (
    <div className="warning evidence-check-failed" role="alert">
      Cairn could not check which decisions' evidence changed, so none is marked: {messageOf(query.error)}{' '}
      <button type="button" className="link" onClick={() => void query.refetch()}>
        Check again
      </button>
    </div>
  );
}

export function EvidenceChangedTag({ change }: { change: EvidenceChange | undefined }) {
  if (!change) return null;
  return (
    <span className="tag tag-evidence-changed" title={change.claims.map((c) => `${c.summary}: ${c.now}`).join('\n')}>
      evidence changed
    </span>
  );
}

/** On a decision's page: what changed in the evidence it accepted, or that it could not be checked. */
export function EvidenceChangedNotice({ decision }: { decision: string }) {
  const query = useEvidenceQuery();
  if (query.error)
    return (
      <div className="warning evidence-check-failed" role="alert">
        Cairn could not check whether the evidence behind this decision changed: {messageOf(query.error)}{' '}
        <button type="button" className="link" onClick={() => void query.refetch()}>
          Check again
        </button>
      </div>
    );
  const change = query.data?.find((c) => c.decision === decision);
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
