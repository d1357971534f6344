import type { Handlers } from '../../../shared/api/index.js';
import type { repositoryMethods } from '../../../shared/api/repositories.js';
import type { CoreContext } from '../context.js';
import { listRepositories } from './repositories.js';

export function repositoryHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof repositoryMethods> {
  return {
    listRepositories: () => listRepositories(ctx.db),
  };
}
