/**
 * The history of one decision: every saved revision, a readable diff between any two, and
 * restoring an old revision. Restoring never rewrites history: the old content is saved as a
 * new revision, so the revisions in between stay and the restore itself can be undone.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { RevisionDiff } from '../../../shared/api/revisions.js';
import type { Decision, RevisionSummary } from '../../../shared/domain.js';
import type { FieldChange } from '../../../shared/revision-diff.js';
import { api } from '../api.js';
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
  const [decision, setDecision] = useState<Decision | null>(null);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [confirm, setConfirm] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fromId = useId();
  const toId = useId();

  const reload = useCallback(async () => {
    const [d, revs] = await Promise.all([api.getDecision({ id }), api.listRevisions({ id })]);
    setDecision(d);
    setRevisions(revs);
    return { d, revs };
  }, [id]);

  useEffect(() => {
    reload().then(
      ({ d }) => setRange(d.revision > 1 ? { from: d.revision - 1, to: d.revision } : null),
      (e: Error) => setError(e.message),
    );
  }, [reload]);

  useEffect(() => {
    if (!range) {
      setDiff(null);
      return;
    }
    let live = true;
    api.diffRevisions({ id, ...range }).then(
      (d) => live && setDiff(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id, range]);

  async function restore(revision: number) {
    if (!decision) return;
    setError(null);
    try {
      const restored = await api.restoreRevision({ id, revision, baseRevision: decision.revision });
      setConfirm(null);
      await reload();
      setRange({ from: restored.revision - 1, to: restored.revision });
      setMessage(`Restored revision ${revision} as revision ${restored.revision}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (error && !decision) {
    return (
      <p role="alert" className="error">
        {error} <a href={href('decisions')}>Back to the list</a>
      </p>
    );
  }
  if (!decision || !revisions) return <p className="muted">Loading…</p>;

  return (
    <section aria-labelledby="history-title" className="history">
      <header className="page-header">
        <div>
          <a href={href('decisions', id)} className="back">
            ← Back to the decision
          </a>
          <h1 id="history-title">
            History of {decision.number !== null ? `ADR ${decision.number}: ` : ''}
            {decision.title}
          </h1>
          <p className="muted">
            {revisions.length} revision{revisions.length === 1 ? '' : 's'}; the latest is {decision.revision}.
          </p>
        </div>
      </header>
      <p role="status" className="history-status">
        {message}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

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
              {revisions.map((r) => (
                <tr key={r.revision} className={range?.to === r.revision ? 'shown' : undefined}>
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
                        <button
                          type="button"
                          className="link"
                          onClick={() => setRange({ from: r.revision - 1, to: r.revision })}
                        >
                          Changes<span className="visually-hidden"> in revision {r.revision}</span>
                        </button>
                      )}
                      {r.revision !== decision.revision && (
                        <button type="button" onClick={() => setConfirm(r.revision)}>
                          Restore revision {r.revision}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="diff-heading" className="diff-pane">
          <h2 id="diff-heading">Changes</h2>
          {confirm !== null && (
            <div className="panel restore-confirm" role="group" aria-label={`Restore revision ${confirm}?`}>
              <p>
                Restore revision {confirm}? Its content is saved as a new revision {decision.revision + 1}; revisions{' '}
                {confirm + 1}–{decision.revision} stay in the history.
              </p>
              <button type="button" className="primary" onClick={() => restore(confirm)}>
                Restore as revision {decision.revision + 1}
              </button>{' '}
              <button type="button" onClick={() => setConfirm(null)}>
                Cancel
              </button>
            </div>
          )}
          {revisions.length < 2 ? (
            <p className="muted">Only one revision so far: nothing to compare yet.</p>
          ) : (
            <div className="diff-range">
              <label htmlFor={fromId}>From revision</label>
              <select
                id={fromId}
                value={range?.from ?? ''}
                onChange={(e) => setRange({ from: Number(e.target.value), to: range?.to ?? decision.revision })}
              >
                {revisions.map((r) => (
                  <option key={r.revision} value={r.revision}>
                    {r.revision}
                  </option>
                ))}
              </select>
              <label htmlFor={toId}>to revision</label>
              <select
                id={toId}
                value={range?.to ?? ''}
                onChange={(e) => setRange({ from: range?.from ?? 1, to: Number(e.target.value) })}
              >
                {revisions.map((r) => (
                  <option key={r.revision} value={r.revision}>
                    {r.revision}
                  </option>
                ))}
              </select>
            </div>
          )}
          {diff && <DiffView diff={diff} />}
        </section>
      </div>
    </section>
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
