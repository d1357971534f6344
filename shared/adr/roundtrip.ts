import type { Decision } from '../domain.js';

/**
 * The bytes to write for a decision that was imported from a file, so that an unedited
 * decision exports byte-identically and an edit changes only the edited part.
 * Returns null when the file must be rendered afresh. The importer owns this seam;
 * until it recognises an origin, every decision is rendered afresh.
 */
export function renderImported(_decision: Decision): string | null {
  return null;
}
