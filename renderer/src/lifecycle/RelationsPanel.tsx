/**
 * A decision's relations in both directions (what it states and what others state about it),
 * adding and removing them, and its status history. Supersede is a relation that also changes a
 * status, so choosing "supersedes" or "superseded by" goes through supersedeDecision.
 */
import { useState } from 'react';
import type { RelationView } from '../../../shared/api/lifecycle.js';
import { RELATION_NAMES } from '../../../shared/relation-types.js';
import type { Decision, DecisionSummary } from '../../../shared/domain.js';
import { api } from '../api.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { Select } from '../components/Fields.js';
import { DecisionPicker, decisionName as named } from '../components/DecisionPicker.js';
import { messageOf, useApiQuery, useApiTask } from '../data/query.js';
import { href } from '../app/router.js';
import { StatusBadge } from '../decisions/StatusBadge.js';
import './RelationsPanel.css';

const words = (type: string) => {
  const w = type.replace(/-/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
};

const RELATION_CHOICES = RELATION_NAMES.map((r) => ({ value: r, label: words(r) }));

export function RelationsPanel({
  decision,
  beforeChange,
  onChanged,
}: {
  decision: Decision;
  beforeChange: () => Promise<void>;
  onChanged: (d: Decision) => void;
}) {
  const [relation, setRelation] = useState('relates-to');
  const [target, setTarget] = useState<DecisionSummary | null>(null);
  // Asked again for each revision: a status change or a supersede made elsewhere shows at once.
  const relations = useApiQuery('listRelations', { id: decision.id }, { version: decision.revision });
  const statusHistory = useApiQuery('listStatusHistory', { id: decision.id }, { version: decision.revision });
  const views = relations.data;
  const history = statusHistory.data ?? [];

  // Pending edits are saved first; the decision as the change left it (a supersede changes its
  // status) becomes the editor's base.
  const change = useApiTask(
    async ({ run }: { failed: string; run: () => Promise<Decision> }) => {
      await beforeChange();
      return run();
    },
    {
      invalidates: ['listRelations', 'listStatusHistory', 'getRelationGraph', 'getTimeline', 'listDecisions'],
      onSuccess: onChanged,
    },
  );
  const busy = change.isPending;

  function add(e: React.FormEvent) {
    e.preventDefault();
    if (!target) return;
    const other = target.id;
    change.mutate({
      failed: 'The relation was not added',
      run: async () => {
        const changed =
          relation === 'supersedes'
            ? (await api.supersedeDecision({ old: other, new: decision.id })).new
            : relation === 'superseded-by'
              ? (await api.supersedeDecision({ old: decision.id, new: other })).old
              : (await api.linkDecisions({ from: decision.id, relation, to: other })).from;
        setTarget(null);
        return changed;
      },
    });
  }

  function remove(v: RelationView) {
    // Unlinking removes the relation from whichever side states it, and its reverse.
    change.mutate({
      failed: 'The relation was not removed',
      run: async () => (await api.unlinkDecisions({ from: decision.id, relation: v.type, to: v.target })).from,
    });
  }

  return (
    <section className="panel relations" aria-labelledby="relations-title">
      <h2 id="relations-title">Relations</h2>
      {!views ? (
        <QueryStatus
          isPending={relations.isPending}
          error={relations.error}
          onRetry={() => void relations.refetch()}
          what="the relations"
        />
      ) : views.length === 0 ? (
        <p className="muted">No relations yet.</p>
      ) : (
        <ul className="relation-list">
          {views.map((v) => (
            <li key={`${v.direction}:${v.type}:${v.target}`}>
              <span className="relation-type">{words(v.type)}</span>{' '}
              {v.decision ? (
                <>
                  <a href={href('decisions', v.target)}>{named(v.decision)}</a>{' '}
                  <StatusBadge status={v.decision.status} />
                  {v.decision.trashed && <span className="muted"> (in the trash)</span>}
                </>
              ) : (
                <span className="muted">a decision that no longer exists</span>
              )}
              {v.direction === 'incoming' && <span className="muted"> · stated by the other decision</span>}{' '}
              <button
                type="button"
                className="link"
                onClick={() => remove(v)}
                disabled={busy}
                aria-label={`Remove relation: ${words(v.type)} ${v.decision ? named(v.decision) : v.target}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="relation-form" onSubmit={add}>
        <Select
          label="Relation"
          labelPosition="beside"
          value={relation}
          choices={RELATION_CHOICES}
          onChange={setRelation}
        />
        <DecisionPicker label="Decision" value={target} onChange={setTarget} exclude={decision.id} />
        <button type="submit" disabled={!target || busy}>
          Add relation
        </button>
      </form>
      {change.error && (
        <p role="alert" className="error">
          {change.variables?.failed}: {messageOf(change.error)}
        </p>
      )}
      {statusHistory.error && (
        <QueryStatus
          isPending={false}
          error={statusHistory.error}
          onRetry={() => void statusHistory.refetch()}
          what="the status history"
        />
      )}
      {history.length > 0 && (
        <details className="status-history">
          <summary>Status history ({history.length})</summary>
          <ol>
            {history.map((h) => (
              <li key={h.revision}>
                {new Date(h.savedAt).toLocaleDateString()} · <StatusBadge status={h.status} />
                {h.statusText && <span className="muted"> “{h.statusText}”</span>} · revision {h.revision} ({h.reason})
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
