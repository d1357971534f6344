import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { Decision, DecisionContent } from '../../../shared/domain.js';
import { EFFECTS, STATUSES } from '../../../shared/vocabulary.js';
import { DecisionLoader } from './DecisionLoader.js';
import { ListField, RowInput, RowsField, Select, TextArea, TextField } from '../components/Fields.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { fetchApi, messageOf, useApiMutation, useApiQuery, useApiTask } from '../data/query.js';
import { ProsConsEditor } from './ProsConsEditor.js';
import { LinksEditor } from './LinksEditor.js';
import { isProse, ParagraphsField } from './ParagraphsField.js';
import { RelationsPanel } from '../lifecycle/RelationsPanel.js';
import { StatusBadge } from './StatusBadge.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { Precedents } from '../compare/Precedents.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { EvidenceChangedNotice } from '../components/EvidenceChanged.js';
import { href, navigate } from '../app/router.js';
import { useAutosave, type SaveState } from './useAutosave.js';
import './DecisionEditor.css';
import { useActionHandler } from '../app/actions.js';

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'All changes saved',
  dirty: 'Unsaved changes…',
  saving: 'Saving…',
  invalid: 'Other changes saved; one field needs fixing',
  conflict: 'Not saved: changed elsewhere',
  error: 'Not saved',
};

const WEIGHTS = [0, 1, 2, 3, 4, 5].map((w) => ({ value: String(w), label: w === 0 ? 'not weighed' : String(w) }));
const EFFECT_CHOICES = EFFECTS.map((e) => ({ value: e, label: e }));
const STATUS_CHOICES = STATUSES.map((s) => ({ value: s, label: s }));

export function DecisionEditor({ id }: { id: string }) {
  return <DecisionLoader id={id}>{(decision) => <Editor initial={decision} />}</DecisionLoader>;
}

function newId(prefix: string, taken: { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((t) => t.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function Editor({ initial }: { initial: Decision }) {
  const { saved, draft, state, error, fieldErrors, update, replace, flush, settle } = useAutosave(initial);
  const [showRevisions, setShowRevisions] = useState(false);
  const [exporting, setExporting] = useState(false);
  // The dialect export writes this decision in (its folder's): a Nygard decision is edited as Decision and Consequences.
  // The last answer stays while a save's new revision is rendered: were the fields to switch to MADR's
  // meanwhile, the one being typed in would be replaced and lose focus (and the next keys).
  const rendered = useApiQuery(
    'renderDecision',
    { id: saved.id },
    { version: saved.revision, placeholderData: keepPreviousData },
  );
  const nygard = rendered.data?.format === 'nygard';
  const trash = useApiMutation('trashDecision', { invalidates: ['listDecisions', 'listRevisions'] });
  const untrash = useApiMutation('restoreDecision', { invalidates: ['listDecisions', 'listRevisions'] });
  useActionHandler('export', () => {
    void flush().then(() => setExporting(true));
  });
  const set =
    <K extends keyof DecisionContent>(key: K) =>
    (value: DecisionContent[K]) =>
      update({ [key]: value } as Partial<DecisionContent>);

  /** The decision as stored now (after export numbered it, or after a save elsewhere), through the data layer. */
  const reload = useApiTask(() => fetchApi('getDecision', { id: saved.id }), { onSuccess: replace });

  async function toggleTrash() {
    await flush();
    const [action, other] = saved.trashedAt ? [untrash, trash] : [trash, untrash];
    other.reset();
    reload.reset();
    action.mutate({ id: saved.id }, { onSuccess: replace });
  }

  const trashError = trash.error ?? untrash.error;
  const actionError = trashError
    ? `${trash.error ? 'The decision was not moved to the trash' : 'The decision was not taken out of the trash'}: ${messageOf(trashError)}`
    : reload.error
      ? `The decision as stored now could not be loaded: ${messageOf(reload.error)} Reload the page to try again.`
      : null;

  return (
    <article className="editor" aria-labelledby="editor-title">
      <header className="page-header">
        <div>
          <a href={href('decisions')} className="back">
            ← Decisions
          </a>
          <h1 id="editor-title">
            {saved.number !== null ? `ADR ${saved.number}: ` : 'Draft: '}
            {draft.title || 'Untitled'}
          </h1>
          <p className="muted">
            <StatusBadge status={draft.status} /> revision {saved.revision} · created {saved.createdAt.slice(0, 10)}
            {saved.trashedAt && <strong> · in the trash</strong>}
          </p>
          <EvidenceChangedNotice decision={saved.id} />
        </div>
        <div className="header-actions">
          <span className={`save-state save-${state}`} role="status" aria-live="polite">
            {SAVE_LABEL[state]}
          </span>
          <button
            type="button"
            className="primary"
            onClick={async () => {
              await settle();
              navigate('decisions', saved.id, 'wizard');
            }}
          >
            {draft.evaluation.step > 0
              ? `Continue guided decision (step ${draft.evaluation.step + 1})`
              : 'Start guided decision'}
          </button>
          <button type="button" onClick={() => setShowRevisions((v) => !v)} aria-expanded={showRevisions}>
            Revisions
          </button>
          <button
            type="button"
            onClick={async () => {
              await flush();
              setExporting(true);
            }}
          >
            Export…
          </button>
          <button type="button" onClick={toggleTrash}>
            {saved.trashedAt ? 'Restore from trash' : 'Move to trash'}
          </button>
          <a href={href('decisions', saved.id)}>Read</a>
          <a href={href('graph', saved.id)}>Relation graph</a>
        </div>
      </header>
      {error && (
        <div role="alert" className="error">
          {error}
          {state === 'conflict' && (
            <button type="button" onClick={() => reload.mutate()} disabled={reload.isPending}>
              Discard my edits and load the newer version
            </button>
          )}
        </div>
      )}
      {actionError && (
        <p role="alert" className="error">
          {actionError}
        </p>
      )}
      {showRevisions && <Revisions id={saved.id} revision={saved.revision} />}
      {exporting && (
        <ExportDialog
          ids={[saved.id]}
          what="this decision"
          onClose={() => {
            setExporting(false);
            // Export may have numbered the draft, which is a new revision: continue from it.
            reload.mutate();
          }}
        />
      )}
      <Precedents id={saved.id} revision={saved.revision} />
      <ReviewPanel
        saved={saved}
        draft={draft}
        onChange={update}
        settle={flush}
        onReviewed={replace}
        editTarget={() => document.querySelector<HTMLElement>('.editor .form-grid input, .editor .form-grid textarea')}
      />

      <div className="form-grid">
        <TextField
          label="Title"
          value={draft.title}
          onChange={set('title')}
          maxLength={500}
          error={fieldErrors.title}
        />
        <div className="field-row">
          <Select
            label="Status"
            value={draft.status}
            choices={STATUS_CHOICES}
            onChange={(status) => set('status')(status)}
          />
          <TextField
            label="Date"
            type="date"
            value={draft.date}
            onChange={(v) => v && update({ date: v, dateSource: 'written' })}
          />
          {draft.dateSource === 'git' && <span className="muted">from git: the commit that added the file</span>}
          {!draft.date && <span className="muted">no date: the file states none</span>}
        </div>
        <ListField
          label="Decision-makers"
          value={draft.decisionMakers}
          onChange={set('decisionMakers')}
          error={fieldErrors.decisionMakers}
        />
        <ListField
          label="Consulted"
          value={draft.consulted}
          onChange={set('consulted')}
          error={fieldErrors.consulted}
        />
        <ListField label="Informed" value={draft.informed} onChange={set('informed')} error={fieldErrors.informed} />
        <ListField
          label="Tags"
          value={draft.tags}
          onChange={set('tags')}
          hint="Separate tags with commas."
          error={fieldErrors.tags}
        />
        <TextArea
          label="Context and problem statement"
          value={draft.context}
          onChange={set('context')}
          rows={6}
          error={fieldErrors.context}
        />

        <RowsField
          legend="Decision drivers"
          items={draft.drivers}
          keyOf={(d) => d.id}
          rowName={(d, i) => `driver ${d.name || i + 1}`}
          renderRow={(d, i) => (
            <>
              <RowInput
                label={`Driver ${i + 1}`}
                value={d.name}
                onChange={(name) => set('drivers')(draft.drivers.map((x) => (x.id === d.id ? { ...x, name } : x)))}
              />
              <Select
                label="Weight"
                labelPosition="beside"
                value={String(d.weight)}
                choices={WEIGHTS}
                onChange={(w) =>
                  set('drivers')(draft.drivers.map((x) => (x.id === d.id ? { ...x, weight: Number(w) } : x)))
                }
              />
            </>
          )}
          onRemove={(i) => set('drivers')(draft.drivers.filter((_, j) => j !== i))}
          add={{
            label: 'Add driver',
            onAdd: () =>
              set('drivers')([
                ...draft.drivers,
                {
                  id: newId('d', draft.drivers),
                  name: 'New driver',
                  description: '',
                  question: '',
                  // Unweighted until the architect weighs it: no weight is invented.
                  weight: 0,
                  minimum: null,
                  criterion: null,
                },
              ]),
          }}
        />

        <RowsField
          legend="Considered options"
          items={draft.options}
          keyOf={(o) => o.id}
          rowName={(o, i) => `option ${o.name || i + 1}`}
          renderRow={(o, i) => (
            <RowInput
              label={`Option ${i + 1}`}
              value={o.name}
              onChange={(name) => set('options')(draft.options.map((x) => (x.id === o.id ? { ...x, name } : x)))}
            />
          )}
          onRemove={(i) => set('options')(draft.options.filter((_, j) => j !== i))}
          add={{
            label: 'Add option',
            onAdd: () =>
              set('options')([
                ...draft.options,
                { id: newId('o', draft.options), name: 'New option', description: '', option: null },
              ]),
          }}
        />

        {draft.options.length > 0 && (
          <section className="pros-cons-section" aria-labelledby="pros-cons-title">
            <h2 id="pros-cons-title">Pros and cons of the options</h2>
            {fieldErrors.options && (
              <p className="field-error" role="alert">
                {fieldErrors.options}
              </p>
            )}
            {draft.options.map((o) => (
              <ProsConsEditor
                key={o.id}
                option={o}
                claims={draft.evaluation.claims}
                drivers={draft.drivers}
                onChange={(description) =>
                  update((d) => ({
                    ...d,
                    options: d.options.map((x) => (x.id === o.id ? { ...x, description } : x)),
                  }))
                }
              />
            ))}
          </section>
        )}

        {/* Nothing to choose from (an adr-tools file states its decision as text): no empty choice is shown. */}
        {(draft.options.length > 0 || draft.chosenOption) && (
          <Select
            label="Chosen option"
            value={draft.chosenOption ?? ''}
            choices={[
              { value: '', label: 'Not chosen yet' },
              ...draft.options.map((o) => ({ value: o.id, label: o.name })),
            ]}
            onChange={(id) => set('chosenOption')(id || null)}
          />
        )}
        {nygard ? (
          <TextArea
            label="Decision"
            value={draft.rationale}
            onChange={set('rationale')}
            rows={Math.min(16, Math.max(5, draft.rationale.split('\n').length + 1))}
            hint="The decision as the ADR states it (its Decision section)."
            error={fieldErrors.rationale}
          />
        ) : (
          <TextArea
            label="Rationale"
            value={draft.rationale}
            onChange={set('rationale')}
            hint="Why the chosen option, in a sentence or two."
            error={fieldErrors.rationale}
          />
        )}

        {nygard && isProse(draft.consequences) ? (
          <ParagraphsField
            label="Consequences"
            value={draft.consequences}
            onChange={set('consequences')}
            hint="What becomes easier or harder; a blank line starts the next consequence."
            error={fieldErrors.consequences}
          />
        ) : (
          <RowsField
            legend="Consequences"
            items={draft.consequences}
            rowName={(_, i) => `consequence ${i + 1}`}
            renderRow={(c, i) => (
              <>
                <Select
                  label={`Effect of consequence ${i + 1}`}
                  labelPosition="hidden"
                  value={c.effect}
                  choices={EFFECT_CHOICES}
                  onChange={(effect) =>
                    set('consequences')(draft.consequences.map((x, j) => (j === i ? { ...x, effect } : x)))
                  }
                />
                <RowInput
                  label={`Consequence ${i + 1}`}
                  value={c.text}
                  onChange={(text) =>
                    set('consequences')(draft.consequences.map((x, j) => (j === i ? { ...x, text } : x)))
                  }
                />
              </>
            )}
            onRemove={(i) => set('consequences')(draft.consequences.filter((_, j) => j !== i))}
            add={{
              label: 'Add consequence',
              onAdd: () => set('consequences')([...draft.consequences, { effect: 'good', text: '', claims: [] }]),
            }}
          />
        )}

        <TextArea
          label="Confirmation"
          value={draft.confirmation}
          onChange={set('confirmation')}
          hint="How will you know the decision is implemented and works?"
          error={fieldErrors.confirmation}
        />
        <TextArea
          label="More information"
          value={draft.moreInformation}
          onChange={set('moreInformation')}
          rows={Math.min(16, Math.max(4, draft.moreInformation.split('\n').length + 1))}
          hint="Markdown: links to documents and tickets, follow-ups. Links to other ADRs are relations, below."
          error={fieldErrors.moreInformation}
        />
        <LinksEditor links={draft.links} onChange={set('links')} />
      </div>
      <RelationsPanel decision={saved} beforeChange={flush} onChanged={replace} />
    </article>
  );
}

function Revisions({ id, revision }: { id: string; revision: number }) {
  const revisions = useApiQuery('listRevisions', { id }, { version: revision });
  return (
    <section className="panel" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions</h2>
      <p>
        <a href={href('history', id)}>Compare any two revisions, or restore one</a>
      </p>
      <QueryStatus
        isPending={revisions.isPending}
        error={revisions.error}
        onRetry={() => void revisions.refetch()}
        what="the revisions"
      />
      {revisions.data && (
        <ol className="revision-list" reversed>
          {revisions.data.map((r) => (
            <li key={r.revision}>
              Revision {r.revision} · {r.changes || r.reason} · {new Date(r.savedAt).toLocaleString()} · “{r.title}” (
              {r.status})
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
