/**
 * Several people's views: each decision-maker or consulted person weighs and scores on their own
 * (a blank follows the decision's), the cells where they differ are marked, and the user says how
 * the matrix combines the views — the decision's own, the mean, or one person's call. The views
 * are part of the decision (`evaluation.people`, `evaluation.combine`) and travel in the ledger.
 */
import { useMemo, useState } from 'react';
import type { Combination, DecisionContent, PersonView } from '../../../shared/domain.js';
import {
  addPerson,
  removePerson,
  setCombination,
  setPersonScore,
  setPersonWeight,
} from '../../../shared/evaluation.js';
import { buildMatrix, combinationWords, SCORE_LABELS, WEIGHT_LABELS } from '../../../shared/scoring.js';
import type { StepProps } from './step-props.js';
import { RadioGroup, Select, TextField } from '../components/Fields.js';

const ROLES = [
  { value: 'decision-maker' as const, label: 'Decision-maker' },
  { value: 'consulted' as const, label: 'Consulted' },
];

const ROLE_LABEL: Record<PersonView['role'], string> = { 'decision-maker': 'decision-maker', consulted: 'consulted' };

/** People named on the question step who have no view yet, with the role they were named in. */
function suggestions(draft: DecisionContent): { name: string; role: PersonView['role'] }[] {
  const taken = new Set(draft.evaluation.people.map((p) => p.name));
  const out = [
    ...draft.decisionMakers.map((name) => ({ name, role: 'decision-maker' as const })),
    ...draft.consulted.map((name) => ({ name, role: 'consulted' as const })),
  ].filter((p) => p.name.trim() && !taken.has(p.name.trim()));
  return out.filter((p, i) => out.findIndex((q) => q.name === p.name) === i);
}

export function PeopleViews(props: StepProps) {
  const { draft, update } = props;
  const people = draft.evaluation.people;
  const [current, setCurrent] = useState<string | null>(null);
  const selected = people.find((p) => p.name === current) ?? people[0] ?? null;
  return (
    <section className="people panel" aria-labelledby="people-title">
      <h3 id="people-title">People’s views</h3>
      <p className="muted small">
        Let each decision-maker or consulted person weigh and score on their own. A blank follows the decision’s weight
        or score. Cairn marks the cells where they differ, and you choose how the matrix combines the views.
      </p>
      <AddPerson
        draft={draft}
        onAdd={(name, role) => {
          update((d) => addPerson(d, name, role));
          setCurrent(name.trim());
        }}
      />
      {selected && (
        <>
          <div className="row wrap people-choose">
            <Select
              label="Scoring as"
              labelPosition="beside"
              value={selected.name}
              choices={people.map((p) => ({ value: p.name, label: `${p.name} (${ROLE_LABEL[p.role]})` }))}
              onChange={setCurrent}
            />
            <RemovePerson
              person={selected}
              onRemove={() => {
                update((d) => removePerson(d, selected.name));
                setCurrent(null);
              }}
            />
          </div>
          <PersonGrid person={selected} {...props} />
          <CombineViews {...props} />
        </>
      )}
    </section>
  );
}

function AddPerson({
  draft,
  onAdd,
}: {
  draft: DecisionContent;
  onAdd: (name: string, role: PersonView['role']) => void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonView['role']>('decision-maker');
  const offered = suggestions(draft);
  const taken = draft.evaluation.people.some((p) => p.name === name.trim());
  return (
    <div className="add-person">
      {offered.length > 0 && (
        <p className="row wrap">
          {offered.map((p) => (
            <button key={p.name} type="button" onClick={() => onAdd(p.name, p.role)}>
              Add {p.name}’s view ({ROLE_LABEL[p.role]})
            </button>
          ))}
        </p>
      )}
      <form
        className="row wrap"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim() || taken) return;
          onAdd(name, role);
          setName('');
        }}
      >
        <TextField
          label="Person"
          value={name}
          maxLength={200}
          placeholder="e.g. Ana"
          onChange={setName}
          error={taken ? `${name.trim()} already has a view: choose them under “Scoring as”.` : undefined}
        />
        <Select<PersonView['role']> label="Role" value={role} choices={ROLES} onChange={setRole} />
        <button type="submit" disabled={!name.trim() || taken}>
          Add view
        </button>
      </form>
    </div>
  );
}

function RemovePerson({ person, onRemove }: { person: PersonView; onRemove: () => void }) {
  const [asking, setAsking] = useState(false);
  const given = person.scores.length + Object.keys(person.weights).length;
  if (!asking)
    return (
      <button type="button" onClick={() => (given ? setAsking(true) : onRemove())}>
        Remove {person.name}’s view
      </button>
    );
  return (
    <span className="row" role="group" aria-label={`Remove ${person.name}’s view?`}>
      <span>
        Remove {person.name}’s {given} weight{given === 1 ? '' : 's'} and score{given === 1 ? '' : 's'}?
      </span>
      <button type="button" className="danger" onClick={onRemove}>
        Remove
      </button>
      <button type="button" autoFocus onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

/** One person's weights and scores, a select per cell; other people's differing values are named beside it. */
function PersonGrid({ person, draft, update }: StepProps & { person: PersonView }) {
  // What a blank follows: the decision's own weights and scores, whatever the combination.
  const own = useMemo(
    () =>
      buildMatrix({
        drivers: draft.drivers,
        options: draft.options,
        evaluation: { ...draft.evaluation, combine: { method: 'own', person: null } },
      }),
    [draft.drivers, draft.options, draft.evaluation],
  );
  const others = draft.evaluation.people.filter((p) => p.name !== person.name);
  const otherScores = (option: string, driver: string) =>
    others.flatMap((p) => {
      const s = p.scores.find((x) => x.option === option && x.driver === driver);
      return s ? [{ person: p.name, value: s.value }] : [];
    });
  const optionName = (id: string) => draft.options.find((o) => o.id === id)?.name ?? id;
  return (
    <div className="table-scroll">
      <table className="people-grid">
        <caption>
          {person.name}’s weights (0–5) and scores (1–5). “—” follows the decision’s value, shown in brackets; ≠ marks a
          cell where people differ by two steps or more.
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Weight</th>
            {draft.options.map((o) => (
              <th scope="col" key={o.id}>
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {own.rows.map((r) => {
            const weight = person.weights[r.driver];
            const otherWeights = others
              .filter((p) => p.weights[r.driver] !== undefined)
              .map((p) => `${p.name} ${p.weights[r.driver]}`);
            return (
              <tr key={r.driver}>
                <th scope="row">{r.name}</th>
                <td>
                  <Select
                    label={`${person.name}’s weight for ${r.name}`}
                    labelPosition="cell"
                    value={weight === undefined ? '' : String(weight)}
                    onChange={(v) =>
                      update((d) => setPersonWeight(d, person.name, r.driver, v === '' ? null : Number(v)))
                    }
                    choices={[
                      { value: '', label: `— (${r.weight})` },
                      ...WEIGHT_LABELS.map((label, w) => ({ value: String(w), label: `${w} ${label}` })),
                    ]}
                  />
                  {otherWeights.length > 0 && <small className="muted people-others">{otherWeights.join(', ')}</small>}
                </td>
                {r.cells.map((c) => {
                  const mine = person.scores.find((s) => s.option === c.option && s.driver === r.driver)?.value;
                  const theirs = otherScores(c.option, r.driver);
                  const values = [...theirs.map((t) => t.value), ...(mine !== undefined ? [mine] : [])];
                  const differs = values.length > 1 && Math.max(...values) - Math.min(...values) >= 2;
                  return (
                    <td key={c.option} className={differs ? 'differs' : undefined}>
                      <Select
                        label={`${person.name}’s score for ${optionName(c.option)} on ${r.name}`}
                        labelPosition="cell"
                        value={mine === undefined ? '' : String(mine)}
                        onChange={(v) =>
                          update((d) => setPersonScore(d, person.name, c.option, r.driver, v === '' ? null : Number(v)))
                        }
                        choices={[
                          { value: '', label: `— (${c.score ?? 'unknown'})` },
                          ...[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: `${v} ${SCORE_LABELS[v]}` })),
                        ]}
                      />
                      {theirs.length > 0 && (
                        <small className="muted people-others">
                          {differs && (
                            <span className="differs-mark" aria-hidden="true">
                              ≠{' '}
                            </span>
                          )}
                          {differs && <span className="visually-hidden">People differ: </span>}
                          {theirs.map((t) => `${t.person} ${t.value}`).join(', ')}
                        </small>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CombineViews({ draft, update }: StepProps) {
  const { combine, people } = draft.evaluation;
  const set = (c: Combination) => update((d) => setCombination(d, c));
  const personCall = combine.method === 'person' ? (combine.person ?? people[0]!.name) : people[0]!.name;
  return (
    <RadioGroup<Combination['method']>
      legend="How the matrix combines the views"
      groupClassName="combine-views"
      value={combine.method}
      onChange={(method) => set(method === 'person' ? { method, person: personCall } : { method, person: null })}
      choices={[
        { value: 'own', label: 'The decision’s own weights and scores (people’s views are shown, not counted)' },
        {
          value: 'mean',
          label: 'The mean of everyone’s views, rounded (a blank counts as the decision’s weight or hand-set score)',
        },
        {
          value: 'person',
          label: 'One person’s call:',
          around: (radio) => (
            <span className="row">
              {radio}
              <Select
                label="Whose call"
                labelPosition="hidden"
                value={personCall}
                choices={people.map((p) => ({ value: p.name, label: p.name }))}
                onChange={(person) => set({ method: 'person', person })}
              />
            </span>
          ),
        },
      ]}
    >
      <p className="small" aria-live="polite">
        Now: {combinationWords(draft)}.
      </p>
    </RadioGroup>
  );
}
