/**
 * Similar past decisions for the one being edited: same knowledge pack, options or criteria,
 * best first, with what each chose and why, and a way to line it up side by side. Asks again
 * after each save, since a new option or criterion can bring up other precedents.
 */
import { useEffect, useState } from 'react';
import type { Precedent } from '../../../shared/precedents.js';
import { api } from '../api.js';
import { plainText } from '../plain-text.js';
import { href } from '../router.js';
import { StatusBadge } from './StatusBadge.js';
import './Precedents.css';

export function Precedents({ id, revision }: { id: string; revision: number }) {
  const [items, setItems] = useState<Precedent[] | null>(null);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api.findPrecedents({ id, limit: 5 }).then(
        (p) => live && setItems(p),
        () => live && setItems([]),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [id, revision]);

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
