/**
 * The guided decision: five steps from a question to a recorded, weighted and cited outcome.
 * Every change is saved as the user goes (the same autosave as the editor), the step they stand
 * on is saved with the decision, and reopening the wizard resumes there.
 */
import { unreviewedCount } from '../../../shared/evaluation.js';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { Decision, DecisionContent } from '../../../shared/domain.js';
import { analyzeDecision, collectConditions, matrixAndSensitivity, weightedDrivers } from '../../../shared/scoring.js';
import { fetchApi, messageOf, useApiTask } from '../data/query.js';
import { DecisionLoader } from '../decisions/DecisionLoader.js';
import { useActionHandler } from '../app/actions.js';
import { href } from '../app/router.js';
import { useAutosave, type SaveState } from '../decisions/useAutosave.js';
import { DriversStep } from './DriversStep.js';
import { EvidenceStep } from './EvidenceStep.js';
import { OutcomeStep } from './OutcomeStep.js';
import { QuestionStep } from './QuestionStep.js';
import { ReviewStep } from './ReviewStep.js';
import type { StepProps } from './step-props.js';
import './wizard.css';

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'All changes saved',
  dirty: 'Unsaved changes…',
  saving: 'Saving…',
  invalid: 'Other changes saved; one field needs fixing',
  conflict: 'Not saved: changed elsewhere',
  error: 'Not saved',
};

interface StepDef {
  title: string;
  /** A few words on where the user stands in this step, shown under its name. */
  status: (d: DecisionContent) => string;
  Component: (props: StepProps) => React.ReactNode;
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export const STEPS: StepDef[] = [
  { title: 'Question and context', status: (d) => plural(d.options.length, 'option'), Component: QuestionStep },
  {
    title: 'Drivers',
    status: (d) =>
      `${weightedDrivers(d.drivers).length} of ${plural(d.drivers.length, 'criterion', 'criteria')} weighted`,
    Component: DriversStep,
  },
  {
    title: 'Evidence',
    status: (d) =>
      `${d.evaluation.claims.filter((c) => c.verdict === 'accepted').length} accepted, ${unreviewedCount(d)} unreviewed, ${plural(d.evaluation.scores.length, 'score')} set`,
    Component: EvidenceStep,
  },
  {
    title: 'Outcome',
    status: (d) =>
      d.chosenOption ? `${d.options.find((o) => o.id === d.chosenOption)?.name ?? '?'} chosen` : 'not chosen yet',
    Component: OutcomeStep,
  },
  { title: 'Review', status: (d) => d.status, Component: ReviewStep },
];
const LAST = STEPS.length - 1;

export function GuidedDecision({ id }: { id: string }) {
  return <DecisionLoader id={id}>{(decision) => <Wizard initial={decision} />}</DecisionLoader>;
}

function Wizard({ initial }: { initial: Decision }) {
  const { saved, draft, state, error, fieldErrors, update, replace, settle } = useAutosave(initial);
  // After a conflict: the decision as stored now replaces the draft.
  const reload = useApiTask(() => fetchApi('getDecision', { id: saved.id }), { onSuccess: replace });
  const step = Math.min(Math.max(draft.evaluation.step, 0), LAST);
  // The matrix, sensitivity and conditions follow every change at once (they are cheap, and the
  // controls show them); the robustness figures (10,000 draws) follow the draft a beat behind, in a
  // render React may interrupt, so changing a weight or a range never waits for them. Both read only
  // drivers, options and evaluation: typing a title or rationale recomputes neither.
  const { drivers, options, evaluation } = draft;
  const fast = useMemo(() => {
    const scorable = { drivers, options, evaluation };
    return { ...matrixAndSensitivity(scorable), conditions: collectConditions(scorable) };
  }, [drivers, options, evaluation]);
  const deferred = useDeferredValue(draft);
  const slow = useMemo(
    () => analyzeDecision({ drivers: deferred.drivers, options: deferred.options, evaluation: deferred.evaluation }),
    [deferred.drivers, deferred.options, deferred.evaluation],
  );
  const analysis = useMemo(() => ({ ...slow, ...fast }), [slow, fast]);
  const pending = deferred.drivers !== drivers || deferred.options !== options || deferred.evaluation !== evaluation;
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const go = useCallback(
    (next: number) => {
      if (next < 0 || next > LAST) return;
      moved.current = true;
      update((d) => ({ ...d, evaluation: { ...d.evaluation, step: next } }));
    },
    [update],
  );

  // After a move (not on first load) the step heading takes focus, so keyboard and screen-reader users start at the top of the new step.
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [step]);

  // The keys (Alt+Page Down / Up, and the menu's Go › Next step) come from shared/shortcuts.ts.
  useActionHandler('nextStep', () => go(step + 1));
  useActionHandler('previousStep', () => go(step - 1));

  const current = STEPS[step]!;
  const props: StepProps = { saved, draft, analysis, pending, update, settle, replace, go };
  return (
    <article className="wizard" aria-labelledby="wizard-title">
      <header className="page-header">
        <div>
          <a href={href('decisions', saved.id, 'edit')} className="back">
            ← Open in the editor
          </a>
          <h1 id="wizard-title">
            <span className="muted wizard-kicker">Guided decision · </span>
            {saved.number !== null ? `ADR ${saved.number}: ` : ''}
            {draft.title || 'Untitled'}
          </h1>
        </div>
        <div className="header-actions">
          <span className={`save-state save-${state}`} role="status" aria-live="polite">
            {SAVE_LABEL[state]}
          </span>
        </div>
      </header>
      {Object.keys(fieldErrors).length > 0 && (
        // The wizard's fields are spread over steps: list what cannot be saved where it is seen; the rest is saved.
        <ul role="alert" className="error">
          {Object.entries(fieldErrors).map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      )}
      {error && (
        <div role="alert" className="error">
          {error}
          {state === 'conflict' && (
            <button type="button" onClick={() => reload.mutate()} disabled={reload.isPending}>
              Discard my edits and load the newer version
            </button>
          )}
          {reload.error && <p>The newer version could not be loaded: {messageOf(reload.error)}</p>}
        </div>
      )}

      <nav aria-label="Steps" className="wizard-steps">
        <ol>
          {STEPS.map((s, i) => (
            <li key={s.title}>
              <button
                type="button"
                aria-current={i === step ? 'step' : undefined}
                onClick={() => go(i)}
                className={i < step ? 'done' : undefined}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="step-text">
                  <span className="step-title">
                    <span className="visually-hidden">Step {i + 1}: </span>
                    {s.title}
                  </span>
                  <span className="step-status">{s.status(draft)}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <section className="wizard-step" aria-labelledby="step-title">
        <h2 id="step-title" ref={heading} tabIndex={-1}>
          Step {step + 1} of {STEPS.length}: {current.title}
        </h2>
        <current.Component {...props} />
      </section>

      <footer className="wizard-footer">
        <button type="button" onClick={() => go(step - 1)} disabled={step === 0}>
          ← {step > 0 ? `Back: ${STEPS[step - 1]!.title}` : 'Back'}
        </button>
        <p className="muted shortcut-hint">
          <kbd>Alt</kbd>+<kbd>Page Up</kbd> / <kbd>Alt</kbd>+<kbd>Page Down</kbd> move between steps
        </p>
        {step < LAST ? (
          <button type="button" className="primary" onClick={() => go(step + 1)}>
            Next: {STEPS[step + 1]!.title} →
          </button>
        ) : (
          <a className="button-link" href={href('decisions', saved.id, 'edit')}>
            Open in the editor
          </a>
        )}
      </footer>
    </article>
  );
}
