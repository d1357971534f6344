import { useEffect, useRef, useState } from 'react';
import { STATUSES, type DecisionSummary, type Status } from '../../../shared/domain.js';
import { api } from '../api.js';
import { href, navigate } from '../router.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { ExportDialog } from '../components/ExportDialog.js';
import { useActionHandler, useFocusTarget } from '../actions.js';

export function DecisionList() {
  const [status, setStatus] = useState<Status | ''>('');
  const [text, setText] = useState('');
  const [trashed, setTrashed] = useState(false);
  const [items, setItems] = useState<DecisionSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [exporting, setExporting] = useState(false);
  useActionHandler('export', () => setExporting(true));
  // Export gives drafts their numbers; the list reloads when the dialog closes.
  const [reloads, setReloads] = useState(0);
  const titleInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  useFocusTarget('new-decision', titleInput);
  useFocusTarget('search-decisions', searchInput);

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api
        .listDecisions({ status: status || undefined, text: text.trim() || undefined, trashed, sort: text.trim() ? 'updated' : 'number', limit: 100_000 })
        .then((r) => {
          if (!live) return;
          setItems(r.items);
          setTotal(r.total);
          setError(null);
        })
        .catch((e: Error) => live && setError(e.message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [status, text, trashed, reloads]);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const name = title.trim();
    if (!name) return;
    try {
      const d = await api.createDecision({ content: { title: name } });
      navigate('decisions', d.id);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  /** Creates the decision and opens the guided flow on it. */
  async function startGuided() {
    const name = title.trim();
    if (!name) return;
    try {
      const d = await api.createDecision({ content: { title: name } });
      navigate('decisions', d.id, 'wizard');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section aria-labelledby="list-title">
      <header className="page-header">
        <h1 id="list-title">Decisions</h1>
        <form className="inline-form" onSubmit={create}>
          <label htmlFor="new-title" className="visually-hidden">
            Title of a new decision
          </label>
          <input ref={titleInput} id="new-title" placeholder="Title of a new decision" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} />
          <button type="submit" className="primary" disabled={!title.trim()}>
            New decision
          </button>
          <button type="button" disabled={!title.trim()} onClick={startGuided}>
            Start guided decision
          </button>
        </form>
        <button type="button" onClick={() => setExporting(true)}>
          Export…
        </button>
        {exporting && (
          <ExportDialog
            ids={[]}
            what="all decisions"
            onClose={() => {
              setExporting(false);
              setReloads((n) => n + 1);
            }}
          />
        )}
      </header>
      <div className="filters" role="search">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search{' '}
          <input ref={searchInput} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Title, context, claims…" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={trashed} onChange={(e) => setTrashed(e.target.checked)} /> Show trash
        </label>
        <span className="muted" aria-live="polite">
          {items ? `${total} decision${total === 1 ? '' : 's'}` : 'Loading…'}
        </span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p className="empty">{trashed ? 'The trash is empty.' : 'No decisions match. Create one above.'}</p>}
      {items && items.length > 0 && (
        <table className="decision-table">
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Date</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td className="num">{d.number ?? <span className="muted">draft</span>}</td>
                <td>
                  <a href={href('decisions', d.id)}>{d.title}</a>
                </td>
                <td>
                  <StatusBadge status={d.status} />
                </td>
                <td>{d.date}</td>
                <td>
                  {d.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
