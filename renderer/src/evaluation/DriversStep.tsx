import { useId, useState } from 'react';
import type { Driver } from '../../../shared/domain.js';
import {
  addDriver,
  removeDriver,
  setCondition,
  setMinimum,
  setWeight,
  toDirectWeighting,
  toSwingWeighting,
} from '../../../shared/evaluation.js';
import { joinNames, WEIGHT_LABELS, type ConditionQuestion } from '../../../shared/scoring.js';
import { SwingWeighting } from './SwingWeighting.js';
import type { StepProps } from './step-props.js';
import { RadioChoices, RadioGroup, Select, TextField } from '../components/Fields.js';

const WEIGHTING_METHODS = [
  { value: false, label: 'Rate each criterion 0–5' },
  { value: true, label: 'Swing weighting: rank and compare' },
];

const WEIGHT_CHOICES = WEIGHT_LABELS.map((label, w) => ({
  value: w,
  label: (
    <>
      <span className="weight-number">{w}</span> <span className="weight-label">{label}</span>
    </>
  ),
}));

/** A criterion's must-have: none, or the least score an option may have. */
const MINIMUM_CHOICES = [
  { value: '', label: 'No: any score may be outweighed' },
  ...[2, 3, 4, 5].map((m) => ({ value: String(m), label: `Yes: exclude an option scoring below ${m}` })),
];

export function DriversStep(props: StepProps) {
  const { draft, analysis, update } = props;
  const swing = draft.evaluation.weighting.method === 'swing';
  return (
    <div className="step-body">
      <p className="lead">
        How much does each criterion matter for this decision? <strong>0</strong> leaves it out; <strong>5</strong>{' '}
        makes it critical. The weight multiplies each option’s score in the matrix.
      </p>
      {draft.drivers.length > 1 && (
        <RadioGroup
          legend="How to set the weights"
          groupClassName="weighting-method"
          className="segmented"
          selectedClassName="checked"
          value={swing}
          onChange={(toSwing) => update(toSwing ? toSwingWeighting : toDirectWeighting)}
          choices={WEIGHTING_METHODS}
        />
      )}
      {swing && draft.drivers.length > 1 && <SwingWeighting {...props} />}
      {draft.drivers.length === 0 && <p className="empty">No criteria yet. Add the criteria that matter below.</p>}
      <ol className="plain-list driver-list">
        {draft.drivers.map((d) => (
          <li key={d.id}>
            <DriverRow driver={d} {...props} />
          </li>
        ))}
      </ol>
      <AddDriver {...props} />
      {analysis.conditions.length > 0 && <Conditions questions={analysis.conditions} {...props} />}
    </div>
  );
}

function DriverRow({ driver, draft, update }: StepProps & { driver: Driver }) {
  const legendId = useId();
  const own = driver.criterion === null;
  const swing = draft.evaluation.weighting.method === 'swing' && draft.drivers.length > 1;
  return (
    <fieldset
      className={`driver-row${driver.weight === 0 ? ' unweighted' : ''}`}
      aria-describedby={driver.question ? legendId + '-q' : undefined}
    >
      <legend id={legendId}>{driver.name}</legend>
      <div className="driver-text">
        {driver.question && (
          <p id={legendId + '-q'} className="driver-question">
            {driver.question}
          </p>
        )}
        {own && (
          <div className="row small">
            <TextField
              label="Name"
              labelPosition="inline"
              value={driver.name}
              maxLength={2000}
              onChange={(name) =>
                update((d) => ({
                  ...d,
                  drivers: d.drivers.map((x) => (x.id === driver.id ? { ...x, name } : x)),
                }))
              }
            />
            <button
              type="button"
              aria-label={`Remove criterion ${driver.name}`}
              onClick={() => update((d) => removeDriver(d, driver.id))}
            >
              Remove
            </button>
          </div>
        )}
      </div>
      {swing ? (
        <p className="swing-derived small">
          Weight <strong>{driver.weight}</strong> of 5 ({WEIGHT_LABELS[driver.weight]}), from{' '}
          {draft.evaluation.weighting.swing[driver.id] ?? 0} swing points.
        </p>
      ) : (
        <RadioChoices
          className="weight-scale"
          selectedClassName="checked"
          value={driver.weight}
          onChange={(w) => update((d) => setWeight(d, driver.id, w))}
          choices={WEIGHT_CHOICES}
        />
      )}
      <div className="must-have small">
        <Select
          label="Must-have"
          labelPosition="inline"
          value={driver.minimum === null ? '' : String(driver.minimum)}
          onChange={(v) => update((d) => setMinimum(d, driver.id, v ? Number(v) : null))}
          choices={MINIMUM_CHOICES}
        />
      </div>
    </fieldset>
  );
}

function AddDriver({ update }: StepProps) {
  const [name, setName] = useState('');
  const [question, setQuestion] = useState('');
  return (
    <form
      className="add-driver panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        update((d) => addDriver(d, name, question));
        setName('');
        setQuestion('');
      }}
    >
      <h3>Add a criterion</h3>
      <div className="row wrap">
        <TextField
          label="Criterion"
          className="grow"
          value={name}
          maxLength={2000}
          placeholder="e.g. Operating cost"
          onChange={setName}
        />
        <TextField
          label="Guiding question (optional)"
          className="grow"
          value={question}
          maxLength={2000}
          placeholder="e.g. What may it cost to run per month?"
          onChange={setQuestion}
        />
        <button type="submit" disabled={!name.trim()}>
          Add criterion
        </button>
      </div>
    </form>
  );
}

const ANSWERS: { value: boolean | null; label: string }[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No: set its claims aside' },
  { value: null, label: 'Not sure' },
];

function Conditions({ questions, draft, update }: StepProps & { questions: ConditionQuestion[] }) {
  const driverName = new Map(draft.drivers.map((d) => [d.id, d.name]));
  const setAside = questions.filter((q) => q.answer === false).reduce((n, q) => n + q.claims, 0);
  return (
    <section className="conditions" aria-labelledby="conditions-title">
      <h3 id="conditions-title">Does the evidence apply to you?</h3>
      <p className="muted">
        Some claims hold only in certain situations. Answer each once. Claims whose situation does not hold are set
        aside: still shown, marked as set aside, and not counted in the scores.
      </p>
      <ul className="plain-list">
        {questions.map((q) => {
          const names = q.drivers.map((d) => driverName.get(d) ?? d);
          const under =
            names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : joinNames(names);
          return (
            <li key={q.condition}>
              <RadioGroup
                legend={<>Does “{q.condition}” describe this decision?</>}
                groupClassName="condition-row"
                intro={
                  <p className="muted small">
                    {q.claims} claim{q.claims === 1 ? ' depends' : 's depend'} on it, under {under}.
                  </p>
                }
                className="segmented"
                selectedClassName="checked"
                value={q.answer}
                onChange={(answer) => update((d) => setCondition(d, q.condition, answer))}
                choices={ANSWERS}
              />
            </li>
          );
        })}
      </ul>
      <p aria-live="polite" className="muted">
        {setAside
          ? `${setAside} claim${setAside === 1 ? ' is' : 's are'} set aside by your answers.`
          : 'No claim is set aside.'}
      </p>
    </section>
  );
}
