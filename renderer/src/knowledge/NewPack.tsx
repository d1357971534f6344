/**
 * *New pack…*: a pack of the user's own for a question — its options and its criteria with the
 * question each one asks — made in the app. Rows are added, removed and moved with buttons (so
 * the keyboard does all of it); every problem is said next to its field when the user tries to
 * create. Sources and claims come after, on the new pack's *Add your own* page.
 */
import { useState } from 'react';
import { slugify } from '../../../shared/adr/slug.js';
import { RowsField, TextArea, TextField } from '../components/Fields.js';
import { href, navigate } from '../app/router.js';
import { messageOf, useApiMutation } from '../data/query.js';

interface Row {
  key: number;
  name: string;
  description: string;
  question: string;
}

let nextKey = 1;
const row = (): Row => ({ key: nextKey++, name: '', description: '', question: '' });

/** A pack id from a title: lower-case words joined by dashes, as the API asks. */
export function packIdOf(title: string): string {
  return title.trim() ? slugify(title, 'pack') : '';
}

/** Problems of a list of named rows: a name for each, no name twice. */
function rowProblems(rows: Row[], what: string): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const name = r.name.trim();
    if (!name) problems.set(r.key, `Give this ${what} a name, or remove it.`);
    else if (seen.has(name.toLowerCase())) problems.set(r.key, `Another ${what} is already called “${name}”.`);
    else seen.set(name.toLowerCase(), r.key);
  }
  return problems;
}

function RowList({
  title,
  what,
  rows,
  setRows,
  problems,
  listError,
  withQuestion,
}: {
  title: string;
  what: string;
  rows: Row[];
  setRows: (rows: Row[]) => void;
  problems: Map<number, string> | null;
  listError: string | undefined;
  withQuestion: boolean;
}) {
  const update = (key: number, change: Partial<Row>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [moved] = next.splice(i, 1);
    next.splice(i + by, 0, moved!);
    setRows(next);
  };
  const named = `${what[0]!.toUpperCase()}${what.slice(1)}`;
  return (
    <RowsField
      legend={title}
      className="new-pack-rows"
      intro={
        listError && (
          <p className="field-error" role="alert">
            {listError}
          </p>
        )
      }
      list="ol"
      items={rows}
      keyOf={(r) => r.key}
      itemClassName={() => 'new-pack-row'}
      itemLabel={(r, i) => `${what} ${i + 1}${r.name.trim() ? `: ${r.name.trim()}` : ''}`}
      blocks={{ fields: 'new-pack-row-fields', actions: 'new-pack-row-actions' }}
      rowName={(_, i) => `${what} ${i + 1}`}
      renderRow={(r, i) => (
        <>
          <TextField
            label={`${named} ${i + 1}`}
            value={r.name}
            maxLength={200}
            onChange={(name) => update(r.key, { name })}
            error={problems?.get(r.key)}
          />
          <TextField
            label={`Description of ${what} ${i + 1} (optional)`}
            value={r.description}
            maxLength={1000}
            onChange={(description) => update(r.key, { description })}
          />
          {withQuestion && (
            <TextField
              label={`Guiding question of ${what} ${i + 1}`}
              value={r.question}
              maxLength={1000}
              hint="What the architect should ask themselves under this criterion."
              onChange={(question) => update(r.key, { question })}
            />
          )}
        </>
      )}
      onMove={move}
      onRemove={(i) => setRows(rows.filter((_, j) => j !== i))}
      add={{ label: `Add ${what === 'option' ? 'an option' : 'a criterion'}`, onAdd: () => setRows([...rows, row()]) }}
    />
  );
}

export function NewPack() {
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState<Row[]>(() => [row(), row()]);
  const [criteria, setCriteria] = useState<Row[]>(() => [row()]);
  const [tried, setTried] = useState(false);
  const create = useApiMutation('createPack', {
    invalidates: ['listPacks'],
    onSuccess: (pack) => navigate('library', pack.id, 'add'),
  });

  const packId = idEdited ? id : packIdOf(title);
  const problems = {
    title: title.trim() ? undefined : 'Give the pack a title, e.g. “Database engine”.',
    id: /^[a-z0-9][a-z0-9-]{0,79}$/.test(packId)
      ? undefined
      : 'Lower-case letters, digits and dashes, starting with a letter or digit (e.g. “database-engine”).',
    question: question.trim() ? undefined : 'Say the question this pack helps answer.',
    options: options.filter((o) => o.name.trim()).length < 2 ? 'A pack compares at least two options.' : undefined,
    criteria: criteria.filter((c) => c.name.trim()).length < 1 ? 'Name at least one criterion.' : undefined,
    optionRows: rowProblems(options, 'option'),
    criterionRows: rowProblems(criteria, 'criterion'),
  };
  const valid =
    !problems.title &&
    !problems.id &&
    !problems.question &&
    !problems.options &&
    !problems.criteria &&
    problems.optionRows.size === 0 &&
    problems.criterionRows.size === 0;
  const shown = tried ? problems : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!valid) return;
    create.mutate({
      id: packId,
      title: title.trim(),
      question: question.trim(),
      options: options.map((o) => ({ name: o.name.trim(), description: o.description.trim() })),
      criteria: criteria.map((c) => ({
        name: c.name.trim(),
        description: c.description.trim(),
        question: c.question.trim(),
      })),
    });
  };

  return (
    <section aria-labelledby="new-pack-title" className="new-pack">
      <header className="page-header">
        <div>
          <a href={href('library')} className="back">
            ← Library
          </a>
          <h1 id="new-pack-title">New pack</h1>
        </div>
      </header>
      <p className="muted">
        A pack gathers what your documents say about the options for one question. Name the options and the criteria
        here; add sources and claims next.
      </p>
      <form onSubmit={submit} noValidate className="panel">
        <div className="form-grid">
          <TextField label="Title" value={title} maxLength={200} onChange={setTitle} error={shown?.title} />
          <TextField
            label="Pack id"
            value={packId}
            maxLength={80}
            onChange={(v) => {
              setIdEdited(true);
              setId(v);
            }}
            hint="Names the pack in files and on the command line."
            error={shown?.id}
          />
        </div>
        <TextArea
          label="Question"
          rows={2}
          value={question}
          onChange={setQuestion}
          hint="e.g. Which database engine should store our orders?"
          error={shown?.question}
        />
        <RowList
          title="Options"
          what="option"
          rows={options}
          setRows={setOptions}
          problems={shown?.optionRows ?? null}
          listError={shown?.options}
          withQuestion={false}
        />
        <RowList
          title="Criteria"
          what="criterion"
          rows={criteria}
          setRows={setCriteria}
          problems={shown?.criterionRows ?? null}
          listError={shown?.criteria}
          withQuestion
        />
        {tried && !valid && (
          <p role="alert" className="error">
            Some fields need attention; each says what to change.
          </p>
        )}
        {create.error && (
          <p role="alert" className="error">
            Could not create the pack: {messageOf(create.error)}
          </p>
        )}
        <div className="new-pack-submit">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create pack'}
          </button>{' '}
          <a href={href('library')}>Cancel</a>
        </div>
      </form>
    </section>
  );
}
