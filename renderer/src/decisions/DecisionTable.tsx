/**
 * The decision list as a windowed table: every row has the same height, so only the rows in view
 * (plus a few either side) are in the DOM, and only the pages of results around them are fetched.
 * Thousands of decisions scroll as smoothly as ten. It stays a real table: the row count and each
 * row's index are announced (aria-rowcount / aria-rowindex), spacer rows are hidden from assistive
 * technology, and the scroll area takes keyboard focus so arrow keys and Page Down scroll it.
 */
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type { ListQuery } from '../../../shared/api/decisions.js';
import type { DecisionSummary } from '../../../shared/domain.js';
import { api } from '../api.js';
import { StatusBadge } from './StatusBadge.js';
import { ReviewBadge } from '../review/ReviewPanel.js';
import { EvidenceChangedTag, useEvidenceChanges } from '../components/EvidenceChanged.js';
import { plainText } from '../plain-text.js';
import { href } from '../app/router.js';
import './DecisionTable.css';

/** Must match `.decision-grid tbody tr` height in DecisionTable.css. */
export const ROW_HEIGHT = 40;
const PAGE_SIZE = 100;
const OVERSCAN = 8;
const COLUMNS = 8;

export interface Selection {
  id: string;
  label: string;
}

interface Props {
  query: ListQuery;
  selected: Selection[];
  maxSelected: number;
  onToggle: (item: Selection) => void;
  onTotal?: (total: number | null) => void;
  onError?: (message: string | null) => void;
  emptyText: string;
  /** Bump to fetch the same query again (after an import changed the decisions underneath). */
  version?: number;
}

export function labelFor(d: Pick<DecisionSummary, 'number' | 'title'>): string {
  return d.number !== null ? `ADR ${d.number}` : d.title;
}

/**
 * Pages of results for one query, fetched as they scroll into view. A new query keeps showing
 * the old rows until its first page arrives, so typing in the search box does not flicker.
 */
function usePagedDecisions(query: ListQuery, version: number, onError?: (message: string | null) => void) {
  const [state, setState] = useState<{ gen: number; pages: Map<number, DecisionSummary[]>; total: number | null }>({
    gen: 0,
    pages: new Map(),
    total: null,
  });
  const pending = useRef(new Set<string>());
  const generation = useRef(0);
  const key = JSON.stringify(query);
  const fetchKey = `${version}:${key}`;

  // Keyed by the query's value: a new object with the same filters is the same query.
  const load = useCallback(
    (page: number) => {
      const gen = generation.current;
      const tag = `${gen}:${page}`;
      if (pending.current.has(tag)) return;
      pending.current.add(tag);
      api
        .listDecisions({ ...(JSON.parse(key) as ListQuery), limit: PAGE_SIZE, offset: page * PAGE_SIZE })
        .then((r) => {
          if (gen !== generation.current) return;
          setState((old) => ({
            gen,
            total: r.total,
            pages: new Map(old.gen === gen ? old.pages : []).set(page, r.items),
          }));
          onError?.(null);
        })
        .catch((e: Error) => gen === generation.current && onError?.(e.message))
        .finally(() => pending.current.delete(tag));
    },
    [key, onError],
  );

  // Only a new query (or version) starts a new generation; `load` follows the key, so it is read
  // as an effect event rather than being a reason to start over.
  const startGeneration = useEffectEvent(() => {
    generation.current++;
    load(0);
  });
  useEffect(() => startGeneration(), [fetchKey]);

  const current = state.gen === generation.current;
  return { pages: state.pages, total: state.total, current, load };
}

export function DecisionTable({
  query,
  selected,
  maxSelected,
  onToggle,
  onTotal,
  onError,
  emptyText,
  version = 0,
}: Props) {
  const { pages, total, current, load } = usePagedDecisions(query, version, onError);
  const evidence = useEvidenceChanges(version);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  useEffect(() => onTotal?.(total), [total, onTotal]);

  useLayoutEffect(() => {
    if (!scroller) return;
    const measure = () => setView({ top: scroller.scrollTop, height: scroller.clientHeight || 600 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  // A new query shows its first rows, not wherever the last one was scrolled to.
  const key = JSON.stringify(query);
  useEffect(() => {
    if (scroller) scroller.scrollTop = 0;
    setView((v) => ({ ...v, top: 0 }));
  }, [key, scroller]);

  const count = total ?? 0;
  const headHeight = head.current?.offsetHeight ?? 0;
  const first = Math.max(0, Math.floor((view.top - headHeight) / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (!count || !current) return;
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); p++) {
      if (!pages.has(p)) load(p);
    }
  }, [first, last, count, pages, current, load]);

  if (total === null) return <p className="muted">Loading…</p>;
  if (total === 0) return <p className="empty">{emptyText}</p>;

  const chosenIds = new Set(selected.map((s) => s.id));
  const full = selected.length >= maxSelected;
  const rows: React.ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const d = pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
    if (!d) {
      rows.push(
        <tr key={`loading-${i}`} aria-rowindex={i + 2} aria-busy="true">
          <td colSpan={COLUMNS} className="muted">
            Loading…
          </td>
        </tr>,
      );
      continue;
    }
    const isSelected = chosenIds.has(d.id);
    rows.push(
      <tr key={d.id} aria-rowindex={i + 2} aria-selected={isSelected} className={isSelected ? 'selected' : undefined}>
        <td className="select">
          <input
            type="checkbox"
            checked={isSelected}
            disabled={!isSelected && full}
            onChange={() => onToggle({ id: d.id, label: labelFor(d) })}
            aria-label={`Select ${d.number !== null ? `ADR ${d.number}: ` : ''}${d.title} to compare`}
          />
        </td>
        <td className="num">{d.number ?? <span className="muted">draft</span>}</td>
        <td className="repo" title={d.path ?? undefined}>
          {d.repository ?? <span className="muted">none</span>}
        </td>
        <td className="title" title={d.title}>
          {/* Before the title: a long title is cut with an ellipsis, the badge must stay in view. */}
          <ReviewBadge reviewBy={d.reviewBy} status={d.status} />
          <a href={href('decisions', d.id)}>{d.title}</a> <EvidenceChangedTag change={evidence.get(d.id)} />
        </td>
        <td>
          <StatusBadge status={d.status} />
        </td>
        <td className="chosen" title={d.chosenOption ? plainText(d.chosenOption) : undefined}>
          {d.chosenOption ? plainText(d.chosenOption) : <span className="muted">–</span>}
        </td>
        <td>
          {d.date || <span className="muted">no date</span>}
          {d.dateSource === 'git' && <span className="muted"> (from git)</span>}
        </td>
        <td className="tags">
          {d.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
        </td>
      </tr>,
    );
  }

  return (
    <div
      ref={setScroller}
      className="decision-scroll"
      tabIndex={0}
      role="region"
      aria-label={`Decisions, ${total} in all; scroll for more`}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <table className="decision-table decision-grid" aria-rowcount={total + 1}>
        <colgroup>
          <col className="col-select" />
          <col className="col-num" />
          <col className="col-repo" />
          <col />
          <col className="col-status" />
          <col className="col-chosen" />
          <col className="col-date" />
          <col className="col-tags" />
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
            <th scope="col" aria-sort={query.sort === 'number' ? 'ascending' : undefined}>
              No.
            </th>
            <th scope="col">Repository</th>
            <th scope="col" aria-sort={query.sort === 'title' ? 'ascending' : undefined}>
              Title
            </th>
            <th scope="col" aria-sort={query.sort === 'status' ? 'ascending' : undefined}>
              Status
            </th>
            <th scope="col">Chosen option</th>
            <th scope="col" aria-sort={query.sort === 'date' ? 'descending' : undefined}>
              Date
            </th>
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" className="spacer" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
          {rows}
          {last < count && (
            <tr aria-hidden="true" className="spacer" style={{ height: (count - last) * ROW_HEIGHT }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
