/**
 * The parts both ADR dialects share: the outcome sentence, consequences, pros and cons, the
 * weighted matrix and the assembly of blocks into one deterministic file.
 */
import type { DecisionContent, WebLink } from '../domain.js';
import { EFFECT_WORD, Footnotes, becauseClause, claimsByLabel, usableClaims } from './citations.js';
import { docDrivers, docOptions, outcomeCites, type DocLine } from './document.js';
import { block, cell, inline, listContinuation } from './markdown.js';
import { readProsCons, writeProsCons } from './pros-cons.js';
import type { AdrAnalysis } from './types.js';

/** Joins blocks with one blank line, skipping empty ones; LF only and exactly one final newline. */
export function assemble(blocks: readonly (string | null | undefined | false)[]): string {
  const text = blocks.filter((b): b is string => typeof b === 'string' && b.trim() !== '').join('\n\n');
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
  const cites = outcomeCites(d, reason)
    .map((c) => notes.cite(c))
    .join('');
  return [`Chosen option: "${inline(chosen.name, false)}", because ${reason}${cites}`, rest];
}

/** `* Good, because …` for each consequence, citing the claims it rests on. */
export function consequences(d: DecisionContent, notes: Footnotes): string | null {
  if (!d.consequences.length) return null;
  // Only what the architect accepted under a weighted criterion is cited, here as everywhere.
  const usable = new Set(usableClaims(d).map((c) => c.id));
  return d.consequences
    .map((c) => {
      const text = becauseClause(block(c.text)) || '…';
      return listContinuation(
        `* ${EFFECT_WORD[c.effect]}, because ${text}${notes.citeIds(c.claims.filter((id) => usable.has(id)))}`,
      );
    })
    .join('\n');
}

/** `* Good, because Real-time scores 5 of 5: <strongest claim>[^a][^b], and 7 more claims from 4 sources.` */
function docLine(line: DocLine, notes: Footnotes): string {
  let text = `* ${EFFECT_WORD[line.effect]}, because ${inline(line.lead, false)}`;
  if (line.quote) text += `: ${inline(line.quote, false)}`;
  if (line.qualifiers.length) text += ` (${inline(line.qualifiers.join('; '), false)})`;
  text += line.cites.map((c) => notes.cite(c)).join('');
  if (line.more) text += `, ${line.more}`;
  return `${text}.`;
}

/** The Decision Drivers list: weighted criteria with their weights, highest first. */
export function driverList(d: DecisionContent): string {
  return docDrivers(d)
    .map((x) => `* ${inline(x.name)}${x.weight !== null ? ` (weight ${x.weight} of 5)` : ''}`)
    .join('\n');
}

/**
 * An option's description with the claims its pros and cons cite as this file's footnotes: each
 * `[^label]` naming a claim the ADR may cite (accepted, under a weighted criterion, not set aside;
 * the rule every citation follows) becomes that claim's reference, one footnote per claim shared
 * with the outcome's and the consequences'; one naming a claim it may not cite is left out. A
 * description that cites nothing comes back as it is, byte for byte.
 */
export function citedDescription(description: string, d: DecisionContent, notes: Footnotes): string {
  const byLabel = claimsByLabel(d.evaluation.claims);
  if (!byLabel.size || !description.includes('[^')) return description;
  const details = readProsCons(description, (label) => byLabel.has(label));
  if (!details.items.some((item) => item.cites?.length)) return description;
  const usable = new Set(usableClaims(d).map((c) => c.id));
  const items = details.items.map((item) => ({
    ...item,
    cites: (item.cites ?? [])
      .map((label) => byLabel.get(label)!)
      .filter((c) => usable.has(c.id))
      .map((c) => notes.label(c)),
  }));
  return writeProsCons({ ...details, items });
}

/** The description without the claims its pros and cons cite: for a file written back in its own style, which has no footnotes. */
export function uncitedDescription(description: string, d: DecisionContent): string {
  const byLabel = claimsByLabel(d.evaluation.claims);
  if (!byLabel.size || !description.includes('[^')) return description;
  const details = readProsCons(description, (label) => byLabel.has(label));
  if (!details.items.some((item) => item.cites?.length)) return description;
  return writeProsCons({ ...details, items: details.items.map((item) => ({ ...item, cites: [] })) });
}

/** One subsection per option with its description and one line per weighted criterion; null when there is nothing to say. */
export function prosAndCons(
  d: DecisionContent,
  analysis: AdrAnalysis | null,
  notes: Footnotes,
  level: number,
): string[] | null {
  const out: string[] = [];
  let any = false;
  for (const option of docOptions(d, analysis)) {
    const description = block(citedDescription(option.description, d, notes));
    if (option.lines.length || description) any = true;
    out.push(heading(level, inline(option.name, false)));
    if (description) out.push(description);
    if (option.lines.length) out.push(option.lines.map((l) => docLine(l, notes)).join('\n'));
  }
  return any ? out : null;
}

/** A score or total: whole numbers as they are, fractions to two places, a dash where there is none. */
function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** The weighted matrix as a table, the ranking, how totals are made, the sensitivity sentence and the quality paragraph. */
export function matrix(analysis: AdrAnalysis | null, level: number): string[] {
  if (!analysis || !analysis.options.length || !analysis.drivers.length) return [];
  const header = `| Criterion | Weight | ${analysis.options.map((o) => cell(o.name)).join(' | ')} |`;
  const align = `| --- | ---: | ${analysis.options.map(() => '---:').join(' | ')} |`;
  const mark = (o: AdrAnalysis['options'][number], driver: string) => {
    const source = o.cells?.[driver]?.source;
    return formatNumber(o.scores[driver]) + (source === 'manual' ? ' ✎' : source === 'missing' ? ' ?' : '');
  };
  const rows = analysis.drivers.map(
    (dr) => `| ${cell(dr.name)} | ${dr.weight} | ${analysis.options.map((o) => mark(o, dr.id)).join(' | ')} |`,
  );
  const sources = analysis.options.flatMap((o) => analysis.drivers.map((dr) => ({ o, dr, c: o.cells?.[dr.id] })));
  const handSet = sources.filter((x) => x.c?.source === 'manual');
  const anyMissing = sources.some((x) => x.c?.source === 'missing');
  // Hand-set cells are named with the architect's note, in the legend's paragraph: the judgement stays beside the table.
  const handNotes = handSet.map(
    ({ o, dr, c }) =>
      `${inline(o.name, false)} on ${inline(dr.name, false)}${c!.note ? ` ("${inline(c!.note.replace(/[.\s]+$/, ''), false)}")` : ' (no note)'}`,
  );
  const legend = [
    handSet.length ? `✎ set by hand: ${handNotes.join('; ')}` : '',
    anyMissing ? '? unknown: no accepted evidence and no score, counted at 3' : '',
  ].filter(Boolean);
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
    [legend.length ? `${legend.join('. ')}.` : '', inline(analysis.method)].filter(Boolean).join(' '),
    [
      ranking ? `Ranking: ${ranking}.` : '',
      analysis.sensitivity ? `Sensitivity: ${inline(analysis.sensitivity, false)}` : '',
      // Exclusions, unknowns, robustness, disagreement: in this paragraph, so the ADR grows by no line.
      analysis.quality ? `Robustness: ${inline(analysis.quality, false)}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  ];
}

/** Footnote definitions, last in the file. */
export function footnoteBlock(notes: Footnotes): string | null {
  // One definition per line: GitHub and markdown-it both start a new footnote at each `[^label]:`,
  // and a line each keeps a decision with a hundred cited claims reviewable.
  return notes.size ? notes.definitions().join('\n') : null;
}

/** A plain link as the Links section lists it: `[title](url)`, or `<url>` for a web address without a title. */
export function webLinkText(link: WebLink): string {
  const title = inline(link.title, false);
  if (!title && /^(?:https?|mailto):/i.test(link.url)) return `<${link.url}>`;
  return `[${title || inline(link.url, false)}](${link.url})`;
}

/** The decision's plain links as a list, or null when it has none. */
export function webLinkList(d: Pick<DecisionContent, 'links'>, marker = '*'): string | null {
  const links = d.links ?? [];
  return links.length ? links.map((l) => `${marker} ${webLinkText(l)}`).join('\n') : null;
}
