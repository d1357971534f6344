/**
 * A decision's editable content: the decision without its identity and bookkeeping (id, number,
 * revision, timestamps). One function, used by the store and by the renderer's autosave, so a
 * field added to the record is left out (or kept) the same way everywhere.
 */
import type { Decision, DecisionContent } from './domain.js';

export function contentOf(d: Decision): DecisionContent {
  const { id: _id, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
  return content;
}
