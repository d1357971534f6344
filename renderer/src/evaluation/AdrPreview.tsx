/**
 * A readable preview of the decision as the MADR export lays it out, drawn with plain React
 * elements (no HTML strings), its headings shifted below the page's own: sections, pros and cons with numbered citations, the weighted
 * matrix and the sensitivity under More Information, and the footnotes naming each source.
 */
import type { DecisionContent, EvidenceClaim } from '../../../shared/domain.js';
import { claimsFor, claimStanding, type DecisionAnalysis } from '../../../shared/scoring.js';
import { EFFECT_LABEL } from './step-props.js';

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

export function AdrPreview({ draft, analysis, number }: { draft: DecisionContent; analysis: DecisionAnalysis; number: number | null }) {
  const notes: EvidenceClaim[] = [];
  const cite = (ids: string[]) => {
    const byId = new Map(draft.evaluation.claims.map((c) => [c.id, c]));
    return ids.map((id) => {
      const claim = byId.get(id);
      if (!claim) return null;
      let n = notes.indexOf(claim) + 1;
      if (n === 0) n = notes.push(claim);
      return (
        <sup key={id}>
          <a href={`#preview-note-${n}`}>
            [{n}]
          </a>
        </sup>
      );
    });
  };
  const chosen = draft.options.find((o) => o.id === draft.chosenOption);
  const weighted = draft.drivers.filter((d) => d.weight > 0);
  const byWeight = [...weighted].sort((a, b) => b.weight - a.weight);
  const { matrix, sensitivity } = analysis;
  const people: [string, string[]][] = [
    ['Status', [draft.status]],
    ['Date', [draft.date]],
    ['Decision-makers', draft.decisionMakers],
    ['Consulted', draft.consulted],
    ['Informed', draft.informed],
  ];
  return (
    <article className="adr-preview" aria-label="Preview of the exported ADR">
      <h4 className="md-h1">
        {number !== null ? `${number}. ` : ''}
        {draft.title}
      </h4>
      <dl className="front-matter">
        {people
          .filter(([, list]) => list.length)
          .map(([label, list]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{list.join(', ')}</dd>
            </div>
          ))}
      </dl>

      <h5 className="md-h2">Context and Problem Statement</h5>
      {draft.context.trim() ? <Paragraphs text={draft.context} /> : <p className="missing">No context written yet.</p>}

      {weighted.length > 0 && (
        <>
          <h5 className="md-h2">Decision Drivers</h5>
          <ul>
            {byWeight.map((d) => (
              <li key={d.id}>
                {d.name} (weight {d.weight})
              </li>
            ))}
          </ul>
        </>
      )}

      <h5 className="md-h2">Considered Options</h5>
      <ul>
        {draft.options.map((o) => (
          <li key={o.id}>{o.name}</li>
        ))}
      </ul>

      <h5 className="md-h2">Decision Outcome</h5>
      {chosen ? (
        <p>
          Chosen option: “{chosen.name}”, because {draft.rationale.trim() || <span className="missing">(no rationale yet)</span>}
        </p>
      ) : (
        <p className="missing">No option chosen yet.</p>
      )}
      {draft.consequences.length > 0 && (
        <>
          <h6 className="md-h3">Consequences</h6>
          <ul>
            {draft.consequences.map((c, i) => (
              <li key={i}>
                {EFFECT_LABEL[c.effect]}, because {c.text}
                {cite(c.claims)}
              </li>
            ))}
          </ul>
        </>
      )}
      {draft.confirmation.trim() && (
        <>
          <h6 className="md-h3">Confirmation</h6>
          <Paragraphs text={draft.confirmation} />
        </>
      )}

      <h5 className="md-h2">Pros and Cons of the Options</h5>
      {draft.options.map((o) => {
        const items = weighted.flatMap((d) => claimsFor(draft.evaluation.claims, o.id, d.id).filter((c) => claimStanding(c, draft.evaluation.conditions) === 'counted'));
        return (
          <section key={o.id}>
            <h6 className="md-h3">{o.name}</h6>
            {items.length === 0 ? (
              <p className="missing">No accepted claims.</p>
            ) : (
              <ul>
                {items.map((c) => (
                  <li key={c.id}>
                    {EFFECT_LABEL[c.effect]}, because {c.summary}
                    {cite([c.id])}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}

      <h5 className="md-h2">More Information</h5>
      {matrix.options.length > 0 && weighted.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>Weighted matrix (score × weight)</caption>
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
              {matrix.rows
                .filter((r) => r.weight > 0)
                .map((r) => (
                  <tr key={r.driver}>
                    <th scope="row">{r.name}</th>
                    <td className="num">{r.weight}</td>
                    {r.cells.map((c) => (
                      <td className="num" key={c.option}>
                        {c.score} ({c.contribution})
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td />
                {matrix.totals.map((t) => (
                  <td className="num" key={t.option}>
                    <strong>{t.total}</strong>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p>Sensitivity: {sensitivity.statement}</p>
      {sensitivity.closeCallReason && <p>{sensitivity.closeCallReason}</p>}
      {draft.moreInformation.trim() && <Paragraphs text={draft.moreInformation} />}

      {notes.length > 0 && (
        <section className="footnotes" aria-label="Sources cited">
          <ol>
            {notes.map((c, i) => (
              <li key={c.id} id={`preview-note-${i + 1}`}>
                {c.source ? (
                  <>
                    {c.source.title}
                    {c.source.publisher ? `, ${c.source.publisher}` : ''}
                    {c.source.date ? `, ${c.source.date}` : ''}
                  </>
                ) : (
                  'Own claim, no source'
                )}
                {c.section && `, section “${c.section}”`}
                {c.anchor && `: “${c.anchor}”`}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
