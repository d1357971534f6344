/**
 * The decision list as a windowed table: every row has the same height, so only the rows in view
 * (plus a few either side) are in the DOM, and only the pages of results around them are fetched.
 * Thousands of decisions scroll as smoothly as ten. It stays a real table: the row count and each
 * row's index are announced (aria-rowcount / aria-rowindex), spacer rows are hidden from assistive
 * technology, and the scroll area takes keyboard focus so arrow keys and Page Down scroll it.
 */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ListQuery } from '../../../shared/api/decisions.js';
import type { DecisionSummary } from '../../../shared/domain.js';
import { api } from '../api.js';
import { queryKey } from '../data/query.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { Checkbox } from '../components/Fields.js';
import { StatusBadge } from './StatusBadge.js';
import { ReviewBadge } from '../review/ReviewPanel.js';
import { EvidenceChangedTag, EvidenceCheckFailed, useEvidenceChanges } from '../components/EvidenceChanged.js';
import { plainText } from '../plain-text.js';
import { href } from '../app/router.js';
import './DecisionTable.css';

/** Must match `.decision-grid tbody tr` height in DecisionTable.css. */
export const ROW_HEIGHT = 40;
const PAGE_SIZE = 100;
const OVERSCAN = 8;
/**
 * How many columns a placeholder or spacer row spans: the ones never hidden (select, number,
 * title, status). A span over hidden columns would add empty columns to the fixed layout, which
 * share the free width with the title and squeeze it (see DecisionTable.css).
 */
const ALWAYS_SHOWN = 4;

export interface Selection {
  id: string;
  label: string;
}

interface Props {
  query: ListQuery;
  selected: Selection[];
  maxSelected: number;
  onToggle: (item: Selection) => void;
  /** The total once known; `failed` while the first page could not be loaded (the table says why). */
  onTotal?: (total: number | null, failed: boolean) => void;
  emptyText: string;
  /** Bumped after an import or export changed the decisions underneath (their evidence notes ask again). */
  version?: number;
}

export function labelFor(d: Pick<DecisionSummary, 'number' | 'title'>): string {
  return d.number !== null ? `ADR ${d.number}` : d.title;
}

/** The query for one page of results (page 0 carries the total), as the table and a prefetch ask it. */
export function pageQuery(query: ListQuery, page: number) {
  const input = { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
  return {
    queryKey: queryKey('listDecisions', input),
    queryFn: () => api.listDecisions(input),
    // Each visit asks again: trash, restore, import and the CLI change what the list holds.
    staleTime: 0,
  };
}

/**
 * The pages of results for one query that the rows in view need, through the data layer (each
 * page cached under the query and its offset). The first page is always asked for: it carries the
 * total. A new query keeps showing the old rows until its first page arrives, so typing in the
 * search box does not flicker.
 */
function usePagedDecisions(query: ListQuery, first: number, last: number) {
  const wanted = new Set([0]);
  for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(Math.max(first, last - 1) / PAGE_SIZE); p++)
    wanted.add(p);
  const numbers = [...wanted];
  const results = useQueries({
    queries: numbers.map((page) => ({
      ...pageQuery(query, page),
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });
  const pages = new Map<number, DecisionSummary[]>();
  results.forEach((r, i) => r.data && pages.set(numbers[i]!, r.data.items));
  const failed = results.find((r) => r.error);
  return {
    pages,
    total: results[0]!.data?.total ?? null,
    pending: results[0]!.isPending,
    error: failed?.error ?? null,
    /** The first page failed: its total, if one shows, is what an earlier answer said. */
    firstFailed: !!results[0]!.error,
    retry: () => failed && void failed.refetch(),
  };
}

export function DecisionTable({ query, selected, maxSelected, onToggle, onTotal, emptyText, version = 0 }: Props) {
  const { changes: evidence, query: evidenceQuery } = useEvidenceChanges(version);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [head, setHead] = useState<HTMLTableSectionElement | null>(null);
  // Keyed by the query's value: a new query shows its first rows, not wherever the last one was scrolled to.
  const key = JSON.stringify(query);
  const [view, setView] = useState({ key, top: 0, height: 600 });
  const top = view.key === key ? view.top : 0;

  useLayoutEffect(() => {
    if (!scroller) return;
    const observer = new ResizeObserver(() =>
      setView((v) => ({ ...v, top: scroller.scrollTop, height: scroller.clientHeight || 600 })),
    );
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [key]);

  const headHeight = head?.offsetHeight ?? 0;
  const firstGuess = Math.max(0, Math.floor((top - headHeight) / ROW_HEIGHT) - OVERSCAN);
  const lastGuess = Math.ceil((top + view.height) / ROW_HEIGHT) + OVERSCAN;
  const { pages, total, pending, error, firstFailed, retry } = usePagedDecisions(query, firstGuess, lastGuess);
  const count = total ?? 0;
  const first = Math.min(firstGuess, count);
  const last = Math.min(count, lastGuess);

  useEffect(() => onTotal?.(firstFailed ? null : total, firstFailed), [total, firstFailed, onTotal]);

  const problem = error && (
    <QueryStatus
      isPending={false}
      error={error}
      onRetry={retry}
      what={firstFailed ? 'the decisions' : 'more decisions'}
    />
  );
  if (total === null) return problem || <QueryStatus isPending={pending} error={null} what="the decisions" />;
  if (total === 0)
    return (
      <>
        {problem}
        <p className="empty">{emptyText}</p>
      </>
    );

  const chosenIds = new Set(selected.map((s) => s.id));
  const full = selected.length >= maxSelected;
  const rows: React.ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const d = pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
    if (!d) {
      rows.push(
        <tr key={`loading-${i}`} aria-rowindex={i + 2} aria-busy="true">
          <td colSpan={ALWAYS_SHOWN} className="muted">
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
          <Checkbox
            label={`Select ${d.number !== null ? `ADR ${d.number}: ` : ''}${d.title} to compare`}
            labelPosition="cell"
            checked={isSelected}
            disabled={!isSelected && full}
            onChange={() => onToggle({ id: d.id, label: labelFor(d) })}
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
        <td className="date">
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
    <>
      {problem}
      <EvidenceCheckFailed query={evidenceQuery} />
      <div
        ref={(el) => {
          scrollRef.current = el;
          setScroller(el);
        }}
        className="decision-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Decisions, ${total} in all; scroll for more`}
        onScroll={(e) => setView({ key, top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <table className="decision-table decision-grid" aria-rowcount={total + 1}>
          <thead ref={setHead}>
            <tr aria-rowindex={1}>
              <th scope="col" className="col-select">
                <span className="visually-hidden">Compare</span>
              </th>
              <th scope="col" className="col-num" aria-sort={query.sort === 'number' ? 'ascending' : undefined}>
                No.
              </th>
              <th scope="col" className="col-repo repo">
                Repository
              </th>
              <th scope="col" className="col-title" aria-sort={query.sort === 'title' ? 'ascending' : undefined}>
                Title
              </th>
              <th scope="col" className="col-status" aria-sort={query.sort === 'status' ? 'ascending' : undefined}>
                Status
              </th>
              <th scope="col" className="col-chosen chosen">
                Chosen option
              </th>
              <th scope="col" className="col-date date" aria-sort={query.sort === 'date' ? 'descending' : undefined}>
                Date
              </th>
              <th scope="col" className="col-tags tags">
                Tags
              </th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && (
              <tr aria-hidden="true" className="spacer" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={ALWAYS_SHOWN} />
              </tr>
            )}
            {rows}
            {last < count && (
              <tr aria-hidden="true" className="spacer" style={{ height: (count - last) * ROW_HEIGHT }}>
                <td colSpan={ALWAYS_SHOWN} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
