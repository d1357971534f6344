/**
 * Swing weighting: the criteria ranked by how much the swing from their worst to their best option
 * matters, each swing then rated against the top one (100 points). The weights follow from the
 * points (shared/evaluation.ts `swingWeight`), and the ranking and points are recorded with the
 * decision (`evaluation.weighting`), so they travel in the ledger.
 */
import { useEffect, useRef, useState } from 'react';
import type { Driver } from '../../../shared/domain.js';
import {
  moveSwing,
  setSwingPoints,
  SWING_TOP,
  swingInversions,
  swingOrder,
  swingWeight,
} from '../../../shared/evaluation.js';
import type { Matrix } from '../../../shared/scoring.js';
import type { StepProps } from './step-props.js';
import { TextField } from '../components/Fields.js';

/** "from Python (2) to Node.js (5)": the swing the user is asked to picture, from the current scores. */
function swingText(matrix: Matrix, driver: string): string {
  const row = matrix.rows.find((r) => r.driver === driver);
  const known = (row?.cells ?? []).filter((c) => c.score !== null);
  if (known.length < 2) return 'Not enough scores yet: picture its worst and best plausible option.';
  const name = (id: string) => matrix.options.find((o) => o.id === id)?.name ?? id;
  const worst = known.reduce((a, b) => (b.score! < a.score! ? b : a));
  const best = known.reduce((a, b) => (b.score! > a.score! ? b : a));
  if (worst.score === best.score) return `Every scored option scores ${best.score}: this swing moves nothing today.`;
  return `From ${name(worst.option)} (${worst.score}) to ${name(best.option)} (${best.score}).`;
}

export function SwingWeighting({ draft, analysis, update }: StepProps) {
  const order = swingOrder(draft);
  const points = draft.evaluation.weighting.swing;
  const [said, setSaid] = useState('');
  const list = useRef<HTMLOListElement>(null);
  // After a move, focus follows the moved criterion's button, so a keyboard user can keep moving it.
  const follow = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  useEffect(() => {
    const f = follow.current;
    if (!f || !list.current) return;
    follow.current = null;
    const row = list.current.querySelector<HTMLElement>(`[data-driver="${CSS.escape(f.id)}"]`);
    const button = row?.querySelector<HTMLButtonElement>(`button[data-move="${f.dir}"]:not(:disabled)`);
    (button ?? row?.querySelector<HTMLButtonElement>('button:not(:disabled)'))?.focus();
  });
  const move = (d: Driver, at: number, by: -1 | 1) => {
    if (at + by < 0 || at + by >= order.length) return;
    follow.current = { id: d.id, dir: by < 0 ? 'up' : 'down' };
    update((x) => moveSwing(x, d.id, by));
    setSaid(`${d.name} moved to rank ${at + by + 1} of ${order.length}.`);
  };
  const inversions = swingInversions(draft);
  return (
    <section className="swing panel" aria-labelledby="swing-title">
      <h3 id="swing-title">Swing weighting</h3>
      <ol className="swing-steps small">
        <li>
          <strong>Rank.</strong> Picture each criterion going from its worst option to its best. Which of those swings
          would you want most? Move it to the top, and so on down.
        </li>
        <li>
          <strong>Rate.</strong> How much is each swing worth against the top one ({SWING_TOP} points)? Half as much is
          50; 0 leaves the criterion out. The weight is the points scaled to 0–5.
        </li>
      </ol>
      <p className="muted small">
        Keys: <kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd> move the criterion whose row has focus.
      </p>
      <ol className="plain-list swing-list" ref={list} aria-label="Criteria by swing, the most valued first">
        {order.map((d, i) => {
          const value = i === 0 ? SWING_TOP : (points[d.id] ?? 0);
          return (
            <li
              key={d.id}
              data-driver={d.id}
              className="swing-row"
              onKeyDown={(e) => {
                if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                e.preventDefault();
                move(d, i, e.key === 'ArrowUp' ? -1 : 1);
              }}
            >
              <span className="swing-rank" aria-hidden="true">
                {i + 1}
              </span>
              <span className="swing-name">
                <strong>
                  <span className="visually-hidden">Rank {i + 1}: </span>
                  {d.name}
                </strong>
                <small className="muted">{swingText(analysis.matrix, d.id)}</small>
              </span>
              <span className="swing-moves">
                <button
                  type="button"
                  data-move="up"
                  aria-label={`Move ${d.name} up`}
                  disabled={i === 0}
                  onClick={() => move(d, i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  data-move="down"
                  aria-label={`Move ${d.name} down`}
                  disabled={i === order.length - 1}
                  onClick={() => move(d, i, 1)}
                >
                  ↓
                </button>
              </span>
              <span className="swing-points">
                <TextField
                  label={
                    <>
                      Points<span className="visually-hidden"> for {d.name}</span>
                    </>
                  }
                  labelPosition="beside"
                  type="number"
                  min={0}
                  max={SWING_TOP}
                  step={5}
                  value={String(value)}
                  readOnly={i === 0}
                  hint={i === 0 && 'the top swing'}
                  onChange={(typed) => {
                    const points = Number(typed);
                    if (typed === '' || !Number.isFinite(points)) return;
                    update((x) => setSwingPoints(x, d.id, points));
                  }}
                />
              </span>
              <span className="swing-weight">
                weight <strong>{swingWeight(value)}</strong>
              </span>
            </li>
          );
        })}
      </ol>
      {inversions.length > 0 && (
        <p className="swing-warning" role="status">
          {inversions
            .map(([above, below]) => `${below.name} is rated above ${above.name}, which is ranked higher`)
            .join('; ')}
          . Move it up, or lower its points.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
