import type { Handlers } from '../../../shared/api/index.js';
import type { exportMethods } from '../../../shared/api/export.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import { planExport, planFiles } from './plan.js';
import { runExport } from './run.js';

export function exportHandlers(ctx: CoreContext, store: DecisionStore): Pick<Handlers, keyof typeof exportMethods> {
  return {
    planExport: (request) => {
      const internal = planExport(ctx, store, request);
      const files = planFiles(internal);
      const { scan: _scan, headers: _headers, batches: _batches, numbers, ...plan } = internal;
      return {
        ...plan,
        files: files.map(
          ({ sha256: _s, format: _f, inputSha: _i, inputKey: _k, recorded: _r, hasCopies: _c, ...file }) => file,
        ),
        numbers,
      };
    },
    runExport: (request) => runExport(ctx, store, request),
  };
}
