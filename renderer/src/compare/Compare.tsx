/**
 * Decisions side by side: one column per decision, one row per criterion (aligned across
 * decisions by knowledge-pack criterion or by name), with weights, scores and the claims each
 * relied on. Weights that differ are marked in the cell and, where they differ a lot, warned
 * about above the table; the warnings say it in words, not only in colour.
 */
import { useState } from 'react';
import type { Comparison, CriterionCell, CriterionRow } from '../../../shared/compare.js';
import { MAX_COMPARED, WEIGHT_WARNING_SPREAD } from '../../../shared/vocabulary.js';
import type { DecisionSummary } from '../../../shared/domain.js';
import { sharePercent } from '../../../shared/scoring.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { TextField } from '../components/Fields.js';
import { useApiQuery } from '../data/query.js';
import { useSettled } from '../data/settled.js';
import { plainText } from '../plain-text.js';
import { StatusBadge } from '../decisions/StatusBadge.js';
import { href, navigate } from '../app/router.js';
import './Compare.css';

export function Compare({ ids }: { ids: string[] }) {
  // The query key holds the ids by value: a new array with the same ids is the same comparison.
  const query = useApiQuery('compareDecisions', { ids }, { enabled: ids.length >= 2 });
  const comparison = ids.length >= 2 ? (query.data ?? null) : null;

  const remove = (id: string) => navigate('compare', ...ids.filter((x) => x !== id));

  return (
    <section aria-labelledby="compare-title" className="compare">
      <header className="page-header">
        <div>
          <a href={href('decisions')} className="back">
            ← Decisions
          </a>
          <h1 id="compare-title">Compare decisions</h1>
        </div>
        {ids.length < MAX_COMPARED && <AddDecision exclude={ids} onAdd={(id) => navigate('compare', ...ids, id)} />}
      </header>
      {ids.length < 2 && (
        <p className="empty">
          Choose {ids.length ? 'one more decision' : 'two to four decisions'} to line up side by side: tick them in the{' '}
          <a href={href('decisions')}>decision list</a>, or find them here.
        </p>
      )}
      {ids.length >= 2 && (
        <QueryStatus
          isPending={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          what="the comparison"
        />
      )}
      {comparison && <ComparisonView c={comparison} onRemove={remove} />}
    </section>
  );
}

function AddDecision({ exclude, onAdd }: { exclude: string[]; onAdd: (id: string) => void }) {
  const [text, setText] = useState('');
  // Asked once the typing pauses; an emptied field shows no hits at once.
  const asked = useSettled(text.trim(), 150);
  const found = useApiQuery('listDecisions', { text: asked, limit: 8 }, { enabled: asked !== '' });
  const hits: DecisionSummary[] =
    text.trim() && asked ? (found.data?.items ?? []).filter((d) => !exclude.includes(d.id)) : [];
  return (
    <TextField
      className="compare-add"
      label="Add a decision to the comparison"
      type="search"
      value={text}
      onChange={setText}
      placeholder="Find by title or text…"
    >
      {found.error && (
        <p role="alert" className="error">
          The decisions could not be searched: {found.error.message}
        </p>
      )}
      {hits.length > 0 && (
        <ul className="compare-hits" aria-label="Decisions found">
          {hits.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                onClick={() => {
                  setText('');
                  onAdd(d.id);
                }}
              >
                Add {d.number !== null ? `ADR ${d.number}: ` : ''}
                {d.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </TextField>
  );
}

function ComparisonView({ c, onRemove }: { c: Comparison; onRemove: (id: string) => void }) {
  const warnings = c.differences.filter((d) => d.severity === 'warning');
  const info = c.differences.filter((d) => d.severity === 'info');
  const n = c.decisions.length;
  return (
    <>
      {(warnings.length > 0 || info.length > 0) && (
        <section className="panel differences" aria-labelledby="differences-title">
          <h2 id="differences-title">What differs</h2>
          {warnings.length > 0 && (
            <ul className="warning-list" aria-label="Warnings">
              {warnings.map((d, i) => (
                <li key={i} className="warning">
                  <strong>Warning:</strong> {d.message}
                </li>
              ))}
            </ul>
          )}
          <ul className="difference-list">
            {info.map((d, i) => (
              <li key={i}>{d.message}</li>
            ))}
          </ul>
        </section>
      )}
      {c.differences.length === 0 && (
        <p className="panel">These decisions agree on drivers, weights, options, scores and choice.</p>
      )}

      <div className="compare-scroll">
        <table className="compare-table" style={{ ['--columns' as string]: n }}>
          <caption className="visually-hidden">The compared decisions side by side, one column each</caption>
          <thead>
            <tr>
              <td />
              {c.decisions.map((d) => (
                <th key={d.id} scope="col">
                  <span className="compare-label">{d.label}</span>
                  <a href={href('decisions', d.id)}>{d.title}</a>
                  <button type="button" className="link compare-remove" onClick={() => onRemove(d.id)}>
                    Remove<span className="visually-hidden"> {d.label} from the comparison</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Status and date</th>
              {c.decisions.map((d) => (
                <td key={d.id}>
                  <StatusBadge status={d.status} /> {d.date}
                  {d.decisionMakers.length > 0 && <div className="muted">by {d.decisionMakers.join(', ')}</div>}
                </td>
              ))}
            </tr>
            <tr className="chosen-row">
              <th scope="row">Chosen option</th>
              {c.decisions.map((d) => (
                <td key={d.id}>
                  {d.chosen ? <strong>{plainText(d.chosen)}</strong> : <span className="muted">not chosen yet</span>}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Why</th>
              {c.decisions.map((d) => (
                <td key={d.id} className="rationale">
                  {d.rationale || <span className="muted">no rationale written</span>}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">
                Options considered
                <span className="row-note">weighted total, as a share of the best possible</span>
              </th>
              {c.decisions.map((d, g) => (
                <td key={d.id}>
                  <ul className="option-list">
                    {c.options.map((o, i) =>
                      o.cells[g] ? (
                        <li key={o.key} className={o.cells[g]!.chosen ? 'is-chosen' : undefined}>
                          {plainText(o.cells[g]!.name)}
                          {o.cells[g]!.chosen && <span className="chosen-mark"> (chosen)</span>}
                          {d.shares[i] != null && <span className="share"> {sharePercent(d.shares[i]!)}%</span>}
                          {d.leaderKey === o.key && <span className="leader-mark"> ranked first</span>}
                          {o.cells.some((x) => x === null) && <span className="only-here"> only here</span>}
                        </li>
                      ) : null,
                    )}
                  </ul>
                </td>
              ))}
            </tr>
          </tbody>
          <tbody>
            <tr className="section-row">
              <th scope="rowgroup" colSpan={n + 1}>
                Decision drivers: weight (0–5), scores (1–5) and the claims relied on
              </th>
            </tr>
            {c.criteria.map((row) => (
              <CriterionTableRow key={row.key} row={row} c={c} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CriterionTableRow({ row, c }: { row: CriterionRow; c: Comparison }) {
  const weights = row.cells.filter((x) => x !== null).map((x) => x.weight);
  const max = Math.max(...weights);
  const min = Math.min(...weights);
  const warn = row.weightSpread >= WEIGHT_WARNING_SPREAD;
  return (
    <tr className={warn ? 'criterion warn' : 'criterion'}>
      <th scope="row">
        {row.name}
        {warn && <span className="weight-warning">weighed very differently</span>}
      </th>
      {row.cells.map((cell, g) => (
        <td key={g}>
          {cell ? (
            <CriterionCellView
              cell={cell}
              c={c}
              g={g}
              mark={
                row.weightSpread > 0 ? (cell.weight === max ? 'higher' : cell.weight === min ? 'lower' : null) : null
              }
            />
          ) : (
            <span className="muted">not a driver here</span>
          )}
        </td>
      ))}
    </tr>
  );
}

function CriterionCellView({
  cell,
  c,
  g,
  mark,
}: {
  cell: CriterionCell;
  c: Comparison;
  g: number;
  mark: 'higher' | 'lower' | null;
}) {
  const scored = c.options.map((o, i) => ({ o, i })).filter(({ o }) => o.cells[g] !== null);
  return (
    <div className="criterion-cell">
      <div className={`weight${mark ? ` weight-${mark}` : ''}`}>
        <span className="weight-bar" aria-hidden="true">
          <span style={{ width: `${(cell.weight / 5) * 100}%` }} />
        </span>
        Weight {cell.weight}
        {mark && <span className="weight-mark"> ({mark} here)</span>}
      </div>
      {scored.some(({ i }) => cell.scores[i] !== null) && (
        <ul className="scores" aria-label="Scores">
          {scored.map(({ o, i }) => (
            <li key={o.key}>
              {plainText(o.cells[g]!.name)} <span className="score">{cell.scores[i] ?? '–'}</span>
            </li>
          ))}
        </ul>
      )}
      {cell.claims.length > 0 && (
        <details className="claims">
          <summary>
            Relied on {cell.claims.length} claim{cell.claims.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {cell.claims.map((cl) => (
              <li key={cl.id}>
                <span className={`effect-tag effect-${cl.effect}`}>{cl.effect}</span> for {plainText(cl.optionName)}:{' '}
                {cl.summary}
                {cl.condition && <span className="muted"> (only {cl.condition})</span>}
                {cl.source && <span className="muted"> — {cl.source}</span>}
                {cl.outdated && <span className="outdated-mark">outdated</span>}
                {cl.sharedWith > 0 && (
                  <span className="shared">
                    {' '}
                    also relied on by {cl.sharedWith === 1 ? 'one other' : `${cl.sharedWith} others`}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
