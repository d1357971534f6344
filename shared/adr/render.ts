/**
 * Decision → Markdown file text. A decision imported from a file and not edited since is written
 * back byte for byte (the importer's `renderImported` decides); every other decision is rendered
 * afresh in the asked dialect. Pure: the same input always gives the same bytes.
 */
import type { Decision, Origin } from '../domain.js';
import { renderMadr } from './madr.js';
import { renderNygard } from './nygard.js';
import { renderImported } from './roundtrip.js';
import type { AdrFormat, RenderOptions } from './types.js';
import { matrixForExport } from '../scoring.js';

/**
 * Part of every exported file's input fingerprint: bump it whenever the renderers' output
 * changes, so the next export renders every file afresh instead of reusing its bytes.
 */
export const RENDERER_VERSION = 4;

export function renderAdr(d: Decision, format: AdrFormat, options: RenderOptions): string {
  return format === 'nygard' ? renderNygard(d, options) : renderMadr(d, options);
}

/** The text to write for a decision and whether it came from the importer's round trip (with the file it was imported from, if any). */
export function adrFileText(
  d: Decision & { origin?: Origin | null },
  format: AdrFormat,
  options: RenderOptions,
): { text: string; imported: boolean } {
  const imported = renderImported(d, options.resolve, options.file);
  if (imported !== null) return { text: imported, imported: true };
  return { text: renderAdr(d, format, options), imported: false };
}

/**
 * The one text every screen shows for a decision (the read view, the wizard's review, the export
 * preview): exactly what an export would write, the matrix computed from the decision itself.
 * Links and the folder's style are the export planner's to know; without them, none are printed.
 */
export function previewAdr(d: Decision, format: AdrFormat, options: Partial<RenderOptions> = {}): string {
  return adrFileText(d, format, {
    number: d.number,
    numberWidth: 4,
    links: [],
    analysis: matrixForExport(d),
    ...options,
  }).text;
}
