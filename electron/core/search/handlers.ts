import type { Handlers } from '../../../shared/api/index.js';
import type { searchMethods } from '../../../shared/api/search.js';
import type { CoreContext } from '../context.js';
import { createSearch } from './search.js';

export function searchHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof searchMethods> {
  return { search: createSearch(ctx) };
}
