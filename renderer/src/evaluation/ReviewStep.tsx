import { STATUSES } from '../../../shared/vocabulary.js';
import { weightedDrivers } from '../../../shared/scoring.js';
import { href } from '../app/router.js';
import { adrMarkdownFor } from '../../../shared/adr/read.js';
import { AdrView } from '../components/AdrView.js';
import type { StepProps } from './step-props.js';
import { useApiQuery } from '../data/query.js';
import { Select } from '../components/Fields.js';

const STATUS_CHOICES = STATUSES.map((s) => ({ value: s, label: s }));

export function ReviewStep({ draft, saved, update, go }: StepProps) {
  // The core renders the saved decision exactly as export writes it (in its folder's dialect, an
  // unedited imported file as its own bytes); edits reach it with the next autosave.
  const rendered = useApiQuery('renderDecision', { id: saved.id }, { version: saved.revision });
  const checks: { ok: boolean; text: string; step: number }[] = [
    { ok: draft.context.trim().length > 0, text: 'The context and problem statement are written', step: 0 },
    { ok: draft.options.length >= 2, text: 'At least two options are considered', step: 0 },
    { ok: weightedDrivers(draft.drivers).length > 0, text: 'At least one criterion has a weight', step: 1 },
    { ok: draft.chosenOption !== null, text: 'An option is chosen', step: 3 },
    { ok: draft.rationale.trim().length > 0, text: 'The rationale is written', step: 3 },
    { ok: draft.consequences.length > 0, text: 'Consequences are listed', step: 3 },
  ];
  const missing = checks.filter((c) => !c.ok);
  const accepted = draft.status === 'accepted';
  return (
    <div className="step-body">
      <div className="review-layout">
        <div className="review-side">
          <section className="panel" aria-labelledby="ready-title">
            <h3 id="ready-title">Ready to decide?</h3>
            <ul className="plain-list checklist">
              {checks.map((c) => (
                <li key={c.text} className={c.ok ? 'ok' : 'todo'}>
                  <span aria-hidden="true">{c.ok ? '✓' : '○'}</span> {c.text}
                  {c.ok ? (
                    <span className="visually-hidden"> (done)</span>
                  ) : (
                    <>
                      {' '}
                      <button type="button" className="link" onClick={() => go(c.step)}>
                        go to step {c.step + 1}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="status-title">
            <h3 id="status-title">Status</h3>
            <Select
              label="Status of this decision"
              value={draft.status}
              choices={STATUS_CHOICES}
              onChange={(status) => update({ status })}
            />
            {!accepted && (
              <p>
                <button type="button" className="primary" onClick={() => update({ status: 'accepted' })}>
                  Accept this decision
                </button>
              </p>
            )}
            {missing.length > 0 && !accepted && (
              <p className="muted small">
                You can accept now and complete the rest later; the list above shows what is still open.
              </p>
            )}
            <p aria-live="polite" className="small">
              {accepted
                ? saved.number !== null && saved.status === 'accepted'
                  ? `Accepted as ADR ${saved.number}.`
                  : 'Accepted; the ADR number is given when this is saved.'
                : `The decision is ${draft.status}.`}
            </p>
            <p className="small">
              <a href={href('decisions', saved.id)}>Read it</a> ·{' '}
              <a href={href('decisions', saved.id, 'edit')}>Open it in the editor</a> ·{' '}
              <a href={href('decisions')}>Back to all decisions</a>
            </p>
          </section>
        </div>
        <section className="preview-pane" aria-labelledby="preview-title">
          <h3 id="preview-title">The decision as it will be exported</h3>
          {/* The same text export writes (and the read view shows), not a separate drawing of it. */}
          <AdrView
            markdown={rendered.data?.markdown ?? adrMarkdownFor({ ...saved, ...draft })}
            label="Preview of the exported ADR"
            headingOffset={3}
          />
        </section>
      </div>
    </div>
  );
}
