/**
 * Similar past decisions for the one being edited: same knowledge pack, options or criteria,
 * best first, with what each chose and why, and a way to line it up side by side. Asks again
 * after each save, since a new option or criterion can bring up other precedents.
 */
import { useEffect, useState } from 'react';
import { messageOf, useApiQuery } from '../data/query.js';
import { plainText } from '../plain-text.js';
import { href } from '../app/router.js';
import { StatusBadge } from '../decisions/StatusBadge.js';
import './Precedents.css';

export function Precedents({ id, revision }: { id: string; revision: number }) {
  // Asked again a moment after each save (the revision), not on every keystroke's render.
  const [asked, setAsked] = useState(revision);
  useEffect(() => {
    const t = setTimeout(() => setAsked(revision), 300);
    return () => clearTimeout(t);
  }, [revision]);
  const { data: items, error } = useApiQuery(
    'findPrecedents',
    { id, limit: 5 },
    { version: asked, placeholderData: (previous) => previous },
  );

  // Precedents are a hint beside the editor: when they cannot be found, say so quietly, never block editing.
  if (error)
    return <p className="muted precedents-error">Similar past decisions could not be looked up: {messageOf(error)}</p>;
  if (!items || items.length === 0) return null;
  const best = items[0]!;
  return (
    <details className="panel precedents">
      <summary>
        <strong>
          {items.length} similar past decision{items.length === 1 ? '' : 's'}
        </strong>
        <span className="muted">
          {' '}
          — closest: {best.number !== null ? `ADR ${best.number}: ` : ''}
          {best.title}
          {best.chosen ? ` (chose ${plainText(best.chosen)})` : ''}
        </span>
      </summary>
      <ol className="precedent-list" aria-label="Similar past decisions, most similar first">
        {items.map((p) => (
          <li key={p.id}>
            <div className="precedent-head">
              <a href={href('decisions', p.id)}>
                {p.number !== null ? `ADR ${p.number}: ` : ''}
                {p.title}
              </a>{' '}
              <StatusBadge status={p.status} /> <span className="muted">{p.date}</span>
              <span className="similarity" title="How alike: knowledge pack, options and criteria with their weights">
                {Math.round(p.similarity * 100)}% alike
              </span>
            </div>
            <p>
              {p.chosen ? (
                <>
                  Chose <strong>{plainText(p.chosen)}</strong>
                  {p.rationale ? `, because: ${p.rationale}` : '.'}
                </>
              ) : (
                <span className="muted">No option chosen.</span>
              )}
            </p>
            <ul className="precedent-reasons">
              {p.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <a href={href('compare', id, p.id)}>Compare side by side</a>
          </li>
        ))}
      </ol>
    </details>
  );
}
