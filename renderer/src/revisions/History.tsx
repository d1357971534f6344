/**
 * The history of one decision: every saved revision, a readable diff between any two, and
 * restoring an old revision. Restoring never rewrites history: the old content is saved as a
 * new revision, so the revisions in between stay and the restore itself can be undone.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { RevisionDiff } from '../../../shared/api/revisions.js';
import type { RevisionSummary } from '../../../shared/domain.js';
import type { FieldChange } from '../../../shared/revision-diff.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { Select } from '../components/Fields.js';
import { messageOf, useApiMutation, useApiQuery } from '../data/query.js';
import { StatusBadge } from '../decisions/StatusBadge.js';
import { href } from '../app/router.js';
import './History.css';

const REASON: Record<string, string> = {
  create: 'created',
  update: 'edited',
  revert: 'restored an earlier revision',
  trash: 'moved to the trash',
  restore: 'taken out of the trash',
  import: 'imported',
  export: 'exported',
  number: 'numbered',
  relation: 'linked',
  review: 'reviewed',
};

export function History({ id }: { id: string }) {
  const decision = useApiQuery('getDecision', { id }, { refetchOnMount: 'always' });
  const latest = decision.data?.revision ?? 0;
  const revisions = useApiQuery('listRevisions', { id }, { version: latest, enabled: latest > 0 });
  // The two revisions compared: the user's pick, or else the latest change.
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const range = picked ?? (latest > 1 ? { from: latest - 1, to: latest } : null);
  const diff = useApiQuery(
    'diffRevisions',
    { id, from: range?.from ?? 1, to: range?.to ?? 1 },
    {
      enabled: !!range,
      // The last diff stays until the next arrives (it names its two revisions), so the pane does not flash.
      placeholderData: keepPreviousData,
    },
  );
  const [confirm, setConfirm] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const restore = useApiMutation('restoreRevision', {
    invalidates: ['getDecision', 'listRevisions', 'diffRevisions', 'listDecisions', 'renderDecision'],
  });
  // The confirmation opens under the row whose Restore was pressed, in view, with focus on its button.
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirm === null) return;
    confirmButton.current?.scrollIntoView({ block: 'nearest' });
    confirmButton.current?.focus();
  }, [confirm]);

  async function restoreRevision(revision: number) {
    setMessage(null);
    try {
      const restored = await restore.mutateAsync({ id, revision, baseRevision: latest });
      setConfirm(null);
      setPicked({ from: restored.revision - 1, to: restored.revision });
      setMessage(`Restored revision ${revision} as revision ${restored.revision}.`);
    } catch {
      // Said beside the confirmation (restore.error), which stays open.
    }
  }

  if (!decision.data || !revisions.data) {
    const error = decision.error ?? revisions.error;
    return (
      <>
        <QueryStatus
          isPending={!error}
          error={error}
          onRetry={() => void (decision.error ? decision.refetch() : revisions.refetch())}
          what="the history"
        />
        {error && (
          <p>
            <a href={href('decisions')}>Back to the list</a>
          </p>
        )}
      </>
    );
  }
  const d = decision.data;
  const list = revisions.data;
  const revisionChoices = list.map((r) => ({ value: String(r.revision), label: String(r.revision) }));

  return (
    <section aria-labelledby="history-title" className="history">
      <header className="page-header">
        <div>
          <a href={href('decisions', id)} className="back">
            ← Back to the decision
          </a>
          <h1 id="history-title">
            History of {d.number !== null ? `ADR ${d.number}: ` : ''}
            {d.title}
          </h1>
          <p className="muted">
            {list.length} revision{list.length === 1 ? '' : 's'}; the latest is {d.revision}.
          </p>
        </div>
      </header>
      <p role="status" className="history-status">
        {message}
      </p>

      <div className="history-layout">
        <section aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">Revisions</h2>
          <table className="revision-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rev.
                </th>
                <th scope="col">Saved</th>
                <th scope="col">What happened</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <RevisionRow
                  key={r.revision}
                  revision={r}
                  shown={range?.to === r.revision}
                  latest={d.revision}
                  onShow={() => setPicked({ from: r.revision - 1, to: r.revision })}
                  onRestore={() => {
                    restore.reset();
                    setConfirm(r.revision);
                  }}
                >
                  {confirm === r.revision && (
                    <tr className="restore-confirm-row">
                      <td colSpan={4}>
                        <div className="restore-confirm" role="group" aria-label={`Restore revision ${confirm}?`}>
                          <p>
                            Restore revision {confirm}? Its content is saved as a new revision {d.revision + 1};
                            revisions {confirm + 1}–{d.revision} stay in the history.
                          </p>
                          {restore.error && (
                            <p role="alert" className="error">
                              Not restored: {messageOf(restore.error)}
                            </p>
                          )}
                          <button
                            ref={confirmButton}
                            type="button"
                            className="primary"
                            disabled={restore.isPending}
                            onClick={() => restoreRevision(confirm)}
                          >
                            Restore as revision {d.revision + 1}
                          </button>{' '}
                          <button type="button" onClick={() => setConfirm(null)}>
                            Cancel
                          </button>
                        </div>
                      </td>
                    </tr>
                  )}
                </RevisionRow>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="diff-heading" className="diff-pane">
          <h2 id="diff-heading">Changes</h2>
          {list.length < 2 ? (
            <p className="muted">Only one revision so far: nothing to compare yet.</p>
          ) : (
            <div className="diff-range">
              <Select
                label="From revision"
                labelPosition="beside"
                value={String(range?.from ?? '')}
                choices={revisionChoices}
                onChange={(from) => setPicked({ from: Number(from), to: range?.to ?? d.revision })}
              />
              <Select
                label="to revision"
                labelPosition="beside"
                value={String(range?.to ?? '')}
                choices={revisionChoices}
                onChange={(to) => setPicked({ from: range?.from ?? 1, to: Number(to) })}
              />
            </div>
          )}
          {range && (
            <QueryStatus
              isPending={diff.isPending}
              error={diff.error}
              onRetry={() => void diff.refetch()}
              what="the changes"
            />
          )}
          {range && diff.data && <DiffView diff={diff.data} />}
        </section>
      </div>
    </section>
  );
}

function RevisionRow(props: {
  revision: RevisionSummary;
  shown: boolean;
  latest: number;
  onShow: () => void;
  onRestore: () => void;
  children?: React.ReactNode;
}) {
  const r = props.revision;
  return (
    <>
      <tr className={props.shown ? 'shown' : undefined}>
        <td className="num">{r.revision}</td>
        <td>
          <time dateTime={r.savedAt}>{new Date(r.savedAt).toLocaleString()}</time>
        </td>
        <td>
          {REASON[r.reason] ?? r.reason}
          <div className="muted small">
            “{r.title}” <StatusBadge status={r.status} />
          </div>
        </td>
        <td>
          <div className="revision-actions">
            {r.revision > 1 && (
              <button type="button" className="link" onClick={props.onShow}>
                Changes<span className="visually-hidden"> in revision {r.revision}</span>
              </button>
            )}
            {r.revision !== props.latest && (
              <button type="button" onClick={props.onRestore}>
                Restore revision {r.revision}
              </button>
            )}
          </div>
        </td>
      </tr>
      {props.children}
    </>
  );
}

function DiffView({ diff }: { diff: RevisionDiff }) {
  if (diff.from === diff.to) return <p className="muted">Pick two different revisions.</p>;
  if (!diff.changes.length)
    return (
      <p className="muted">
        Revisions {diff.from} and {diff.to} have the same content.
      </p>
    );
  return (
    <ul className="diff-list" aria-label={`Changes from revision ${diff.from} to revision ${diff.to}`}>
      {diff.changes.map((c) => (
        <li key={c.field}>
          <ChangeView change={c} />
        </li>
      ))}
    </ul>
  );
}

function ChangeView({ change }: { change: FieldChange }) {
  return (
    <>
      <div className="change-label">
        {change.label} <span className={`change-kind kind-${change.kind}`}>{change.kind}</span>
      </div>
      {change.segments ? (
        <p className="change-text">
          {change.segments.map((s, i) =>
            s.op === 'same' ? (
              <span key={i}>{s.text}</span>
            ) : s.op === 'del' ? (
              <del key={i}>
                <span className="visually-hidden">[removed: </span>
                {s.text}
                <span className="visually-hidden">]</span>
              </del>
            ) : (
              <ins key={i}>
                <span className="visually-hidden">[added: </span>
                {s.text}
                <span className="visually-hidden">]</span>
              </ins>
            ),
          )}
        </p>
      ) : (
        <p className="change-text">
          {change.before !== null && (
            <del>
              <span className="visually-hidden">was: </span>
              {change.before}
            </del>
          )}
          {change.before !== null && change.after !== null && <span aria-hidden="true"> → </span>}
          {change.after !== null && (
            <ins>
              <span className="visually-hidden">now: </span>
              {change.after}
            </ins>
          )}
        </p>
      )}
    </>
  );
}
