/**
 * MADR 4 (https://adr.github.io/madr/): YAML front matter with status, date, decision-makers,
 * consulted and informed, then the sections in MADR's order. Readers that do not parse YAML
 * still find what they look for: the title is the first level-1 heading, and status and date
 * are bare `key: value` lines (Backstage's ADR plugin reads them that way). In folders that
 * keep metadata as bullets under the title (MADR 2, log4brains) the same keys go there instead.
 */
import type { Decision } from '../domain.js';
import { Footnotes } from './citations.js';
import { block, fileLink, inline, relativePath, yamlList, yamlScalar } from './markdown.js';
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
import { adrRef } from './slug.js';
import type { AdrLink, RenderOptions } from './types.js';

function reference(link: AdrLink, options: RenderOptions): string {
  if (options.madrMetadata === 'list' && link.file) return link.file.replace(/\.md$/i, '');
  if (link.number !== null) return adrRef(link.number, options.numberWidth);
  return link.file ? link.file.replace(/\.md$/i, '') : link.title;
}

/** "accepted", or MADR's "superseded by ADR-0007" when the superseding ADR is known. */
function statusValue(d: Decision, options: RenderOptions): { text: string; link: AdrLink | null } {
  if (d.status !== 'superseded') return { text: d.status, link: null };
  const by = options.links.find((l) => l.type === 'superseded-by');
  return by ? { text: `superseded by ${reference(by, options)}`, link: by } : { text: 'superseded', link: null };
}

function frontMatter(d: Decision, options: RenderOptions): string {
  const lines = ['---', `status: ${yamlScalar(statusValue(d, options).text)}`];
  if (d.date) lines.push(`date: ${d.date}`);
  if (d.decisionMakers.length) lines.push(`decision-makers: ${yamlList(d.decisionMakers)}`);
  if (d.consulted.length) lines.push(`consulted: ${yamlList(d.consulted)}`);
  if (d.informed.length) lines.push(`informed: ${yamlList(d.informed)}`);
  if (d.tags.length) lines.push(`tags: ${yamlList(d.tags)}`);
  // Review keys in MADR's kebab case; readers that do not know them (MADR tooling, Backstage) skip unknown keys.
  if (d.reviewBy) lines.push(`review-by: ${d.reviewBy}`);
  if (d.reviewTriggers?.length) lines.push(`review-triggers: ${yamlList(d.reviewTriggers)}`);
  lines.push('---');
  return lines.join('\n');
}

function metadataList(d: Decision, options: RenderOptions): string {
  const m = options.madrMetadata === 'list' ? (options.listMarker ?? '*') : '*';
  const status = statusValue(d, options);
  const statusText =
    status.link && status.link.file
      ? `superseded by [${inline(reference(status.link, options), false)}](${fileLink(relativePath(options.file, status.link.file))})`
      : inline(status.text, false);
  const lines = [`${m} Status: ${statusText}`];
  if (d.date) lines.push(`${m} Date: ${d.date}`);
  const people = (label: string, list: string[]) =>
    list.length && lines.push(`${m} ${label}: ${list.map((p) => inline(p, false)).join(', ')}`);
  people('Deciders', d.decisionMakers);
  people('Consulted', d.consulted);
  people('Informed', d.informed);
  people('Tags', d.tags);
  if (d.reviewBy) lines.push(`${m} Review by: ${d.reviewBy}`);
  // Semicolons, not commas: a trigger is a sentence and may hold commas.
  if (d.reviewTriggers?.length)
    lines.push(`${m} Review triggers: ${d.reviewTriggers.map((t) => inline(t, false)).join('; ')}`);
  return lines.join('\n');
}

function linkLine(link: AdrLink, options: RenderOptions): string {
  const label = relationLabel(link.type, 'madr');
  const name =
    link.number !== null
      ? `${adrRef(link.number, options.numberWidth)}: ${inline(link.title, false)}`
      : inline(link.title, false);
  return link.file ? `* ${label} [${name}](${fileLink(relativePath(options.file, link.file))})` : `* ${label} ${name}`;
}

/** The decision as a MADR 4 file. */
export function renderMadr(d: Decision, options: RenderOptions): string {
  const notes = new Footnotes(d.evaluation.claims);
  const list = options.madrMetadata === 'list';
  const drivers = driverList(d);
  const considered = d.options.map((o) => `* ${inline(o.name)}`).join('\n');
  const decided = outcome(d, options.analysis, notes);
  const consequenceList = consequences(d, notes);
  const confirmation = block(d.confirmation);
  const pros = prosAndCons(d, options.analysis, notes, 3);
  // MADR 2 and log4brains keep relations in a Links section; MADR 4 under More Information.
  const linkList = options.links.map((l) => linkLine(l, options)).join('\n');
  // Plain links (a web page, a ticket) go in a Links section in every dialect, where import reads them.
  const webLinks = webLinkList(d, list ? (options.listMarker ?? '*') : '*');
  const linksSection = [list ? linkList : '', webLinks ?? ''].filter(Boolean).join('\n');
  const more = [list ? '' : linkList, block(d.moreInformation), ...matrix(options.analysis, 3)];
  const hasMore = more.some((b) => b.trim());
  return assemble([
    list ? null : frontMatter(d, options),
    heading(1, inline(d.title, false)),
    list ? metadataList(d, options) : null,
    heading(2, 'Context and Problem Statement'),
    block(d.context),
    drivers && heading(2, 'Decision Drivers'),
    drivers,
    considered && heading(2, 'Considered Options'),
    considered,
    heading(2, 'Decision Outcome'),
    ...decided,
    consequenceList && heading(3, 'Consequences'),
    consequenceList,
    confirmation && heading(3, 'Confirmation'),
    confirmation,
    pros && heading(2, 'Pros and Cons of the Options'),
    ...(pros ?? []),
    hasMore && heading(2, 'More Information'),
    ...more,
    linksSection && heading(2, 'Links'),
    linksSection,
    footnoteBlock(notes),
  ]);
}
