/**
 * The parts both ADR dialects share: the outcome sentence, consequences, pros and cons, the
 * weighted matrix and the assembly of blocks into one deterministic file.
 */
import type { DecisionContent } from '../domain.js';
import { EFFECT_WORD, Footnotes, becauseClause, claimBullet, orderForOption, strongestFor, usableClaims } from './citations.js';
import { block, cell, inline, listContinuation } from './markdown.js';
import type { AdrAnalysis } from './types.js';

/** Joins blocks with one blank line, skipping empty ones; LF only and exactly one final newline. */
export function assemble(blocks: readonly (string | null | undefined | false)[]): string {
  const text = blocks
    .filter((b): b is string => typeof b === 'string' && b.trim() !== '')
    .join('\n\n');
  return text.replace(/\s+$/, '') + '\n';
}

export function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

function firstParagraph(text: string): { first: string; rest: string } {
  const i = text.search(/\n[ \t]*\n/);
  if (i < 0) return { first: text, rest: '' };
  return { first: text.slice(0, i), rest: text.slice(i).replace(/^\s+/, '') };
}

/**
 * `Chosen option: "…", because …` with the chosen option's strongest claims cited, followed by
 * the rest of the rationale. Without a chosen option, the rationale alone (or a note).
 */
export function outcome(d: DecisionContent, analysis: AdrAnalysis | null, notes: Footnotes): string[] {
  const chosen = d.options.find((o) => o.id === d.chosenOption);
  const rationale = block(d.rationale);
  if (!chosen) {
    if (rationale) return [rationale];
    return d.options.length ? ['No option has been chosen yet.'] : [];
  }
  const { first, rest } = firstParagraph(rationale);
  let reason: string;
  if (first) reason = becauseClause(first);
  else if (analysis?.ranking[0] === chosen.id) reason = 'it comes out best in the weighted matrix.';
  // Nothing recorded: nothing rests on the evidence yet, so nothing is cited.
  else return [`Chosen option: "${inline(chosen.name, false)}", because no reason has been recorded yet.`];
  const cites = strongestFor(d, chosen.id)
    .map((c) => notes.cite(c))
    .join('');
  return [`Chosen option: "${inline(chosen.name, false)}", because ${reason}${cites}`, rest];
}

/** `* Good, because …` for each consequence, citing the claims it rests on. */
export function consequences(d: DecisionContent, notes: Footnotes): string | null {
  if (!d.consequences.length) return null;
  return d.consequences
    .map((c) => {
      const text = becauseClause(block(c.text)) || '…';
      return listContinuation(`* ${EFFECT_WORD[c.effect]}, because ${text}${notes.citeIds(c.claims)}`);
    })
    .join('\n');
}

/** One subsection per option with its description and its cited pros and cons; null when there is nothing to say. */
export function prosAndCons(d: DecisionContent, notes: Footnotes, level: number): string[] | null {
  const claims = usableClaims(d);
  const drivers = new Map(d.drivers.map((x) => [x.id, x.name]));
  const out: string[] = [];
  let any = false;
  for (const option of d.options) {
    const own = orderForOption(
      d,
      claims.filter((c) => c.option === option.id),
    );
    const description = block(option.description);
    if (own.length || description) any = true;
    out.push(heading(level, inline(option.name, false)));
    if (description) out.push(description);
    if (own.length) out.push(own.map((c) => claimBullet(c, drivers.get(c.driver), notes)).join('\n'));
  }
  return any ? out : null;
}

/** A score or total: whole numbers as they are, fractions to two places, a dash where there is none. */
function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** The weighted matrix as a table, the ranking, how totals are made and the sensitivity sentence. */
export function matrix(analysis: AdrAnalysis | null, level: number): string[] {
  if (!analysis || !analysis.options.length || !analysis.drivers.length) return [];
  const header = `| Criterion | Weight | ${analysis.options.map((o) => cell(o.name)).join(' | ')} |`;
  const align = `| --- | ---: | ${analysis.options.map(() => '---:').join(' | ')} |`;
  const rows = analysis.drivers.map(
    (dr) => `| ${cell(dr.name)} | ${dr.weight} | ${analysis.options.map((o) => formatNumber(o.scores[dr.id])).join(' | ')} |`,
  );
  const total = `| **Weighted total** | | ${analysis.options.map((o) => `**${formatNumber(o.total)}**`).join(' | ')} |`;
  const names = new Map(analysis.options.map((o) => [o.id, o]));
  const ranking = analysis.ranking
    .map((id, i) => {
      const o = names.get(id);
      return o ? `${i + 1}. ${inline(o.name, false)} (${formatNumber(o.total)})` : null;
    })
    .filter(Boolean)
    .join(', ');
  return [
    heading(level, 'Weighted matrix'),
    [header, align, ...rows, total].join('\n'),
    ranking ? `Ranking: ${ranking}.` : '',
    inline(analysis.method),
    analysis.sensitivity ? `Sensitivity: ${inline(analysis.sensitivity, false)}` : '',
  ];
}

/** Footnote definitions, last in the file, a blank line apart so no renderer reads one as part of another. */
export function footnoteBlock(notes: Footnotes): string | null {
  return notes.size ? notes.definitions().join('\n\n') : null;
}
