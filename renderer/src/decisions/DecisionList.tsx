import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListQuery } from '../../../shared/api/decisions.js';
import { MAX_COMPARED } from '../../../shared/vocabulary.js';
import { invalidate, messageOf, queryClient, useApiMutation } from '../data/query.js';
import { countOf } from '../number-format.js';
import { navigate } from '../app/router.js';
import { FacetPanel, NO_FILTERS, SearchBar, sortFor, type ListFilters } from './DecisionFilters.js';
import { DecisionTable, pageQuery, type Selection } from './DecisionTable.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { ImportButton } from '../import/ImportDialog.js';
import { useActionHandler, useFocusTarget } from '../app/actions.js';
import { TextField } from '../components/Fields.js';

/**
 * What the list showed last, so coming back from a decision finds the same filters and selection.
 * The trash view is not remembered: it is a detour, and the list should not look empty later.
 */
let remembered: { filters: ListFilters; selected: Selection[] } = { filters: NO_FILTERS, selected: [] };

/** The list's query for its filters, with the search text as settled after typing. */
function listQuery(filters: ListFilters, text: string): ListQuery {
  const { text: _typed, ...rest } = filters;
  return { ...rest, text: text || undefined, sort: sortFor(filters, text !== '') };
}

/**
 * Asks for the rows the list opens on before it shows: the start page calls it while it finds
 * out whether the store is empty, so the list does not wait for that answer and then for its own.
 */
export function prefetchDecisionList(): void {
  const filters = { ...remembered.filters, trashed: false };
  void queryClient.prefetchQuery(pageQuery(listQuery(filters, filters.text.trim()), 0));
}

export function DecisionList() {
  const [filters, setFilters] = useState<ListFilters>({ ...remembered.filters, trashed: false });
  const [selected, setSelected] = useState<Selection[]>(remembered.selected);
  const [text, setText] = useState(filters.text.trim());
  const [count, setCount] = useState<{ total: number | null; failed: boolean }>({ total: null, failed: false });
  const onTotal = useCallback((total: number | null, failed: boolean) => setCount({ total, failed }), []);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [exporting, setExporting] = useState(false);
  useActionHandler('export', () => setExporting(true));
  const titleInput = useRef<HTMLInputElement>(null);
  useFocusTarget('new-decision', titleInput);
  // Export gives drafts their numbers and import brings decisions: the list asks again after either.
  const [reloads, setReloads] = useState(0);
  const reload = () => {
    void invalidate('listDecisions', 'listDecisionFacets');
    setReloads((n) => n + 1);
  };
  const createDecision = useApiMutation('createDecision', { invalidates: ['listDecisions', 'listDecisionFacets'] });

  useEffect(() => {
    remembered = { filters, selected };
  }, [filters, selected]);

  // Typing in the search box waits for a pause before asking again.
  useEffect(() => {
    const t = setTimeout(() => setText(filters.text.trim()), 150);
    return () => clearTimeout(t);
  }, [filters.text]);

  const query = listQuery(filters, text);
  const toggle = useCallback(
    (item: Selection) =>
      setSelected((s) =>
        s.some((x) => x.id === item.id)
          ? s.filter((x) => x.id !== item.id)
          : s.length >= MAX_COMPARED
            ? s
            : [...s, item],
      ),
    [],
  );

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const name = title.trim();
    if (!name) return;
    setError(null);
    try {
      const d = await createDecision.mutateAsync({ content: { title: name } });
      // A new decision has nothing to read yet: straight to the editor.
      navigate('decisions', d.id, 'edit');
    } catch (err) {
      setError(`Could not create the decision: ${messageOf(err)}`);
    }
  }

  /** Creates the decision and opens the guided flow on it. */
  async function startGuided() {
    const name = title.trim();
    if (!name) return;
    setError(null);
    try {
      const d = await createDecision.mutateAsync({ content: { title: name } });
      navigate('decisions', d.id, 'wizard');
    } catch (err) {
      setError(`Could not create the decision: ${messageOf(err)}`);
    }
  }

  return (
    <section aria-labelledby="list-title">
      <header className="page-header">
        <h1 id="list-title">Decisions</h1>
        <form className="inline-form" onSubmit={create}>
          <TextField
            label="Title of a new decision"
            labelPosition="hidden-inline"
            inputRef={titleInput}
            placeholder="Title of a new decision"
            value={title}
            onChange={setTitle}
            maxLength={500}
          />
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
              reload();
            }}
          />
        )}
        <ImportButton onImported={reload} />
      </header>
      {/* data-total: the bare number, for tools (the bench) that must not depend on the reader's locale. */}
      <SearchBar
        filters={filters}
        onChange={setFilters}
        count={
          count.total !== null ? (
            <span data-total={count.total}>{countOf(count.total, 'decision')}</span>
          ) : count.failed ? (
            ''
          ) : (
            'Loading…'
          )
        }
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="list-browser">
        <FacetPanel
          filters={filters}
          query={query}
          ready={count.total !== null || count.failed}
          onChange={setFilters}
        />
        <div>
          {selected.length > 0 && (
            <div className="compare-bar" role="region" aria-label="Selected for comparison">
              <strong>Compare</strong>
              <ul>
                {selected.map((s) => (
                  <li key={s.id}>
                    <span>{s.label}</span>
                    <button type="button" aria-label={`Unselect ${s.label}`} onClick={() => toggle(s)}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="primary"
                disabled={selected.length < 2}
                onClick={() => navigate('compare', ...selected.map((s) => s.id))}
              >
                Compare side by side
              </button>
              <span className="muted">
                {selected.length < 2
                  ? 'Select one more.'
                  : selected.length >= MAX_COMPARED
                    ? `At most ${MAX_COMPARED}.`
                    : ''}
              </span>
            </div>
          )}
          <DecisionTable
            query={query}
            selected={selected}
            maxSelected={MAX_COMPARED}
            onToggle={toggle}
            onTotal={onTotal}
            version={reloads}
            emptyText={filters.trashed ? 'The trash is empty.' : 'No decisions match. Create one above.'}
          />
        </div>
      </div>
    </section>
  );
}
