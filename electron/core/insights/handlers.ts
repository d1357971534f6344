import type { Handlers } from '../../../shared/api/index.js';
import type { insightsMethods } from '../../../shared/api/insights.js';
import type { InsightQueries } from './queries.js';

export function insightHandlers(queries: InsightQueries): Pick<Handlers, keyof typeof insightsMethods> {
  return {
    getTimeline: ({ from, to, repository }) => queries.timeline(from, to, repository),
    listDecisionFacets: (query) => queries.facets(query),
  };
}
