/**
 * The weighted matrix the exporter prints, computed from the scores the user set by hand.
 *
 * THIS IS WHERE THE SCORING MODULE PLUGS IN. The wizard's scoring (shared/scoring.ts: pre-filled
 * scores from claims, totals, ranking, sensitivity) replaces `manualAnalysis` in the export
 * planner (electron/core/export/plan.ts, `analysisFor`); the renderers only ever see an
 * `AdrAnalysis` and do not care how it was made.
 */
import type { AdrAnalysis } from '../../../shared/adr/types.js';
import type { DecisionContent } from '../../../shared/domain.js';

const METHOD = 'Scores run from 1 (poor) to 5 (strong); a total is the mean of an option’s scores weighted by the criteria, over the criteria scored for it; a dash marks a criterion not scored.';

function totals(d: DecisionContent, weights: Map<string, number>, scores: Map<string, number>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const o of d.options) {
    let sum = 0;
    let weight = 0;
    for (const dr of d.drivers) {
      const w = weights.get(dr.id) ?? 0;
      const s = scores.get(`${o.id}\u0000${dr.id}`);
      if (s === undefined || w === 0) continue;
      sum += w * s;
      weight += w;
    }
    out.set(o.id, weight ? sum / weight : null);
  }
  return out;
}

function rankingOf(d: DecisionContent, t: Map<string, number | null>): string[] {
  return d.options
    .map((o, i) => ({ id: o.id, i, total: t.get(o.id) ?? null }))
    .filter((x): x is { id: string; i: number; total: number } => x.total !== null)
    .sort((a, b) => b.total - a.total || a.i - b.i)
    .map((x) => x.id);
}

/** The matrix from the user's own scores, or null when nothing has been scored. */
export function manualAnalysis(d: DecisionContent): AdrAnalysis | null {
  const options = new Set(d.options.map((o) => o.id));
  const drivers = new Set(d.drivers.map((x) => x.id));
  const scores = new Map<string, number>();
  for (const s of d.evaluation.scores) if (options.has(s.option) && drivers.has(s.driver)) scores.set(`${s.option}\u0000${s.driver}`, s.value);
  if (!scores.size || !d.drivers.length) return null;
  const weights = new Map(d.drivers.map((x) => [x.id, x.weight]));
  const t = totals(d, weights, scores);
  const ranking = rankingOf(d, t);
  return {
    drivers: d.drivers.map((x) => ({ id: x.id, name: x.name, weight: x.weight })),
    options: d.options.map((o) => ({
      id: o.id,
      name: o.name,
      scores: Object.fromEntries(d.drivers.map((x) => [x.id, scores.get(`${o.id}\u0000${x.id}`) ?? null])),
      total: t.get(o.id) ?? null,
    })),
    ranking,
    sensitivity: sensitivity(d, weights, scores, ranking),
    method: METHOD,
  };
}

/** Whether moving any one weight by one step changes which option comes first. */
function sensitivity(d: DecisionContent, weights: Map<string, number>, scores: Map<string, number>, ranking: string[]): string | null {
  if (ranking.length < 2) return null;
  const name = (id: string) => d.options.find((o) => o.id === id)?.name ?? id;
  const leader = ranking[0]!;
  const flips: string[] = [];
  for (const dr of d.drivers) {
    const w = weights.get(dr.id) ?? 0;
    for (const next of [w - 1, w + 1]) {
      if (next < 0 || next > 5) continue;
      const changed = new Map(weights).set(dr.id, next);
      const first = rankingOf(d, totals(d, changed, scores))[0];
      if (first && first !== leader) flips.push(`${dr.name} from ${w} to ${next} puts ${name(first)} first`);
    }
  }
  if (!flips.length) return `${name(leader)} stays first whichever single weight moves one step up or down.`;
  const shown = flips.slice(0, 3).join('; ');
  return `The lead is fragile: changing the weight of ${shown}${flips.length > 3 ? ` (and ${flips.length - 3} more)` : ''}.`;
}
