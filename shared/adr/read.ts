/**
 * The Markdown every screen shows for a decision: the read view, the guided decision's review
 * and the export preview all go through `adrMarkdownFor`, so what the user reads is what the
 * export writes (an unedited imported decision: its own file's bytes; otherwise the renderer of
 * its dialect). Keep this the only place screens call the export renderer from: when the
 * exporter's entry point changes, only this function changes.
 */
import type { RelationView } from '../api/lifecycle.js';
import type { Decision, Origin } from '../domain.js';
import { matrixForExport } from '../scoring.js';
import { collectLinks, type LinkTarget, type RelatedDecision } from './relations.js';
import { adrFileText } from './render.js';
import type { AdrFormat, MadrMetadata } from './types.js';

export interface ReadContext {
  /**
   * The decisions this one is related to (either way), with what a link line needs. A relation
   * to a decision not listed here is printed with its id as the title and no file.
   */
  related?: readonly (RelatedDecision & LinkTarget)[];
  /** The dialect to write; default: the dialect the decision was imported in, else MADR 4. */
  format?: AdrFormat;
}

/** The dialect Cairn would write a decision in when nothing else says: the one its file came in. */
export function formatOf(decision: { origin?: Origin | null }): AdrFormat {
  return decision.origin?.dialect === 'nygard' ? 'nygard' : 'madr';
}

/** MADR 2 and log4brains files carry their metadata as a list under the title, MADR 3/4 as front matter. */
function metadataOf(decision: { origin?: Origin | null }): MadrMetadata {
  const dialect = decision.origin?.dialect;
  return dialect === 'madr2' || dialect === 'log4brains' ? 'list' : 'front-matter';
}

/** The ADR Markdown of one decision, exactly as export would write it (see the file header). */
export function adrMarkdownFor(decision: Decision & { origin?: Origin | null }, context: ReadContext = {}): string {
  const related = context.related ?? [];
  const targets = new Map<string, LinkTarget>(
    related.map((r) => [r.id, { number: r.number, title: r.title, file: r.file }]),
  );
  const resolve = (id: string) => targets.get(id) ?? null;
  const links = collectLinks(decision.id, [decision, ...related.filter((r) => r.id !== decision.id)], resolve);
  return adrFileText(decision, context.format ?? formatOf(decision), {
    number: decision.number,
    numberWidth: 4,
    links,
    analysis: matrixForExport(decision),
    madrMetadata: metadataOf(decision),
    resolve,
  }).text;
}

/** The related decisions a link line needs, from the relations the lifecycle lists for a decision. */
export function relatedFrom(
  decision: Pick<Decision, 'id'>,
  views: readonly RelationView[],
): NonNullable<ReadContext['related']> {
  return views
    .filter((v) => v.decision !== null)
    .map((v) => ({
      id: v.target,
      number: v.decision!.number,
      title: v.decision!.title,
      file: null,
      // An incoming relation is held by the other decision; the link collector reads its reverse.
      relations: v.direction === 'incoming' ? [{ type: v.type, target: decision.id }] : [],
    }));
}
