/**
 * Decision → Markdown file text. A decision imported from a file and not edited since is written
 * back byte for byte (the importer's `renderImported` decides); every other decision is rendered
 * afresh in the asked dialect. Pure: the same input always gives the same bytes.
 */
import type { Decision } from '../domain.js';
import { renderMadr } from './madr.js';
import { renderNygard } from './nygard.js';
import { renderImported } from './roundtrip.js';
import type { AdrFormat, RenderOptions } from './types.js';

/**
 * Part of every exported file's input fingerprint: bump it whenever the renderers' output
 * changes, so the next export renders every file afresh instead of reusing its bytes.
 */
export const RENDERER_VERSION = 2;

export function renderAdr(d: Decision, format: AdrFormat, options: RenderOptions): string {
  return format === 'nygard' ? renderNygard(d, options) : renderMadr(d, options);
}

/** The text to write for a decision and whether it came from the importer's round trip. */
export function adrFileText(d: Decision, format: AdrFormat, options: RenderOptions): { text: string; imported: boolean } {
  const imported = renderImported(d, options.resolve);
  if (imported !== null) return { text: imported, imported: true };
  return { text: renderAdr(d, format, options), imported: false };
}
