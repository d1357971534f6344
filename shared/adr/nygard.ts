/**
 * Michael Nygard's format as adr-tools writes it: `# N. Title`, `Date: YYYY-MM-DD`, then Status,
 * Context, Decision and Consequences. Relations are lines of their own in the Status section,
 * `Supercedes [1. Title](0001-title.md)`, exactly as adr-tools' `-s` and `-l` options write them;
 * a superseded ADR's status is its "Superceded by" line, as adr-tools leaves it. Cairn's extra
 * material (drivers, options with cited pros and cons, the matrix) sits in subsections, so
 * adr-tools and the tools that read its folders (Structurizr) still find title, date and status.
 */
import type { Decision } from '../domain.js';
import { Footnotes } from './citations.js';
import { block, fileLink, inline, relativePath } from './markdown.js';
import { relationLabel } from './relations.js';
import {
  assemble,
  consequences,
  driverList,
  footnoteBlock,
  heading,
  matrix,
  outcome,
  prosAndCons,
  webLinkList,
} from './sections.js';
import type { AdrLink, RenderOptions } from './types.js';

function linkLine(link: AdrLink, from: string | undefined): string {
  const label = relationLabel(link.type, 'nygard');
  const name = link.number !== null ? `${link.number}. ${inline(link.title, false)}` : inline(link.title, false);
  return link.file ? `${label} [${name}](${fileLink(relativePath(from, link.file))})` : `${label} ${name}`;
}

function statusLines(d: Decision, links: AdrLink[], from: string | undefined): string[] {
  const lines = links.map((l) => linkLine(l, from));
  const supersededBy = links.some((l) => l.type === 'superseded-by' && l.file);
  if (d.status === 'superseded' && supersededBy) return lines;
  return [d.status[0]!.toUpperCase() + d.status.slice(1), ...lines];
}

function people(d: Decision): string | null {
  const parts: string[] = [];
  if (d.decisionMakers.length)
    parts.push(`Decision-makers: ${d.decisionMakers.map((p) => inline(p, false)).join(', ')}.`);
  if (d.consulted.length) parts.push(`Consulted: ${d.consulted.map((p) => inline(p, false)).join(', ')}.`);
  if (d.informed.length) parts.push(`Informed: ${d.informed.map((p) => inline(p, false)).join(', ')}.`);
  return parts.length ? parts.join(' ') : null;
}

/** The decision as an adr-tools (Nygard) file. */
export function renderNygard(d: Decision, options: RenderOptions): string {
  const notes = new Footnotes(d.evaluation.claims);
  const title = options.number !== null ? `${options.number}. ${inline(d.title, false)}` : inline(d.title, false);
  const drivers = driverList(d);
  const decided = outcome(d, options.analysis, notes);
  const pros = prosAndCons(d, options.analysis, notes, 4);
  const optionList = pros ? null : d.options.map((o) => `* ${inline(o.name)}`).join('\n');
  const consequenceList = consequences(d, notes);
  const confirmation = block(d.confirmation);
  const more = block(d.moreInformation);
  const tags = d.tags.length ? `Tags: ${d.tags.map((t) => inline(t, false)).join(', ')}.` : null;
  return assemble([
    heading(1, title),
    d.date ? `Date: ${d.date}` : null,
    // `Key: value` lines beside Date, before the Status section: adr-tools and its readers skip them.
    d.reviewBy ? `Review by: ${d.reviewBy}` : null,
    d.reviewTriggers?.length ? `Review triggers: ${d.reviewTriggers.map((t) => inline(t, false)).join('; ')}` : null,
    heading(2, 'Status'),
    ...statusLines(d, options.links, options.file),
    heading(2, 'Context'),
    block(d.context),
    drivers && heading(3, 'Decision drivers'),
    drivers,
    heading(2, 'Decision'),
    ...decided,
    (pros || optionList) && heading(3, 'Considered options'),
    optionList,
    ...(pros ?? []),
    ...matrix(options.analysis, 3),
    people(d),
    tags,
    heading(2, 'Consequences'),
    consequenceList,
    confirmation && heading(3, 'Confirmation'),
    confirmation,
    more && heading(2, 'More Information'),
    more,
    webLinkList(d) && heading(2, 'Links'),
    webLinkList(d),
    footnoteBlock(notes),
  ]);
}
