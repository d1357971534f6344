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
import { RadioGroup, TextArea, TextField } from '../components/Fields.js';
import { fetchApi, messageOf, useApiTask } from '../data/query.js';
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

const OUTCOMES = (Object.keys(OUTCOME_LABEL) as ReviewOutcome[]).map((o) => ({
  value: o,
  label: OUTCOME_LABEL[o],
  description: <span className="muted">{OUTCOME_HINT[o]}</span>,
}));

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
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const [triggersText, setTriggersText] = useState(draft.reviewTriggers.join('\n'));
  const last = saved.reviews.at(-1);

  // Pending edits are saved first and the review is based on the revision stored now.
  const recording = useApiTask(
    async (input: { outcome: ReviewOutcome; note: string; next: string }) => {
      await props.settle();
      const current = await fetchApi('getDecision', { id: saved.id });
      return api.reviewDecision({
        id: saved.id,
        baseRevision: current.revision,
        outcome: input.outcome,
        note: input.note,
        nextReview: input.outcome === 'holds' ? input.next : undefined,
      });
    },
    {
      invalidates: ['listDue', 'listDecisionFacets'],
      onSuccess: (result, input) => {
        props.onReviewed(result.decision);
        setOpen(false);
        setNote('');
        if (result.draft) {
          navigate('decisions', result.draft.id);
          return;
        }
        setDone(
          input.outcome === 'holds'
            ? `Review recorded: still holds; next review ${input.next}.`
            : 'Review recorded: amend the decision below.',
        );
        if (input.outcome === 'amend') props.editTarget?.()?.focus();
      },
    },
  );

  function record(e: React.FormEvent) {
    e.preventDefault();
    recording.reset();
    if (outcome === 'holds' && !(next > today)) {
      setDateError(`Pick a next review date after today (${today}).`);
      return;
    }
    setDateError(undefined);
    recording.mutate({ outcome, note: note.trim(), next });
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
        <TextField
          label="Review by"
          type="date"
          value={draft.reviewBy ?? ''}
          onChange={(v) => props.onChange({ reviewBy: v || null })}
          hint={
            <>
              Written as <code>review-by</code> in the ADR; <code>cairn due</code> lists it once the day comes.
            </>
          }
        />
        <div className="grow">
          <TextArea
            label="Review triggers"
            rows={2}
            value={triggersText}
            onChange={(text) => {
              setTriggersText(text);
              props.onChange({
                reviewTriggers: text
                  .split('\n')
                  .map((t) => t.trim())
                  .filter(Boolean)
                  .slice(0, 20),
              });
            }}
            hint="One per line: events that should send you back to this decision, e.g. “when traffic passes 5k requests/s”."
          />
        </div>
      </div>
      {open && (
        <form id={`${id}-form`} className="review-form" onSubmit={record} aria-label="Record a review">
          <RadioGroup
            legend="Outcome of the review"
            choiceClassName="review-choice"
            firstRef={firstChoice}
            value={outcome}
            onChange={setOutcome}
            choices={OUTCOMES}
          />
          {outcome === 'holds' && (
            <TextField
              label="Next review"
              type="date"
              required
              min={addDays(today, 1)}
              value={next}
              onChange={(v) => {
                setNext(v);
                setDateError(undefined);
              }}
              error={dateError}
            />
          )}
          <TextArea
            label="Note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={setNote}
            placeholder="What you checked and found"
          />
          {recording.error && (
            <p role="alert" className="error">
              The review was not recorded: {messageOf(recording.error)}
            </p>
          )}
          <div className="review-actions">
            <button type="submit" className="primary" disabled={recording.isPending}>
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
