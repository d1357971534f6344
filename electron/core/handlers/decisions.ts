import type { Handlers } from '../../../shared/api/index.js';
import type { decisionMethods } from '../../../shared/api/decisions.js';
import { today, type CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions.js';

export function decisionHandlers(ctx: CoreContext, store: DecisionStore): Pick<Handlers, keyof typeof decisionMethods> {
  return {
    createDecision: ({ content }) => store.create({ ...content, date: content.date ?? today(ctx.platform) }),
    getDecision: ({ id }) => store.get(id),
    updateDecision: ({ id, baseRevision, content }) => store.update(id, baseRevision, content),
    listDecisions: (query) => store.list(query),
    trashDecision: ({ id }) => store.trash(id),
    restoreDecision: ({ id }) => store.restore(id),
    listRevisions: ({ id }) => store.revisions(id),
    getRevision: ({ id, revision }) => store.revision(id, revision),
  };
}
