import type { Handlers } from '../../../shared/api/index.js';
import type { evaluationMethods } from '../../../shared/api/evaluation.js';
import { applyPackTo } from '../../../shared/evaluation.js';
import { analyzeDecision } from '../../../shared/scoring.js';
import { checkBaseRevision } from '../concurrency.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import type { PackStore } from '../knowledge/packs.js';

export function evaluationHandlers(
  _ctx: CoreContext,
  decisions: DecisionStore,
  packs: PackStore,
): Pick<Handlers, keyof typeof evaluationMethods> {
  return {
    applyPack: ({ id, pack, baseRevision }) => {
      const current = decisions.get(id);
      checkBaseRevision(current, baseRevision, 'Reload it and apply the pack again.');
      const view = pack === null ? null : packs.view(pack);
      return decisions.write(id, applyPackTo(decisions.contentOf(current), view), 'update');
    },
    evaluateDecision: ({ id }) => analyzeDecision(decisions.get(id)),
  };
}
