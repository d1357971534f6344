import type { Handlers } from '../../../shared/api/index.js';
import type { decisionMethods } from '../../../shared/api/decisions.js';
import { today, type CoreContext } from '../context.js';
import type { DecisionStore } from './store.js';
import type { RelationView } from '../../../shared/api/lifecycle.js';
import { adrMarkdownFor, formatOf, relatedFrom } from '../../../shared/adr/read.js';
import { ListQuery } from '../../../shared/api/decisions.js';
import type { PackStore } from '../knowledge/packs.js';
import { buildSampleDecision, SAMPLE_PACK, SAMPLE_TAG, sampleTitle } from './sample.js';

export function decisionHandlers(
  ctx: CoreContext,
  store: DecisionStore,
  packs: PackStore,
  deps: { relationsOf: (id: string) => RelationView[] },
): Pick<Handlers, keyof typeof decisionMethods> {
  return {
    renderDecision: ({ id }) => {
      const decision = store.withOrigin(store.get(id));
      const markdown = adrMarkdownFor(decision, { related: relatedFrom(decision, deps.relationsOf(id)) });
      return {
        markdown,
        format: formatOf(decision),
        origin: decision.origin ? { file: decision.origin.file, dialect: decision.origin.dialect } : null,
      };
    },
    createDecision: ({ content }) => store.create({ ...content, date: content.date ?? today(ctx.platform) }),
    getDecision: ({ id }) => store.get(id),
    updateDecision: ({ id, baseRevision, content }) => store.update(id, baseRevision, content),
    listDecisions: (query) => store.list(query),
    trashDecision: ({ id }) => store.trash(id),
    restoreDecision: ({ id }) => store.restore(id),
    createSampleDecision: ({ pack }) => {
      const id = pack ?? SAMPLE_PACK;
      // Asking again opens the sample made before; only a first request builds one (its analysis is not cheap).
      const title = sampleTitle(packs.summary(id));
      const existing = store.list(ListQuery.parse({ tag: SAMPLE_TAG, pack: id })).items.find((d) => d.title === title);
      return existing
        ? store.get(existing.id)
        : store.create(buildSampleDecision(packs.view(id), today(ctx.platform)), 'create');
    },
  };
}
