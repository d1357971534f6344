import type { Handlers } from '../../../shared/api/index.js';
import type { compareMethods } from '../../../shared/api/compare.js';
import type { CompareQueries } from './queries.js';

export function compareHandlers(queries: CompareQueries): Pick<Handlers, keyof typeof compareMethods> {
  return {
    compareDecisions: ({ ids }) => queries.compare(ids),
    findPrecedents: ({ id, limit }) => queries.precedents(id, limit),
  };
}
