/**
 * Filters for the decision list: a search box, a date range, sort and trash up top; the facets
 * (status, chosen option, knowledge pack, tag, decision-maker) as one-click toggle buttons with
 * counts, so "accepted decisions that chose Python" is two clicks away from the list.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { ListQuery } from '../../../shared/api/decisions.js';
import type { Facet } from '../../../shared/api/insights.js';
import { DATE_STATES, DUE_SOON_DAYS, FACETS, SORTS } from '../../../shared/vocabulary.js';
import { formatCount } from '../number-format.js';
import type { ReviewState } from '../../../shared/review.js';
import type { Status } from '../../../shared/domain.js';
import { useApiQuery } from '../data/query.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { Checkbox, Select, TextField } from '../components/Fields.js';
import { plainText } from '../plain-text.js';
import './DecisionFilters.css';
import { useFocusTarget } from '../app/actions.js';

export interface ListFilters {
  text: string;
  status?: Status;
  repository?: string;
  chosenOption?: string;
  pack?: string;
  tag?: string;
  decisionMaker?: string;
  review?: ReviewState;
  dated?: (typeof DATE_STATES)[number];
  from?: string;
  to?: string;
  /** 'auto': best match while searching, else by number. */
  sort: 'auto' | (typeof SORTS)[number];
  trashed: boolean;
}

export const NO_FILTERS: ListFilters = { text: '', sort: 'auto', trashed: false };

/** The list query's sort for the filters' one. */
export function sortFor(f: Pick<ListFilters, 'sort'>, searching: boolean): (typeof SORTS)[number] {
  if (f.sort !== 'auto') return f.sort;
  return searching ? 'updated' : 'number';
}

const FACET_LABEL: Record<Facet, string> = {
  status: 'Status',
  repository: 'Repository',
  chosenOption: 'Chosen option',
  pack: 'Knowledge pack',
  tag: 'Tag',
  decisionMaker: 'Decision-maker',
  review: 'Due for review',
  dated: 'Date',
};

const REVIEW_LABEL: Record<string, string> = {
  overdue: 'Overdue',
  due: `Due within ${DUE_SOON_DAYS} days`,
  scheduled: 'Later',
  none: 'No review date',
};

const DATED_LABEL: Record<(typeof DATE_STATES)[number], string> = {
  written: 'Dated',
  git: 'From git',
  none: 'No date',
};

/** Values shown before "more": enough for the usual handful, short enough to scan. */
const SHOWN = 6;

const SORT_LABEL: Record<(typeof SORTS)[number], string> = {
  updated: 'Last updated',
  number: 'Number',
  date: 'Date, newest first',
  title: 'Title',
  status: 'Status',
  review: 'Review date, soonest first',
};

export function SearchBar({
  filters,
  onChange,
  count,
}: {
  filters: ListFilters;
  onChange: (f: ListFilters) => void;
  count: React.ReactNode;
}) {
  const searching = filters.text.trim() !== '';
  const searchInput = useRef<HTMLInputElement>(null);
  useFocusTarget('search-decisions', searchInput);
  return (
    <div className="filters list-toolbar" role="search">
      <TextField
        label="Search"
        labelPosition="inline"
        type="search"
        inputRef={searchInput}
        value={filters.text}
        onChange={(text) => onChange({ ...filters, text })}
        placeholder="Titles, text, cited claims…"
      />
      <TextField
        label="From"
        labelPosition="beside"
        type="date"
        value={filters.from ?? ''}
        onChange={(from) => onChange({ ...filters, from: from || undefined })}
      />
      <TextField
        label="To"
        labelPosition="beside"
        type="date"
        value={filters.to ?? ''}
        onChange={(to) => onChange({ ...filters, to: to || undefined })}
      />
      <Select
        label="Sort by"
        labelPosition="inline"
        value={filters.sort === 'auto' && !searching ? 'number' : filters.sort}
        onChange={(sort) => onChange({ ...filters, sort })}
        choices={[
          ...(searching ? [{ value: 'auto' as const, label: 'Best match' }] : []),
          ...SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] })),
        ]}
      />
      <Checkbox
        label="Show trash"
        checked={filters.trashed}
        onChange={(trashed) => onChange({ ...filters, trashed })}
      />
      <span className="muted" aria-live="polite">
        {count}
      </span>
    </div>
  );
}

/**
 * The facets for the current filters, each counted as if its own filter were not set. `query` is
 * the list's query as the table asks it (search text settled after typing), so both ask alike.
 * `ready`: the table has its first rows (or gave up); the counts are asked after them, so opening
 * a large list shows rows first instead of queueing them behind the counting.
 */
export function FacetPanel({
  filters,
  query,
  ready,
  onChange,
}: {
  filters: ListFilters;
  query: ListQuery;
  ready: boolean;
  onChange: (f: ListFilters) => void;
}) {
  const { sort: _sort, limit: _limit, offset: _offset, ...input } = query;
  // Each visit asks again, as the table does (trash, import and the CLI change the counts); the
  // counts shown stay until the new ones come, so picking a value does not blank the panel.
  const facets = useApiQuery('listDecisionFacets', input, {
    staleTime: 0,
    placeholderData: keepPreviousData,
    enabled: ready,
  });
  // Pack titles only name the pack facet's values: without them the ids still filter.
  const packs = useApiQuery('listPacks', {}, { enabled: ready });
  const packTitles = new Map((packs.data ?? []).map((p) => [p.id, p.title]));
  const active = FACETS.some((f) => filters[f] !== undefined) || filters.from || filters.to;
  return (
    <aside className="facet-panel" aria-label="Filters">
      <div className="facet-head">
        <h2>Filter</h2>
        {active && (
          <button
            type="button"
            className="link"
            onClick={() =>
              onChange({
                ...filters,
                status: undefined,
                repository: undefined,
                chosenOption: undefined,
                pack: undefined,
                tag: undefined,
                decisionMaker: undefined,
                review: undefined,
                dated: undefined,
                from: undefined,
                to: undefined,
              })
            }
          >
            Clear filters
          </button>
        )}
      </div>
      <QueryStatus
        isPending={facets.isPending}
        error={facets.error}
        onRetry={() => void facets.refetch()}
        what="the filter counts"
      />
      {facets.data &&
        FACETS.map((facet) => (
          <FacetGroup
            key={facet}
            facet={facet}
            values={facets.data[facet]}
            selected={filters[facet]}
            display={
              facet === 'pack'
                ? (v) => packTitles.get(v) ?? v
                : facet === 'review'
                  ? (v) => REVIEW_LABEL[v] ?? v
                  : facet === 'dated'
                    ? (v) => DATED_LABEL[v as keyof typeof DATED_LABEL] ?? v
                    : // Repository names are folder names, not Markdown (adr__madr keeps its underscores).
                      facet === 'repository'
                      ? (v) => v
                      : plainText
            }
            onSelect={(value) => onChange({ ...filters, [facet]: value })}
          />
        ))}
      {facets.data && facets.data.pack.length > 0 && (
        <QueryStatus
          isPending={false}
          error={packs.error}
          onRetry={() => void packs.refetch()}
          what="the knowledge packs’ names"
        />
      )}
    </aside>
  );
}

function FacetGroup(props: {
  facet: Facet;
  values: { value: string; count: number }[];
  selected: string | undefined;
  display: (value: string) => string;
  onSelect: (value: string | undefined) => void;
}) {
  const [all, setAll] = useState(false);
  const headingId = useId();
  const { facet, values, selected } = props;
  const isSelected = (v: string) => selected !== undefined && v.toLowerCase() === selected.toLowerCase();
  let shown = all ? values : values.slice(0, SHOWN);
  // The chosen value stays visible even when it is not among the most frequent.
  const chosen = values.find((v) => isSelected(v.value));
  if (chosen && !shown.includes(chosen)) shown = [...shown, chosen];
  if (!values.length && selected === undefined) return null;
  return (
    <div className="facet" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{FACET_LABEL[facet]}</h3>
      <ul>
        {shown.map((v) => (
          <li key={v.value}>
            <button
              type="button"
              aria-pressed={isSelected(v.value)}
              onClick={() => props.onSelect(isSelected(v.value) ? undefined : v.value)}
            >
              <span className="facet-value">{props.display(v.value)}</span>{' '}
              <span className="facet-count">{formatCount(v.count)}</span>
            </button>
          </li>
        ))}
        {selected !== undefined && !chosen && (
          <li>
            <button type="button" aria-pressed="true" onClick={() => props.onSelect(undefined)}>
              <span className="facet-value">{props.display(selected)}</span> <span className="facet-count">0</span>
            </button>
          </li>
        )}
      </ul>
      {values.length > SHOWN && (
        <button type="button" className="link facet-more" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${formatCount(values.length)}`}
          <span className="visually-hidden"> {FACET_LABEL[facet].toLowerCase()} values</span>
        </button>
      )}
    </div>
  );
}
