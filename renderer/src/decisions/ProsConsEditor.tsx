/**
 * One option's description and its pros and cons, edited as a list: each item good, neutral or
 * bad with its text and the claims it cites; added, removed and moved with the keyboard (Alt+↑/↓
 * in an item moves it, Enter adds one below). The option's `description` stays the one place the
 * list lives (shared/adr/pros-cons.ts), citations included, so what the file said and what export
 * writes stay in step.
 */
import { useEffect, useRef } from 'react';
import { readProsCons, writeProsCons, type ProCon } from '../../../shared/adr/pros-cons.js';
import { claimsByLabel } from '../../../shared/adr/citations.js';
import type { ConsideredOption, Driver, Effect, EvidenceClaim } from '../../../shared/domain.js';
import { EFFECTS } from '../../../shared/vocabulary.js';
import { TextArea } from '../components/Fields.js';
import { ClaimCitations } from './ClaimCitations.js';

const EFFECT_LABEL: Record<Effect, string> = { good: 'Good', neutral: 'Neutral', bad: 'Bad' };

export function ProsConsEditor({
  option,
  claims = [],
  drivers = [],
  onChange,
}: {
  option: ConsideredOption;
  /** Every claim the decision weighs: a point may cite those about this option. */
  claims?: readonly EvidenceClaim[];
  drivers?: readonly Driver[];
  onChange: (description: string) => void;
}) {
  const byLabel = claimsByLabel(claims);
  const details = readProsCons(option.description, (label) => byLabel.has(label));
  const own = claims.filter((c) => c.option === option.id);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const focusAfter = useRef<number | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    inputs.current[focusAfter.current]?.focus();
    focusAfter.current = null;
  });
  const name = option.name || 'this option';

  function setItems(items: ProCon[], focus: number | null = null) {
    focusAfter.current = focus;
    onChange(writeProsCons({ ...details, items }));
  }
  const change = (i: number, item: Partial<ProCon>) =>
    setItems(details.items.map((x, j) => (j === i ? { ...x, ...item } : x)));
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= details.items.length) return;
    const items = [...details.items];
    [items[i], items[j]] = [items[j]!, items[i]!];
    setItems(items, j);
  };
  const add = (at: number, effect: Effect) =>
    setItems([...details.items.slice(0, at), { effect, text: '' }, ...details.items.slice(at)], at);
  const remove = (i: number) =>
    setItems(
      details.items.filter((_, j) => j !== i),
      details.items.length > 1 ? Math.max(0, i - 1) : null,
    );

  return (
    <fieldset className="pros-cons">
      <legend>{name}</legend>
      <TextArea
        label={`Description of ${name}`}
        value={details.intro}
        rows={Math.min(10, Math.max(2, details.intro.split('\n').length))}
        onChange={(intro) => onChange(writeProsCons({ ...details, intro }))}
      />
      {details.items.length > 0 && (
        <ol className="pros-cons-list" aria-label={`Pros and cons of ${name}`}>
          {details.items.map((item, i) => {
            const n = `${i + 1} of ${name}`;
            return (
              <li key={i} className={`effect-${item.effect}`}>
                <div className="row">
                  <select
                    aria-label={`Effect of point ${n}`}
                    value={item.effect}
                    onChange={(e) => change(i, { effect: e.target.value as Effect })}
                  >
                    {EFFECTS.map((ef) => (
                      <option key={ef} value={ef}>
                        {EFFECT_LABEL[ef]}, because
                      </option>
                    ))}
                  </select>
                  <input
                    className="grow"
                    aria-label={`Point ${n}`}
                    ref={(el) => {
                      inputs.current[i] = el;
                    }}
                    value={item.text}
                    aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Enter"
                    onChange={(e) => change(i, { text: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.altKey && e.key === 'ArrowUp') {
                        e.preventDefault();
                        move(i, -1);
                      } else if (e.altKey && e.key === 'ArrowDown') {
                        e.preventDefault();
                        move(i, 1);
                      } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                        e.preventDefault();
                        add(i + 1, item.effect);
                      }
                    }}
                  />
                  <button
                    type="button"
                    aria-label={`Move point ${n} up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move point ${n} down`}
                    disabled={i === details.items.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" aria-label={`Remove point ${n}`} onClick={() => remove(i)}>
                    Remove
                  </button>
                </div>
                {(own.length > 0 || (item.cites?.length ?? 0) > 0) && (
                  <ClaimCitations
                    point={n}
                    cites={item.cites ?? []}
                    byLabel={byLabel}
                    claims={own}
                    drivers={drivers}
                    onChange={(cites) => change(i, { cites })}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="row">
        <button type="button" onClick={() => add(details.items.length, 'good')}>
          Add a pro<span className="visually-hidden"> of {name}</span>
        </button>
        <button type="button" onClick={() => add(details.items.length, 'bad')}>
          Add a con<span className="visually-hidden"> of {name}</span>
        </button>
        {details.items.length > 1 && (
          <small className="muted">In a point, Alt+↑ and Alt+↓ move it; Enter adds one below.</small>
        )}
      </div>
      {details.tail && (
        <TextArea
          label={`After the pros and cons of ${name}`}
          value={details.tail}
          rows={2}
          onChange={(tail) => onChange(writeProsCons({ ...details, tail }))}
        />
      )}
    </fieldset>
  );
}
