import { CairnError } from '../../../shared/api/define.js';
import type { Handlers } from '../../../shared/api/index.js';
import type { sourceMethods } from '../../../shared/api/sources.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import type { PackStore } from '../knowledge/packs.js';
import { evidenceChanges } from './freshness.js';
import { extractDocument } from './extract.js';
import { createSuggestions } from './suggest.js';

export function sourceHandlers(
  ctx: CoreContext,
  packs: PackStore,
  decisions: DecisionStore,
): Pick<Handlers, keyof typeof sourceMethods> {
  const suggestions = createSuggestions(ctx, packs);
  return {
    createPack: (input) => packs.createPack(input),
    addSourceDocument: async ({ pack, document, source, fields }) => {
      packs.base(pack);
      const bytes = 'base64' in document ? Buffer.from(document.base64, 'base64') : Buffer.from(document.text, 'utf8');
      const name =
        'base64' in document
          ? document.name
          : /\.(txt|md|markdown|html?)$/i.test(document.name)
            ? document.name
            : `${document.name}.txt`;
      const doc = await extractDocument(name, bytes);
      return packs.addDocument(pack, { ...doc, file: 'base64' in document ? document.name : null }, source, fields);
    },
    updateSource: ({ pack, source, fields }) => packs.updateSource(pack, source, fields),
    getSourceText: ({ pack, source, version }) => {
      const view = packs.view(pack);
      if (!view.sources.some((s) => s.id === source))
        throw new CairnError('not_found', `Pack "${pack}" has no source "${source}".`);
      const latest = packs.texts.latest(pack, source);
      if (!latest)
        throw new CairnError(
          'not_found',
          `Cairn has no text of source "${source}" yet; add the document (Library → the source → Add its text, or \`cairn knowledge add-source ${pack} FILE --source ${source}\`).`,
        );
      const stored = version === undefined ? latest : packs.texts.version(pack, source, version);
      if (!stored)
        throw new CairnError(
          'not_found',
          `Source "${source}" has no text version ${version}; it has versions 1 to ${latest.version}.`,
        );
      const claims = view.claims
        .filter((c) => c.source === source)
        .map((c) => ({
          id: c.id,
          state: c.verification.state,
          start: stored.version === latest.version ? c.verification.start : null,
          end: stored.version === latest.version ? c.verification.end : null,
        }));
      return {
        source,
        version: stored.version,
        versions: latest.version,
        format: stored.format,
        text: stored.text,
        sections: stored.sections,
        claims,
      };
    },
    suggestClaims: ({ pack, source, limit, includeDismissed }) =>
      suggestions.suggest(pack, source, { limit, includeDismissed }),
    dismissSuggestion: (input) => suggestions.dismiss(input),
    evaluateSuggestions: ({ pack, top }) => suggestions.evaluate(pack, top),
    listEvidenceChanges: () => evidenceChanges(ctx, packs, decisions),
  };
}
