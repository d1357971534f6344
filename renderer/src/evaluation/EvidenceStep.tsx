import { useEffect, useId, useRef, useState } from 'react';
import type { ConsideredOption, Driver, Effect, EvidenceClaim } from '../../../shared/domain.js';
import { EFFECTS } from '../../../shared/vocabulary.js';
import {
  addOwnClaim,
  removeOwnClaim,
  setScore,
  setScoreRange,
  setVerdict,
  setVerdicts,
} from '../../../shared/evaluation.js';
import {
  claimsFor,
  claimStanding,
  describePrefill,
  PREFILL_RULE,
  SCORE_LABELS,
  weightedDrivers,
  type Cell,
} from '../../../shared/scoring.js';
import { EvidenceClaimCard, ClaimSnippet } from './EvidenceClaimCard.js';
import { PackNotesChanged } from './PackNotesChanged.js';
import { PeopleViews } from './PeopleViews.js';
import { EFFECT_LABEL, type StepProps } from './step-props.js';
import { Select, TextArea, TextField } from '../components/Fields.js';

const IMPORTANCES = [
  { value: '1', label: '1 minor' },
  { value: '2', label: '2 moderate' },
  { value: '3', label: '3 major' },
];

export function EvidenceStep(props: StepProps) {
  const { draft, analysis, go } = props;
  const drivers = weightedDrivers(draft.drivers);
  const [index, setIndex] = useState(0);
  const title = useRef<HTMLHeadingElement>(null);
  const picked = useRef(false);
  // Moving to another criterion puts focus on its heading, so keyboard users continue from the top of it.
  useEffect(() => {
    if (picked.current) title.current?.focus();
  }, [index]);
  const pick = (i: number) => {
    picked.current = true;
    setIndex(i);
  };
  if (draft.options.length === 0)
    return (
      <p className="empty">
        There are no options to weigh yet.{' '}
        <button type="button" className="link" onClick={() => go(0)}>
          Add options in step 1
        </button>
        .
      </p>
    );
  if (drivers.length === 0)
    return (
      <p className="empty">
        No criterion has a weight above 0.{' '}
        <button type="button" className="link" onClick={() => go(1)}>
          Weigh the criteria in step 2
        </button>
        .
      </p>
    );
  const at = Math.min(index, drivers.length - 1);
  const driver = drivers[at]!;
  const row = analysis.matrix.rows.find((r) => r.driver === driver.id)!;
  const options = new Set(draft.options.map((o) => o.id));
  const toReview = (driverId: string) =>
    draft.evaluation.claims.filter(
      (c) =>
        c.driver === driverId &&
        options.has(c.option) &&
        claimStanding(c, draft.evaluation.conditions) === 'unreviewed',
    ).length;
  const left = drivers.reduce((n, d) => n + toReview(d.id), 0);
  return (
    <div className="step-body">
      <div className="rule panel">
        <p>
          <strong>How scores are pre-filled.</strong> Each option gets a score from 1 (poor) to 5 (excellent) per
          criterion, pre-filled from the claims you accept: good claims raise it, bad claims lower it, major claims
          count more than minor ones, and outdated claims count half. Change any score and note why.
        </p>
        <p aria-live="polite" className={left ? 'review-left' : 'review-done'}>
          {left
            ? `${left} claim${left === 1 ? '' : 's'} under the weighted criteria ${left === 1 ? 'is' : 'are'} not reviewed yet. Only claims you accept count and are cited.`
            : 'Every claim under the weighted criteria is reviewed.'}
        </p>
        <details>
          <summary>The exact rule</summary>
          <p>{PREFILL_RULE}</p>
        </details>
      </div>
      <PackNotesChanged {...props} />
      <div className="evidence-layout">
        <nav aria-label="Criteria" className="criteria-nav">
          <ol className="plain-list">
            {drivers.map((d, i) => {
              const r = analysis.matrix.rows.find((x) => x.driver === d.id)!;
              return (
                <li key={d.id}>
                  <button type="button" aria-current={i === at ? 'true' : undefined} onClick={() => pick(i)}>
                    <span className="criterion-name">{d.name}</span>
                    <span className="criterion-meta">
                      weight {d.weight} ·{' '}
                      {r.cells
                        .map((c) => `${draft.options.find((o) => o.id === c.option)?.name}: ${c.score ?? 'unknown'}`)
                        .join(', ')}
                      {toReview(d.id) > 0 && ` · ${toReview(d.id)} to review`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="criterion-panel" aria-labelledby="criterion-title">
          <p className="muted small">
            Criterion {at + 1} of {drivers.length}
          </p>
          <h3 id="criterion-title" ref={title} tabIndex={-1}>
            {driver.name} <span className="weight-badge">weight {driver.weight}</span>
          </h3>
          {driver.question && <p className="driver-question">{driver.question}</p>}
          <Contradictions driver={driver} {...props} />
          <div className="option-columns">
            {draft.options.map((o, i) => (
              <OptionEvidence key={o.id} option={o} driver={driver} cell={row.cells[i]!} {...props} />
            ))}
          </div>
          <div className="row criterion-steps">
            <button type="button" onClick={() => pick(at - 1)} disabled={at === 0}>
              ← Previous criterion
            </button>
            <button type="button" onClick={() => pick(at + 1)} disabled={at === drivers.length - 1}>
              Next criterion: {drivers[at + 1]?.name ?? '—'} →
            </button>
          </div>
        </section>
      </div>
      <PeopleViews {...props} />
    </div>
  );
}

/** Pairs of claims that contradict each other, shown side by side with why. */
function Contradictions({ driver, draft }: StepProps & { driver: Driver }) {
  const byId = new Map(draft.evaluation.claims.map((c) => [c.id, c]));
  const pairs: { a: EvidenceClaim; b: EvidenceClaim; note: string }[] = [];
  const seen = new Set<string>();
  for (const a of draft.evaluation.claims) {
    if (a.driver !== driver.id) continue;
    for (const x of a.contradictions) {
      const b = byId.get(x.claim);
      const key = [a.id, x.claim].sort().join('|');
      if (!b || seen.has(key)) continue;
      seen.add(key);
      pairs.push({ a, b, note: x.note });
    }
  }
  if (!pairs.length) return null;
  const optionName = (id: string) => draft.options.find((o) => o.id === id)?.name ?? id;
  return (
    <section className="contradictions" aria-label="Contradicting claims">
      <h4>
        {pairs.length === 1
          ? 'Two claims contradict each other'
          : `${pairs.length} pairs of claims contradict each other`}
      </h4>
      {pairs.map(({ a, b, note }) => (
        <div className="contradiction" key={a.id + b.id}>
          <div className="side-by-side">
            <ClaimSnippet claim={a} optionName={optionName(a.option)} conditions={draft.evaluation.conditions} />
            <span className="versus" aria-hidden="true">
              vs
            </span>
            <ClaimSnippet claim={b} optionName={optionName(b.option)} conditions={draft.evaluation.conditions} />
          </div>
          <p className="small">
            <strong>Why they differ:</strong> {note}
          </p>
        </div>
      ))}
    </section>
  );
}

function OptionEvidence({
  option,
  driver,
  cell,
  draft,
  update,
}: StepProps & { option: ConsideredOption; driver: Driver; cell: Cell }) {
  const id = useId();
  const claims = claimsFor(draft.evaluation.claims, option.id, driver.id);
  const answers = draft.evaluation.conditions;
  const active = claims.filter((c) => claimStanding(c, answers) !== 'set-aside');
  const aside = claims.filter((c) => claimStanding(c, answers) === 'set-aside');
  const manual = cell.source === 'manual';
  const where = `${option.name} on ${driver.name}`;
  const unreviewed = active.filter((c) => c.verdict === 'unreviewed').length;
  return (
    <section className="option-evidence" aria-label={`${option.name}: evidence and score`}>
      <header className="option-evidence-head">
        <h4>{option.name}</h4>
        <span
          className={`score-badge${manual ? ' manual' : ''}`}
          aria-hidden="true"
          title={manual ? 'Your score' : 'Pre-filled score'}
        >
          {cell.score ?? '?'}
        </span>
      </header>
      <div className="score-row">
        <Select
          label={
            <>
              Score <span className="visually-hidden">for {where}</span>
            </>
          }
          labelPosition="beside"
          value={manual ? String(cell.score) : ''}
          onChange={(v) => update((d) => setScore(d, option.id, driver.id, v ? Number(v) : null))}
          describedBy={id + 'how'}
          choices={[
            {
              value: '',
              label:
                cell.prefill.value !== null
                  ? `Pre-filled: ${cell.prefill.value} ${SCORE_LABELS[cell.prefill.value]}`
                  : 'No evidence: unknown',
            },
            ...[1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: `${v} ${SCORE_LABELS[v]}` })),
          ]}
        />
      </div>
      <p id={id + 'how'} className="muted small">
        {manual ? `Your score ${cell.score}. ${describePrefill(cell.prefill)}` : describePrefill(cell.prefill)}
      </p>
      {manual && (
        <div className="score-range">
          <Select
            label={
              <>
                Could be as low as <span className="visually-hidden">({where})</span>
              </>
            }
            labelPosition="beside"
            value={String(cell.min)}
            onChange={(v) => update((d) => setScoreRange(d, option.id, driver.id, Number(v), cell.max))}
            choices={scoreChoices((v) => v <= (cell.score ?? 5))}
          />
          <Select
            label="and as high as"
            labelPosition="beside"
            value={String(cell.max)}
            onChange={(v) => update((d) => setScoreRange(d, option.id, driver.id, cell.min, Number(v)))}
            choices={scoreChoices((v) => v >= (cell.score ?? 1))}
          />
        </div>
      )}
      {manual && (
        <TextField
          label={
            <>
              Why {cell.score}? <span className="visually-hidden">({where})</span>
            </>
          }
          value={cell.note}
          maxLength={2000}
          placeholder="e.g. our load test showed…"
          onChange={(note) => update((d) => setScore(d, option.id, driver.id, cell.score, note))}
        />
      )}
      {active.length === 0 && aside.length === 0 && (
        <p className="muted small">No claims about {option.name} here yet.</p>
      )}
      {active.length > 1 && (
        <div className="bulk-verdict">
          <span className="small">
            {unreviewed > 0 ? `${unreviewed} of ${active.length} not reviewed yet.` : `All ${active.length} reviewed.`}
          </span>{' '}
          <button
            type="button"
            onClick={() =>
              update((d) =>
                setVerdicts(
                  d,
                  active.map((c) => c.id),
                  'accepted',
                ),
              )
            }
            aria-label={`Accept all ${active.length} claims about ${where}`}
          >
            Accept all {active.length}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              update((d) =>
                setVerdicts(
                  d,
                  active.map((c) => c.id),
                  'rejected',
                ),
              )
            }
            aria-label={`Reject all ${active.length} claims about ${where}`}
          >
            Reject all {active.length}
          </button>
        </div>
      )}
      <ul className="plain-list claim-list">
        {active.map((c) => (
          <EvidenceClaimCard
            key={c.id}
            claim={c}
            conditions={answers}
            onVerdict={(verdict) => update((d) => setVerdict(d, c.id, verdict))}
            onRemove={c.own ? () => update((d) => removeOwnClaim(d, c.id)) : undefined}
          />
        ))}
      </ul>
      {aside.length > 0 && (
        <details className="set-aside">
          <summary>
            Set aside ({aside.length}): {aside.length === 1 ? 'its situation does' : 'their situations do'} not apply
          </summary>
          <ul className="plain-list claim-list">
            {aside.map((c) => (
              <EvidenceClaimCard key={c.id} claim={c} conditions={answers} />
            ))}
          </ul>
        </details>
      )}
      <AddOwnClaim option={option} driver={driver} update={update} />
    </section>
  );
}

function AddOwnClaim({
  option,
  driver,
  update,
}: Pick<StepProps, 'update'> & { option: ConsideredOption; driver: Driver }) {
  const [open, setOpen] = useState(false);
  const [effect, setEffect] = useState<Effect>('good');
  const [summary, setSummary] = useState('');
  const [source, setSource] = useState('');
  const [date, setDate] = useState('');
  const [importance, setImportance] = useState(2);
  if (!open)
    return (
      <button type="button" className="add-claim-toggle" onClick={() => setOpen(true)}>
        + Add your own claim{' '}
        <span className="visually-hidden">
          about {option.name} on {driver.name}
        </span>
      </button>
    );
  return (
    <form
      className="own-claim"
      aria-label={`Your own claim about ${option.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!summary.trim()) return;
        update((d) =>
          addOwnClaim(d, {
            driver: driver.id,
            option: option.id,
            effect,
            summary,
            importance,
            source: source.trim() ? { title: source, date: date || null } : null,
          }),
        );
        setSummary('');
        setSource('');
        setDate('');
        setOpen(false);
      }}
    >
      <div className="row wrap">
        <Select
          label="Effect"
          value={effect}
          choices={EFFECTS.map((ef) => ({ value: ef, label: `${EFFECT_LABEL[ef]} for ${option.name}` }))}
          onChange={setEffect}
        />
        <Select
          label="Importance"
          value={String(importance)}
          choices={IMPORTANCES}
          onChange={(i) => setImportance(Number(i))}
        />
      </div>
      <TextArea
        label="Claim"
        rows={2}
        value={summary}
        maxLength={2000}
        onChange={setSummary}
        placeholder="What you know, in a sentence"
      />
      <div className="row wrap">
        <TextField
          label="Source (optional)"
          className="grow"
          value={source}
          maxLength={2000}
          onChange={setSource}
          placeholder="e.g. Our load test, March 2026"
        />
        <TextField label="Source date (optional)" type="date" value={date} onChange={setDate} />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={!summary.trim()}>
          Add claim
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The scores 1–5 that `keep` keeps, as a range's choices. */
function scoreChoices(keep: (score: number) => boolean) {
  return [1, 2, 3, 4, 5].filter(keep).map((v) => ({ value: String(v), label: String(v) }));
}
