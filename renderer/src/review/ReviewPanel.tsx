/**
 * A decision's review: when it is due (overdue said plainly, in words and not by colour alone),
 * its review date and triggers (saved with the rest of the draft), and the *Review* action that
 * records an outcome as a revision with a note: still holds (with the next date), amend (back to
 * editing), or supersede (opens the superseding draft it starts).
 */
import { useId, useRef, useState } from 'react';
import type { Decision, DecisionContent, ReviewOutcome } from '../../../shared/domain.js';
import { addDays, describeDue, reviewState } from '../../../shared/review.js';
import { api } from '../api.js';
import { navigate } from '../app/router.js';
import './ReviewPanel.css';

const OUTCOME_LABEL: Record<ReviewOutcome, string> = {
  holds: 'Still holds',
  amend: 'Amend it',
  supersede: 'Supersede it',
};

const OUTCOME_HINT: Record<ReviewOutcome, string> = {
  holds: 'Nothing changed that matters: set the next review date.',
  amend: 'Parts need changing: the review is recorded and you edit the decision below.',
  supersede: 'It no longer holds: a new draft starts from its question and evidence, related to it.',
};

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "Review overdue" / "Review due" beside a status, for the list; nothing when not due. */
export function ReviewBadge({ reviewBy, status }: { reviewBy: string | null; status: Decision['status'] }) {
  const today = todayIso();
  const state = reviewState(reviewBy, status, today);
  if (state !== 'overdue' && state !== 'due') return null;
  return (
    <span className={`badge review-${state}`} title={`Review by ${reviewBy}: ${describeDue(reviewBy!, today)}`}>
      {state === 'overdue' ? 'review overdue' : 'review due'}
    </span>
  );
}

export function ReviewPanel(props: {
  saved: Decision;
  draft: DecisionContent;
  onChange: (patch: Partial<DecisionContent>) => void;
  /** Saves pending edits first, so the review is based on the latest revision. */
  settle: () => Promise<unknown>;
  onReviewed: (d: Decision) => void;
  /** Where "amend" sends the keyboard: the first field to edit. */
  editTarget?: () => HTMLElement | null;
}) {
  const { saved, draft } = props;
  const id = useId();
  const today = todayIso();
  const state = reviewState(draft.reviewBy, draft.status, today);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<ReviewOutcome>('holds');
  const [next, setNext] = useState(addDays(today, 180));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstChoice = useRef<HTMLInputElement>(null);
  const [triggersText, setTriggersText] = useState(draft.reviewTriggers.join('\n'));
  const last = saved.reviews.at(-1);

  async function record(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (outcome === 'holds' && !(next > today)) {
      setError(`Pick a next review date after today (${today}).`);
      return;
    }
    setBusy(true);
    try {
      await props.settle();
      const current = await api.getDecision({ id: saved.id });
      const result = await api.reviewDecision({
        id: saved.id,
        baseRevision: current.revision,
        outcome,
        note: note.trim(),
        nextReview: outcome === 'holds' ? next : undefined,
      });
      props.onReviewed(result.decision);
      setOpen(false);
      setNote('');
      if (result.draft) {
        navigate('decisions', result.draft.id);
        return;
      }
      setDone(
        outcome === 'holds'
          ? `Review recorded: still holds; next review ${next}.`
          : 'Review recorded: amend the decision below.',
      );
      if (outcome === 'amend') props.editTarget?.()?.focus();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel review-panel" aria-labelledby={`${id}-title`}>
      <div className="review-head">
        <h2 id={`${id}-title`}>Review</h2>
        <p className={`review-when review-${state}`}>
          {draft.reviewBy ? (
            state === 'none' ? (
              <>
                Review date {draft.reviewBy} (not reviewed while {draft.status}).
              </>
            ) : (
              <>
                {state === 'overdue' && <strong>Overdue: </strong>}
                Review by {draft.reviewBy}, {describeDue(draft.reviewBy, today)}.
              </>
            )
          ) : (
            <>No review date set.</>
          )}
          {last && (
            <span className="muted">
              {' '}
              Last reviewed {last.date}: {OUTCOME_LABEL[last.outcome].toLowerCase()}
              {last.note ? ` — ${last.note}` : ''}.
            </span>
          )}
        </p>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => {
            setOpen((o) => !o);
            setDone(null);
            setTimeout(() => firstChoice.current?.focus(), 0);
          }}
        >
          Review…
        </button>
      </div>
      {/* A live region, not role=status: the editor's save state is the page's one status. */}
      <p className="muted review-done" aria-live="polite">
        {done}
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-by`}>Review by</label>
          <input
            id={`${id}-by`}
            type="date"
            value={draft.reviewBy ?? ''}
            onChange={(e) => props.onChange({ reviewBy: e.target.value || null })}
            aria-describedby={`${id}-by-hint`}
          />
          <small id={`${id}-by-hint`} className="muted">
            Written as <code>review-by</code> in the ADR; <code>cairn due</code> lists it once the day comes.
          </small>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-triggers`}>Review triggers</label>
          <textarea
            id={`${id}-triggers`}
            rows={2}
            value={triggersText}
            onChange={(e) => {
              setTriggersText(e.target.value);
              props.onChange({
                reviewTriggers: e.target.value
                  .split('\n')
                  .map((t) => t.trim())
                  .filter(Boolean)
                  .slice(0, 20),
              });
            }}
            aria-describedby={`${id}-triggers-hint`}
          />
          <small id={`${id}-triggers-hint`} className="muted">
            One per line: events that should send you back to this decision, e.g. “when traffic passes 5k requests/s”.
          </small>
        </div>
      </div>
      {open && (
        <form id={`${id}-form`} className="review-form" onSubmit={record} aria-label="Record a review">
          <fieldset>
            <legend>Outcome of the review</legend>
            {(Object.keys(OUTCOME_LABEL) as ReviewOutcome[]).map((o, i) => (
              <label key={o} className="review-choice">
                <input
                  ref={i === 0 ? firstChoice : undefined}
                  type="radio"
                  name={`${id}-outcome`}
                  value={o}
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                />
                <span>
                  <strong>{OUTCOME_LABEL[o]}</strong> <span className="muted">{OUTCOME_HINT[o]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {outcome === 'holds' && (
            <div className="field">
              <label htmlFor={`${id}-next`}>Next review</label>
              <input
                id={`${id}-next`}
                type="date"
                required
                min={addDays(today, 1)}
                value={next}
                onChange={(e) => setNext(e.target.value)}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-note`}>Note</label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="What you checked and found"
            />
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="review-actions">
            <button type="submit" className="primary" disabled={busy}>
              Record review
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
