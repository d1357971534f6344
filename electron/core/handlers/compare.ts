import type { Handlers } from '../../../shared/api/index.js';
import type { compareMethods } from '../../../shared/api/compare.js';
import type { CompareQueries } from '../compare.js';

export function compareHandlers(queries: CompareQueries): Pick<Handlers, keyof typeof compareMethods> {
  return {
    compareDecisions: ({ ids }) => queries.compare(ids),
    findPrecedents: ({ id, limit }) => queries.precedents(id, limit),
    diffRevisions: ({ id, from, to }) => queries.diff(id, from, to),
    restoreRevision: ({ id, revision, baseRevision }) => queries.restore(id, revision, baseRevision),
    getRelationGraph: ({ focus, limit }) => queries.graph(focus, limit),
    getTimeline: ({ from, to }) => queries.timeline(from, to),
    listDecisionFacets: (query) => queries.facets(query),
  };
}
