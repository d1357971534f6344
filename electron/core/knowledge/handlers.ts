import type { Handlers } from '../../../shared/api/index.js';
import type { knowledgeMethods } from '../../../shared/api/knowledge.js';
import type { CoreContext } from '../context.js';
import type { PackStore } from './packs.js';
import { readPackFile, savePackFile } from './pack-file.js';
import { verifyPack } from './verify.js';

export function knowledgeHandlers(_ctx: CoreContext, packs: PackStore): Pick<Handlers, keyof typeof knowledgeMethods> {
  return {
    listPacks: () => packs.list(),
    getPack: ({ id }) => packs.view(id),
    exportPack: ({ id }) => packs.exportPack(id),
    importPack: ({ pack }) => packs.importPack(pack),
    savePackFile: ({ id, folder }) => savePackFile(packs, id, folder),
    readPackFile: ({ path }) => readPackFile(packs, path),
    verifyPack: ({ id, sourcesDir }) => verifyPack(packs, id, sourcesDir),
    addSource: ({ pack, source }) => packs.addSource(pack, source),
    addClaim: ({ pack, claim }) => packs.addClaim(pack, claim),
    markClaim: ({ pack, claim, ...change }) => packs.markClaim(pack, claim, change),
    addContradiction: ({ pack, claims, note }) => packs.addContradiction(pack, claims, note),
    removeContradiction: ({ pack, claims }) => packs.removeContradiction(pack, claims),
    markOutdated: ({ pack, claim, note }) => packs.markOutdated(pack, claim, note),
    removeOutdated: ({ pack, claim }) => packs.removeOutdated(pack, claim),
  };
}
