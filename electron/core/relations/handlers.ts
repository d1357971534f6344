import type { Handlers } from '../../../shared/api/index.js';
import type { relationMethods } from '../../../shared/api/relations.js';
import type { RelationQueries } from './links.js';

export function relationHandlers(queries: RelationQueries): Pick<Handlers, keyof typeof relationMethods> {
  return {
    getRelationGraph: ({ focus, limit, repository }) => queries.graph(focus, limit, repository),
  };
}
