import { useState } from 'react';
import { addOption, removeOption } from '../../../shared/evaluation.js';
import { api, ApiError } from '../api.js';
import { ListField, RadioGroup, RowInput, RowsField, TextArea, TextField } from '../components/Fields.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { messageOf, useApiQuery, useApiTask } from '../data/query.js';
import type { StepProps } from './step-props.js';

export function QuestionStep(props: StepProps) {
  const { draft, update } = props;
  return (
    <div className="step-body">
      <p className="lead">
        Start with the question you need to answer and who takes part. Then pick a knowledge pack to bring in options,
        criteria and cited claims — or none, and type your own.
      </p>
      <div className="form-grid">
        <TextField
          label="Question (title)"
          value={draft.title}
          onChange={(title) => update({ title })}
          maxLength={500}
          hint="Phrase it as the question this decision answers, e.g. “Which runtime for our notification service?”"
        />
        <TextArea
          label="Context and problem statement"
          value={draft.context}
          onChange={(context) => update({ context })}
          rows={5}
          hint="What forces this decision now? Load, deadlines, the team, what exists already."
        />
        <div className="people-row">
          <ListField
            label="Decision-makers"
            value={draft.decisionMakers}
            onChange={(decisionMakers) => update({ decisionMakers })}
          />
          <ListField label="Consulted" value={draft.consulted} onChange={(consulted) => update({ consulted })} />
          <ListField label="Informed" value={draft.informed} onChange={(informed) => update({ informed })} />
        </div>
        <PackChooser {...props} />
        <OptionsEditor {...props} />
      </div>
    </div>
  );
}

function PackChooser({ draft, saved, settle, replace }: StepProps) {
  const packs = useApiQuery('listPacks', {});
  const [pending, setPending] = useState<string | null | undefined>(undefined);
  const current = draft.evaluation.pack;
  // Pending edits are saved first, so the pack is applied to the revision the user sees.
  const apply = useApiTask(
    async (pack: string | null) => {
      const stored = await settle();
      if (!stored)
        throw new Error(
          'Your latest edits are not saved yet, so the pack was not applied. Resolve the save problem above and try again.',
        );
      return api.applyPack({ id: saved.id, pack, baseRevision: stored.revision });
    },
    // The decision the server returned becomes the base (and what every screen's cache holds).
    { onSuccess: replace },
  );
  const busy = apply.isPending;

  function run(pack: string | null) {
    setPending(undefined);
    apply.mutate(pack);
  }

  function choose(pack: string | null) {
    if (pack === current) return;
    // Switching away from a pack removes what it brought in, so ask first; a first choice applies at once.
    if (current !== null) setPending(pack);
    else run(pack);
  }

  const fromPack = {
    options: draft.options.filter((o) => o.option !== null).length,
    drivers: draft.drivers.filter((d) => d.criterion !== null).length,
    claims: draft.evaluation.claims.filter((c) => !c.own).length,
  };
  const nameOf = (id: string | null) => (id === null ? 'no pack' : (packs.data?.find((p) => p.id === id)?.title ?? id));

  return (
    <RadioGroup
      legend="Knowledge pack"
      groupClassName="pack-chooser"
      busy={busy}
      intro={
        <>
          <p className="muted">
            A pack brings its options, its criteria with guiding questions, and claims from its sources, each cited.
          </p>
          <QueryStatus
            isPending={packs.isPending}
            error={packs.error}
            onRetry={() => void packs.refetch()}
            what="the knowledge packs"
          />
        </>
      }
      className="pack-options"
      choiceClassName="pack-card"
      selectedClassName="selected"
      value={current}
      onChange={choose}
      disabled={busy}
      choices={[
        {
          value: null,
          label: 'No pack',
          description: <small className="muted">I will type the options, criteria and claims myself.</small>,
        },
        ...(packs.data ?? []).map((p) => ({
          value: p.id,
          label: p.title,
          description: (
            <>
              {p.question && <small>{p.question}</small>}
              <small className="muted">
                {p.options} options · {p.criteria} criteria · {p.claims} claims from {p.sources} sources
              </small>
            </>
          ),
        })),
      ]}
    >
      {pending !== undefined && (
        <div className="warning confirm" role="alert">
          <p>
            Switching to {nameOf(pending)} removes the {fromPack.options} options, {fromPack.drivers} criteria and{' '}
            {fromPack.claims} claims that came from {nameOf(current)}, with your verdicts and scores on them. Your own
            options, criteria and claims stay.
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => run(pending)}>
              Switch to {nameOf(pending)}
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Keep {nameOf(current)}
            </button>
          </div>
        </div>
      )}
      {current !== null && pending === undefined && (
        <p className="row">
          <button type="button" onClick={() => run(current)} disabled={busy}>
            Refresh from the pack
          </button>
          <small className="muted">
            Brings in what is new in the pack and any of its options or criteria you removed; your verdicts, weights,
            scores and own claims stay.
          </small>
        </p>
      )}
      {busy && (
        <p className="muted" aria-live="polite">
          Applying the pack…
        </p>
      )}
      {apply.error && (
        <p role="alert" className="error">
          {apply.error instanceof ApiError
            ? `The pack was not applied: ${messageOf(apply.error)}`
            : messageOf(apply.error)}
        </p>
      )}
    </RadioGroup>
  );
}

function OptionsEditor({ draft, update }: StepProps) {
  const [name, setName] = useState('');
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    update((d) => addOption(d, trimmed));
    setName('');
  };
  const claimsOf = (id: string) => draft.evaluation.claims.filter((c) => c.option === id).length;
  return (
    <RowsField
      legend="Considered options"
      intro={
        draft.options.length === 0 && (
          <p className="muted">No options yet. Choose a pack above or add the options you are weighing.</p>
        )
      }
      list="ul"
      listClassName="plain-list option-list"
      items={draft.options}
      keyOf={(o) => o.id}
      rowName={(o, i) => `option ${o.name || i + 1}`}
      renderRow={(o, i) => (
        <>
          <RowInput
            label={`Name of option ${i + 1}`}
            value={o.name}
            maxLength={2000}
            onChange={(name) =>
              update((d) => ({ ...d, options: d.options.map((x) => (x.id === o.id ? { ...x, name } : x)) }))
            }
          />
          <span className="muted small">
            {o.option !== null ? `from the pack · ${claimsOf(o.id)} claims` : 'your option'}
          </span>
        </>
      )}
      onRemove={(i) => {
        const id = draft.options[i]!.id;
        update((d) => removeOption(d, id));
      }}
    >
      <form className="row" onSubmit={add}>
        <RowInput
          label="Name of another option"
          placeholder="Another option, e.g. Go"
          value={name}
          maxLength={2000}
          onChange={setName}
        />
        <button type="submit" disabled={!name.trim()}>
          Add option
        </button>
      </form>
    </RowsField>
  );
}
