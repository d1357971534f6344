/**
 * Decisions over time: by decision date, year by year, each with the status changes its revisions
 * recorded and what it superseded or was superseded by; supersede chains on top, oldest first.
 */
import { useMemo, useState } from 'react';
import type { TimelineEntry } from '../../../shared/api/insights.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { TextField } from '../components/Fields.js';
import { useApiQuery } from '../data/query.js';
import { plainText } from '../plain-text.js';
import { StatusBadge } from '../decisions/StatusBadge.js';
import { href } from '../app/router.js';
import { formatCount } from '../number-format.js';
import { RepositoryPicker, useRepositoryFilter } from '../repositories/RepositoryPicker.js';
import './Timeline.css';

function label(e: Pick<TimelineEntry, 'number' | 'title'>): string {
  return e.number !== null ? `ADR ${e.number}: ${e.title}` : e.title;
}

export function Timeline() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [repository, setRepository] = useRepositoryFilter();
  const { data, error, isPending, refetch } = useApiQuery(
    'getTimeline',
    { from: from || undefined, to: to || undefined, repository },
    { placeholderData: (previous) => previous },
  );

  const byId = useMemo(() => new Map(data?.entries.map((e) => [e.id, e]) ?? []), [data]);
  const years = useMemo(() => {
    const groups = new Map<string, TimelineEntry[]>();
    for (const e of data?.entries ?? []) groups.set(e.date.slice(0, 4), [...(groups.get(e.date.slice(0, 4)) ?? []), e]);
    return [...groups];
  }, [data]);

  const ref = (id: string) => {
    const e = byId.get(id);
    return <a href={href('decisions', id)}>{e ? label(e) : 'a decision outside these dates'}</a>;
  };

  return (
    <section aria-labelledby="timeline-title" className="timeline-screen">
      <header className="page-header">
        <h1 id="timeline-title">Timeline</h1>
        <div className="filters">
          <TextField label="From" labelPosition="beside" type="date" value={from} onChange={setFrom} />
          <TextField label="To" labelPosition="beside" type="date" value={to} onChange={setTo} />
          <RepositoryPicker value={repository} onChange={setRepository} />
        </div>
      </header>
      <QueryStatus isPending={isPending} error={error} onRetry={() => void refetch()} what="the timeline" />
      {data && data.chains.length > 0 && (
        <section aria-labelledby="chains-title" className="panel">
          <h2 id="chains-title">Supersede chains</h2>
          <ul className="chains">
            {data.chains.map((chain) => (
              <li key={chain.join('>')}>
                <ol className="chain" aria-label={`Chain of ${chain.length} decisions, oldest first`}>
                  {chain.map((id) => (
                    <li key={id}>
                      {ref(id)} {byId.get(id) && <StatusBadge status={byId.get(id)!.status} />}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data && data.entries.length === 0 && (
        <p className="empty">
          No decisions {repository !== undefined ? `of ${repository} ` : ''}
          {from || to ? 'in these dates' : 'yet'}.
        </p>
      )}
      {years.map(([year, entries]) => (
        <section key={year} aria-labelledby={`year-${year || 'none'}`} className="timeline-year">
          <h2 id={`year-${year || 'none'}`}>
            {year || 'No date'} <span className="muted">({formatCount(entries.length)})</span>
          </h2>
          <ol className="timeline">
            {entries.map((e) => (
              <li key={e.id} className={`timeline-entry entry-${e.status}`}>
                {e.date ? <time dateTime={e.date}>{e.date}</time> : <span className="muted">no date</span>}
                <div>
                  <a href={href('decisions', e.id)} className="entry-title">
                    {label(e)}
                  </a>{' '}
                  <StatusBadge status={e.status} />
                  {e.chosenOption && <span className="muted"> · chose {plainText(e.chosenOption)}</span>}
                  {repository === undefined && e.repository !== null && (
                    <span className="muted"> · {e.repository}</span>
                  )}
                  {e.changes.length > 1 && (
                    <ul className="status-changes" aria-label="Status changes">
                      {e.changes.map((c) => (
                        <li key={c.revision}>
                          {c.from === null ? `created as ${c.to}` : `${c.from} → ${c.to}`} on{' '}
                          <time dateTime={c.savedAt}>{c.savedAt.slice(0, 10)}</time>
                        </li>
                      ))}
                    </ul>
                  )}
                  {e.supersedes.map((id) => (
                    <div key={`s-${id}`} className="supersede">
                      supersedes {ref(id)}
                    </div>
                  ))}
                  {e.supersededBy.map((id) => (
                    <div key={`b-${id}`} className="supersede">
                      superseded by {ref(id)}
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
