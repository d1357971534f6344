import type { Handlers } from '../../../shared/api/index.js';
import type { lifecycleMethods } from '../../../shared/api/lifecycle.js';
import type { createLifecycle } from './lifecycle.js';

export function lifecycleHandlers(
  lifecycle: ReturnType<typeof createLifecycle>,
): Pick<Handlers, keyof typeof lifecycleMethods> {
  return {
    supersedeDecision: (input) => lifecycle.supersede(input.old, input.new),
    linkDecisions: ({ from, relation, to }) => lifecycle.link(from, relation, to),
    unlinkDecisions: ({ from, relation, to }) => lifecycle.unlink(from, relation, to),
    setStatus: ({ id, status, text }) => lifecycle.setStatus(id, status, text),
    listStatusHistory: ({ id }) => lifecycle.statusHistory(id),
    listRelations: ({ id }) => lifecycle.relations(id),
    findDuplicateNumbers: () => lifecycle.duplicates(),
    renumberDecision: ({ id, number }) => lifecycle.renumber(id, number),
  };
}
