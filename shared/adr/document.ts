/**
 * The evidence part of an ADR as plain data: which lines the file says about drivers, options
 * and the outcome, and the claims each line cites. The dialect printers (madr.ts, nygard.ts)
 * number the footnotes and write Markdown; nothing here knows a dialect.
 *
 * Policy (what keeps an ADR reviewable in a pull request):
 * - drivers are the criteria with a weight above 0, highest weight first;
 * - per option, ONE line per weighted criterion, saying what the evidence adds up to (its
 *   effective score), quoting the strongest claim's summary, citing at most `citesPerLine` claims
 *   and counting the rest ("and 7 more claims from 4 sources"); the full evidence is in the ledger;
 * - only claims the architect accepted, under weighted criteria, not set aside, are cited.
 */
import type { DecisionContent, Effect, EvidenceClaim } from '../domain.js';
import { relevantDrivers, usableClaims } from './citations.js';
import type { AdrAnalysis } from './types.js';
import { joinNames } from '../scoring.js';

/** One line of the ADR and the claims it cites, strongest first. */
export interface DocLine {
  effect: Effect;
  /** Plain text (not yet Markdown-escaped) before the citations. */
  lead: string;
  /** The quoted summary of the strongest claim (or the hand-set score's note), or null. */
  quote: string | null;
  /** What the reader must know about the quoted claim: its condition, outdated, contradicted. */
  qualifiers: string[];
  cites: EvidenceClaim[];
  /** What stands behind the line beyond what it cites, e.g. "and 7 more claims from 4 sources", or empty. */
  more: string;
}

export interface DocDriver {
  id: string;
  name: string;
  /** The weight, or null for an unweighted decision (imported without its ledger): no weight is invented. */
  weight: number | null;
}

export interface DocOption {
  id: string;
  name: string;
  description: string;
  lines: DocLine[];
}

/** Claims count by importance, halved when outdated (as scoring counts them), contradicted ones last. */
function strength(c: EvidenceClaim): number {
  return c.importance * (c.outdated ? 0.5 : 1) - (c.contradictions.length ? 0.25 : 0);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Strongest first; ties by id so the bytes never depend on the order claims were stored in. */
export function strongestFirst(claims: readonly EvidenceClaim[]): EvidenceClaim[] {
  return [...claims].sort((a, b) => strength(b) - strength(a) || byText(a.id, b.id));
}

/** The drivers the file lists: weighted ones, highest first; a decision that weighs nothing lists its drivers by name only. */
export function docDrivers(d: DecisionContent): DocDriver[] {
  const evaluated = d.evaluation.pack !== null || d.evaluation.claims.length > 0 || d.evaluation.scores.length > 0;
  if (!evaluated && !relevantDrivers(d).length) {
    // Nothing weighed (an ordinary ADR imported without a ledger): the file stated names, not weights.
    return d.drivers.map((x) => ({ id: x.id, name: x.name, weight: null }));
  }
  const order = new Map(d.drivers.map((x, i) => [x.id, i]));
  return relevantDrivers(d)
    .map((x) => ({ id: x.id, name: x.name, weight: x.weight as number | null }))
    .sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || order.get(a.id)! - order.get(b.id)!);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function effectOfScore(score: number): Effect {
  return score >= 4 ? 'good' : score <= 2 ? 'bad' : 'neutral';
}

/** How many lines may cite two claims before each line cites only one (the 250-line budget of a large decision). */
const TWO_CITES_UP_TO = 12;

/** Per option, one line per weighted criterion. Empty lines lists where the decision weighs nothing. */
export function docOptions(d: DecisionContent, analysis: AdrAnalysis | null): DocOption[] {
  const claims = usableClaims(d);
  const drivers = analysis ? docDrivers(d).filter((x) => x.weight !== null) : [];
  const citesPerLine = drivers.length * d.options.length <= TWO_CITES_UP_TO ? 2 : 1;
  return d.options.map((option) => {
    const row = analysis?.options.find((o) => o.id === option.id);
    const lines: DocLine[] = [];
    // Criteria nothing speaks to share one line: the matrix marks each of their cells.
    const unknown: string[] = [];
    for (const driver of drivers) {
      const score = row?.scores[driver.id] ?? null;
      const mark = row?.cells?.[driver.id];
      const here = claims.filter((c) => c.option === option.id && c.driver === driver.id);
      if (score === null) continue;
      if (!here.length && mark?.source !== 'manual') {
        unknown.push(driver.name);
        continue;
      }
      const effect = effectOfScore(score);
      // The quote speaks for the line: a good line quotes a good claim, a bad line a bad one.
      const leaning = effect === 'neutral' ? here : here.filter((c) => c.effect === effect);
      const ranked = strongestFirst(leaning.length ? leaning : here);
      const cites = ranked.slice(0, citesPerLine);
      const rest = here.filter((c) => !cites.includes(c));
      const sources = new Set(rest.map((c) => c.source?.id ?? `own:${c.id}`));
      const handSet = mark?.source === 'manual';
      let lead = `${driver.name} scores ${score} of 5`;
      if (handSet) lead += ', set by hand';
      const quote = cites[0]
        ? cites[0].summary.replace(/[.\s]+$/, '')
        : handSet && mark?.note
          ? mark.note.replace(/[.\s]+$/, '')
          : null;
      const more = rest.length ? `and ${plural(rest.length, 'more claim')} from ${plural(sources.size, 'source')}` : '';
      const first = cites[0];
      const qualifiers = first
        ? [
            first.condition ? `condition: ${first.condition}` : '',
            first.outdated ? 'outdated' : '',
            first.contradictions.length ? 'contradicted' : '',
          ].filter(Boolean)
        : [];
      lines.push({ effect, lead, quote, qualifiers, cites, more });
    }
    if (unknown.length) {
      const lead = `no accepted claim speaks to ${joinNames(unknown)}, so ${unknown.length === 1 ? 'it counts' : 'each counts'} as 3 of 5`;
      lines.push({ effect: 'neutral', lead, quote: null, qualifiers: [], cites: [], more: '' });
    }
    const order: Record<Effect, number> = { good: 0, neutral: 1, bad: 2 };
    lines.sort((a, b) => order[a.effect] - order[b.effect]);
    return { id: option.id, name: option.name, description: option.description, lines };
  });
}

/**
 * The claims behind the outcome sentence: for each weighted criterion the reason names, the
 * chosen option's strongest good claim under it (weightiest criteria first, at most `limit`).
 * A reason that names no criterion cites the chosen option's strongest good claims.
 */
export function outcomeCites(d: DecisionContent, reason: string, limit = 3): EvidenceClaim[] {
  const chosen = d.chosenOption;
  if (!chosen) return [];
  const good = usableClaims(d).filter((c) => c.option === chosen && c.effect === 'good');
  const text = reason.toLowerCase();
  const named = relevantDrivers(d)
    .filter((x) => text.includes(x.name.toLowerCase()))
    .sort((a, b) => b.weight - a.weight);
  const picked: EvidenceClaim[] = [];
  for (const driver of named) {
    const best = strongestFirst(good.filter((c) => c.driver === driver.id))[0];
    if (best && picked.length < limit) picked.push(best);
  }
  if (named.length) return picked;
  const weight = new Map(d.drivers.map((x) => [x.id, x.weight]));
  return [...good]
    .sort(
      (a, b) =>
        strength(b) - strength(a) || (weight.get(b.driver) ?? 0) - (weight.get(a.driver) ?? 0) || byText(a.id, b.id),
    )
    .slice(0, limit);
}
