/**
 * The outcome charts, drawn as plain SVG: totals per option, and what each criterion contributes
 * to each option. Each chart carries a text alternative with the same numbers; the matrix table
 * beside them holds every value as well.
 */
import { useId } from 'react';
import { sharePercent, type Matrix } from '../../../shared/scoring.js';

const SERIES = 8;
export const seriesClass = (i: number) => `series-${i % SERIES}`;

const pct = (n: number) => `${sharePercent(n)}%`;

export function TotalsChart({ matrix }: { matrix: Matrix }) {
  const id = useId();
  const width = 640;
  const label = 150;
  const barArea = width - label - 90;
  const rowH = 34;
  const order = matrix.ranking.map((o) => matrix.totals.find((t) => t.option === o)!);
  const height = order.length * rowH + 28;
  const optionIndex = (id: string) => matrix.options.findIndex((o) => o.id === id);
  const weighted = matrix.rows.filter((r) => r.weight > 0);
  const scale = (v: number) => (matrix.maxTotal > 0 ? (v / matrix.maxTotal) * barArea : 0);
  const description = order
    .map((t) => `${t.name}: ${t.total} of ${matrix.maxTotal} (${pct(t.share)}), rank ${t.rank}`)
    .join('; ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}t ${id}d`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}t`}>Total weighted score per option</title>
        <desc id={`${id}d`}>{description}</desc>
        <line x1={label} x2={label} y1={0} y2={height - 22} className="axis" />
        <line x1={label + barArea} x2={label + barArea} y1={0} y2={height - 22} className="gridline" />
        <text x={label + barArea} y={height - 6} className="tick" textAnchor="end">
          {matrix.maxTotal} possible
        </text>
        <text x={label} y={height - 6} className="tick">
          0
        </text>
        {order.map((t, i) => {
          const y = i * rowH + 4;
          let x = label;
          const series = seriesClass(optionIndex(t.option));
          return (
            <g key={t.option}>
              <text x={label - 8} y={y + rowH / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
                {truncate(t.name, 20)}
              </text>
              {weighted.map((r) => {
                const cell = r.cells[optionIndex(t.option)]!;
                const w = scale(cell.contribution);
                const seg = (
                  <rect
                    key={r.driver}
                    x={x}
                    y={y + 4}
                    width={Math.max(w, 0)}
                    height={rowH - 12}
                    className={`bar ${series}`}
                  >
                    <title>{`${r.name}: ${cell.score ?? 'unknown'} × ${r.weight} = ${cell.contribution}`}</title>
                  </rect>
                );
                x += w;
                return seg;
              })}
              <text x={x + 6} y={y + rowH / 2} dominantBaseline="middle" className="bar-value">
                {t.total} ({pct(t.share)})
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Totals per option, highest first; each bar is made of its criteria’s contributions (hover a segment for its
        numbers). {description}.
      </figcaption>
    </figure>
  );
}

export function ContributionChart({ matrix }: { matrix: Matrix }) {
  const id = useId();
  const rows = matrix.rows.filter((r) => r.weight > 0);
  const n = matrix.options.length;
  const width = 640;
  const label = 230;
  const barArea = width - label - 20;
  const barH = Math.max(5, Math.min(12, 28 / Math.max(n, 1)));
  const groupH = n * barH + 10;
  const legendH = 24;
  const height = rows.length * groupH + legendH + 8;
  const maxC = Math.max(25, ...rows.map((r) => r.weight * 5));
  const description = rows
    .map(
      (r) =>
        `${r.name} (weight ${r.weight}): ${r.cells.map((c, i) => `${matrix.options[i]!.name} ${c.contribution}`).join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}t ${id}d`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}t`}>Contribution of each criterion to each option (weight × score)</title>
        <desc id={`${id}d`}>{description}</desc>
        {matrix.options.map((o, i) => {
          const x = label + (i * barArea) / Math.max(n, 1);
          return (
            <g key={o.id}>
              <rect x={x} y={6} width={12} height={12} className={`bar ${seriesClass(i)}`} />
              <text x={x + 16} y={12} dominantBaseline="middle" className="tick">
                {truncate(o.name, 16)}
              </text>
            </g>
          );
        })}
        {rows.map((r, gi) => {
          const y0 = legendH + gi * groupH;
          return (
            <g key={r.driver}>
              <text
                x={label - 8}
                y={y0 + groupH / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="bar-label small"
              >
                {truncate(r.name, 34)}
              </text>
              <line x1={label} x2={label} y1={y0 + 2} y2={y0 + groupH - 4} className="axis" />
              {r.cells.map((c, i) => (
                <rect
                  key={c.option}
                  x={label}
                  y={y0 + 4 + i * barH}
                  width={(c.contribution / maxC) * barArea}
                  height={barH - 1}
                  className={`bar ${seriesClass(i)}`}
                >
                  <title>{`${matrix.options[i]!.name}, ${r.name}: ${c.score ?? 'unknown'} × ${r.weight} = ${c.contribution}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        What each weighted criterion adds to each option’s total (weight × score); longer bars decide more.
      </figcaption>
    </figure>
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
