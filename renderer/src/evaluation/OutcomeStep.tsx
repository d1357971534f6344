import type { Consequence, DecisionContent } from '../../../shared/domain.js';
import { EFFECTS } from '../../../shared/vocabulary.js';
import {
  combinationWords,
  proposeConsequences,
  proposeRationale,
  qualityParagraph,
  sharePercent,
  type Matrix,
} from '../../../shared/scoring.js';
import { RadioGroup, RowsField, RowTextArea, Select, TextArea } from '../components/Fields.js';
import { describeSource } from './EvidenceClaimCard.js';
import { ContributionChart, TotalsChart } from './Charts.js';
import { EFFECT_LABEL, type StepProps } from './step-props.js';

const EFFECT_CHOICES = EFFECTS.map((e) => ({ value: e, label: `${EFFECT_LABEL[e]}, because` }));

export function OutcomeStep(props: StepProps) {
  const { draft, analysis, update, go } = props;
  const { matrix, sensitivity } = analysis;
  if (draft.options.length === 0)
    return (
      <p className="empty">
        There are no options yet.{' '}
        <button type="button" className="link" onClick={() => go(0)}>
          Add options in step 1
        </button>
        .
      </p>
    );
  return (
    <div className="step-body">
      <section aria-labelledby="matrix-title">
        <h3 id="matrix-title">Weighted matrix</h3>
        <MatrixTable matrix={matrix} />
      </section>

      <section aria-labelledby="charts-title" className="charts">
        <h3 id="charts-title">Totals and what makes them</h3>
        <div className="chart-grid">
          <div className="chart-column">
            <TotalsChart matrix={matrix} />
            <section
              aria-labelledby="sensitivity-title"
              className={`sensitivity panel${sensitivity.closeCall ? ' close-call' : ''}`}
            >
              <h3 id="sensitivity-title">How firm is this?</h3>
              <p className="sensitivity-statement">{sensitivity.statement}</p>
              {sensitivity.closeCallReason && (
                <p className="close-call-flag">
                  <span className="flag" aria-hidden="true">
                    ⚠
                  </span>{' '}
                  <strong>{sensitivity.closeCallReason}</strong> Check the weights and the evidence behind the leading
                  scores before you decide.
                </p>
              )}
              <p className="muted small">
                Found by trying every criterion at every other weight from 0 to 5, one at a time; the smallest change
                that puts another option first is named.
              </p>
            </section>
          </div>
          <ContributionChart matrix={matrix} />
        </div>
      </section>

      <QualityPanel {...props} />

      <ChooseOption {...props} />

      <div className="form-grid">
        <div>
          <TextArea
            label="Rationale"
            value={draft.rationale}
            onChange={(rationale) => update({ rationale })}
            rows={4}
            hint="Why this option, in your words. It follows “Chosen option: …, because” in the ADR."
          />
          <button
            type="button"
            disabled={!draft.chosenOption}
            onClick={() => update((d) => ({ ...d, rationale: proposeRationale(d, d.chosenOption!, matrix) }))}
          >
            Suggest a rationale from the matrix
          </button>
        </div>
        <ConsequencesEditor {...props} />
        <TextArea
          label="Confirmation"
          value={draft.confirmation}
          onChange={(confirmation) => update({ confirmation })}
          rows={3}
          hint="How will you know the decision is implemented and works? A review, a test, a metric."
        />
      </div>
    </div>
  );
}

function MatrixTable({ matrix }: { matrix: Matrix }) {
  const rows = matrix.rows.filter((r) => r.weight > 0);
  const left = matrix.rows.length - rows.length;
  const mark = { manual: '✎', prefilled: '', missing: '*' } as const;
  return (
    <div className="table-scroll">
      <table className="matrix">
        <caption>
          Each cell: score (1–5) × weight = points. ✎ marks a score you set; * marks a criterion with no evidence and no
          score, counted as 3.
          {left > 0 && ` ${left} ${left === 1 ? 'criterion' : 'criteria'} with weight 0 left out.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" className="num">
              Weight
            </th>
            {matrix.options.map((o) => (
              <th scope="col" className="num" key={o.id}>
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.driver}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.weight}</td>
              {r.cells.map((c) => (
                <td className="num" key={c.option} title={c.note || undefined}>
                  <span className="muted">
                    {c.score ?? '?'}
                    {mark[c.source]} × {r.weight} ={' '}
                  </span>
                  <strong>{c.contribution}</strong>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num muted">of {matrix.maxTotal}</td>
            {matrix.totals.map((t) => (
              <td className="num total" key={t.option}>
                <strong>{t.total}</strong> <span className="muted">({sharePercent(t.share)}%)</span>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Rank</th>
            <td />
            {matrix.totals.map((t) => (
              <td className="num" key={t.option}>
                {t.rank}
                {matrix.leaders.length > 1 && t.rank === 1 ? ' (tie)' : ''}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ChooseOption({ draft, analysis, update }: StepProps) {
  const { matrix } = analysis;
  function choose(option: string) {
    update((d) => {
      const next: DecisionContent = { ...d, chosenOption: option };
      // The first choice fills the consequences from the evidence; later changes leave the user's edits alone.
      return d.consequences.length === 0 ? { ...next, consequences: proposeConsequences(next, option) } : next;
    });
  }
  return (
    <RadioGroup
      legend="Chosen option"
      groupClassName="choose-option"
      intro={
        <p className="muted small">
          The matrix informs the choice; it does not make it. Pick the option you will go with.
        </p>
      }
      className="option-cards"
      choiceClassName="option-card"
      selectedClassName="selected"
      value={draft.chosenOption}
      onChange={(id) => id !== null && choose(id)}
      choices={matrix.ranking.map((id) => {
        const t = matrix.totals.find((x) => x.option === id)!;
        return {
          value: id,
          label: t.name,
          description: (
            <small className="muted">
              {t.total} points, rank {t.rank}
              {t.rank === 1 ? (matrix.leaders.length > 1 ? ' (tied for highest)' : ' (highest total)') : ''}
            </small>
          ),
        };
      })}
    />
  );
}

function ConsequencesEditor({ draft, update }: StepProps) {
  const chosen = draft.options.find((o) => o.id === draft.chosenOption);
  const proposals = chosen ? proposeConsequences(draft, chosen.id) : [];
  const claims = new Map(draft.evaluation.claims.map((c) => [c.id, c]));
  const set = (i: number, change: Partial<Consequence>) =>
    update((d) => ({ ...d, consequences: d.consequences.map((c, j) => (j === i ? { ...c, ...change } : c)) }));
  const same = JSON.stringify(proposals) === JSON.stringify(draft.consequences);
  return (
    <RowsField
      legend="Consequences"
      className="consequences"
      intro={
        <>
          <p className="muted small">
            {chosen
              ? `Proposed from the accepted claims about ${chosen.name} under the weighted criteria, each citing its claims. Edit, remove or add your own.`
              : 'Choose an option above and its good and bad consequences are proposed from the accepted claims.'}
          </p>
          {chosen && !same && proposals.length > 0 && (
            <p>
              <button
                type="button"
                onClick={() => update((d) => ({ ...d, consequences: proposeConsequences(d, chosen.id) }))}
              >
                {draft.consequences.length
                  ? `Replace with the ${proposals.length} proposals for ${chosen.name}`
                  : `Use the ${proposals.length} proposals for ${chosen.name}`}
              </button>
            </p>
          )}
        </>
      }
      list="ol"
      listClassName="plain-list consequence-list"
      itemClassName={(c) => `consequence effect-border-${c.effect}`}
      items={draft.consequences}
      rowName={(_, i) => `consequence ${i + 1}`}
      renderRow={(c, i) => (
        <>
          <Select
            label={`Effect of consequence ${i + 1}`}
            labelPosition="hidden"
            value={c.effect}
            choices={EFFECT_CHOICES}
            onChange={(effect) => set(i, { effect })}
          />
          <RowTextArea
            label={`Consequence ${i + 1}`}
            rows={Math.max(2, Math.ceil(c.text.length / 80))}
            value={c.text}
            onChange={(text) => set(i, { text })}
          />
        </>
      )}
      renderBelow={(c) =>
        c.claims.length > 0 && (
          <p className="muted small cites">
            Cites:{' '}
            {c.claims
              .map((cid) => claims.get(cid))
              .filter((x) => x !== undefined)
              .map((x) => describeSource(x.source))
              .filter((v, k, all) => all.indexOf(v) === k)
              .join('; ')}
          </p>
        )
      }
      onRemove={(i) => update((d) => ({ ...d, consequences: d.consequences.filter((_, j) => j !== i) }))}
      add={{
        label: 'Add consequence',
        onAdd: () =>
          update((d) => ({ ...d, consequences: [...d.consequences, { effect: 'good', text: '', claims: [] }] })),
      }}
    />
  );
}

/**
 * Beyond the weighted sum: must-have exclusions, unknown cells, how often each option ranks first
 * when weights and uncertain scores vary, single scores that would flip the outcome, sources that
 * carry it alone, and where people disagree. Every figure is text; the bars only repeat it.
 */
function QualityPanel({ draft, analysis, pending, go }: StepProps) {
  const { matrix, exclusions, unknowns, robustness, agreement } = analysis;
  if (matrix.options.length < 2 || !matrix.rows.some((r) => r.weight > 0)) return null;
  const name = (id: string) => matrix.options.find((o) => o.id === id)?.name ?? id;
  const driverName = (id: string) => draft.drivers.find((d) => d.id === id)?.name ?? id;
  const shares = Object.entries(robustness.firstShare).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="quality-title" className="panel quality" aria-busy={pending || undefined}>
      <h3 id="quality-title">How robust is the outcome?</h3>
      <p className="quality-summary">
        {qualityParagraph(draft, analysis) || 'No weighted cell has a score yet, so there is nothing to vary.'}
      </p>
      <h4>First place across {robustness.draws.toLocaleString('en-US')} draws</h4>
      <ul className="share-bars">
        {shares.map(([option, share]) => (
          <li key={option}>
            <span className="share-label">
              {name(option)}: {sharePercent(share)}%
            </span>
            <span className="share-bar" aria-hidden="true" style={{ width: `${Math.round(share * 100)}%` }} />
          </li>
        ))}
      </ul>
      <p className="muted small">
        Each draw varies every weight by up to one step and draws ranged or unknown scores from their ranges; the seed (
        {robustness.seed}) is kept with the decision, so the figures are the same every time.
      </p>
      {exclusions.length > 0 && (
        <>
          <h4>Excluded by a must-have</h4>
          <ul>
            {exclusions.map((e) => (
              <li key={`${e.option}:${e.driver}`}>
                {name(e.option)} scores {e.score} on {driverName(e.driver)}, below the minimum of {e.minimum}.
              </li>
            ))}
          </ul>
        </>
      )}
      {unknowns.length > 0 && (
        <>
          <h4>Unknown cells ({unknowns.length})</h4>
          <p>
            {robustness.unknowns.couldChangeWinner
              ? `They could change the winner${robustness.unknowns.fillFirst ? `: score ${name(robustness.unknowns.fillFirst.option)} on ${driverName(robustness.unknowns.fillFirst.driver)} first.` : '.'}`
              : 'None of them could change the winner.'}
          </p>
          <p className="muted small">
            Totals range from {matrix.totals.map((t) => `${t.name} ${t.min}–${t.max}`).join(', ')}.
          </p>
        </>
      )}
      {robustness.flips.length > 0 && (
        <>
          <h4>Single scores that would change the winner</h4>
          <ul>
            {robustness.flips.map((f) => (
              <li key={`${f.option}:${f.driver}`}>{f.statement}</li>
            ))}
          </ul>
        </>
      )}
      {robustness.leaveOneSourceOut.some((s) => s.changes) && (
        <>
          <h4>Sources that carry the outcome alone</h4>
          <ul>
            {robustness.leaveOneSourceOut
              .filter((s) => s.changes)
              .map((s) => (
                <li key={s.source}>
                  Without “{s.title}”, {s.winner ? `${name(s.winner)} wins` : 'the top options tie'}.
                </li>
              ))}
          </ul>
        </>
      )}
      {draft.evaluation.people.length > 0 && (
        <>
          <h4>Where people differ</h4>
          <p>
            {draft.evaluation.people.length} {draft.evaluation.people.length === 1 ? 'person has' : 'people have'} a
            view of their own; {combinationWords(draft)}.{' '}
            <button type="button" className="link" onClick={() => go(2)}>
              Change people’s views or how they are combined
            </button>
          </p>
          {agreement.length === 0 && <p className="muted small">No cell has scores from two people yet.</p>}
        </>
      )}
      {agreement.length > 0 && (
        <>
          <table className="agreement">
            <caption className="visually-hidden">Scores given by each person, the widest disagreements first</caption>
            <thead>
              <tr>
                <th scope="col">Cell</th>
                <th scope="col">Scores</th>
                <th scope="col">Spread</th>
              </tr>
            </thead>
            <tbody>
              {agreement.slice(0, 8).map((c) => (
                <tr key={`${c.option}:${c.driver}`}>
                  <th scope="row">
                    {name(c.option)} · {driverName(c.driver)}
                  </th>
                  <td>{c.values.map((v) => `${v.person} ${v.value}`).join(', ')}</td>
                  <td className="num">{c.spread}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
