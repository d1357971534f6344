import type { Handlers } from '../../../shared/api/index.js';
import type { revisionMethods } from '../../../shared/api/revisions.js';
import type { DecisionStore } from '../decisions/store.js';
import type { RevisionQueries } from './queries.js';

export function revisionHandlers(
  store: DecisionStore,
  queries: RevisionQueries,
): Pick<Handlers, keyof typeof revisionMethods> {
  return {
    listRevisions: ({ id }) => store.revisions(id),
    getRevision: ({ id, revision }) => store.revision(id, revision),
    diffRevisions: ({ id, from, to }) => queries.diff(id, from, to),
    restoreRevision: ({ id, revision, baseRevision }) => queries.restore(id, revision, baseRevision),
  };
}
