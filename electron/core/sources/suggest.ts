import { CairnError } from '../../../shared/api/define.js';
import type { Suggestion } from '../../../shared/api/sources.js';
import type { CoreContext } from '../context.js';
import type { PackStore } from '../knowledge/packs.js';

export function createSuggestions(_ctx: CoreContext, _packs: PackStore) {
  return {
    suggest(_pack: string, _source: string, _o: { limit: number; includeDismissed: boolean }): Suggestion[] {
      throw new CairnError('unsupported', 'Suggestions are not built yet.');
    },
    dismiss(_input: { pack: string; source: string; start: number; option: string; criterion: string }): { dismissed: number } {
      throw new CairnError('unsupported', 'Suggestions are not built yet.');
    },
    evaluate(_pack: string, _top: number): never {
      throw new CairnError('unsupported', 'Suggestions are not built yet.');
    },
  };
}
