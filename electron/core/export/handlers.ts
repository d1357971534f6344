import type { Handlers } from '../../../shared/api/index.js';
import type { exportMethods } from '../../../shared/api/export.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import { planExport, planFiles } from './plan.js';
import { runExport } from './run.js';

export function exportHandlers(ctx: CoreContext, store: DecisionStore): Pick<Handlers, keyof typeof exportMethods> {
  // One export at a time: each plans against what the one before it wrote and recorded, so two
  // started together (two windows, a double click) never record the same file twice.
  let running: Promise<unknown> = Promise.resolve();
  return {
    planExport: (request) => {
      const internal = planExport(ctx, store, request);
      const files = planFiles(internal);
      const { scan: _scan, headers: _headers, stats: _stats, batches: _batches, numbers, ...plan } = internal;
      return {
        ...plan,
        files: files.map(
          ({ sha256: _s, format: _f, inputSha: _i, inputKey: _k, recorded: _r, hasCopies: _c, ...file }) => file,
        ),
        numbers,
      };
    },
    runExport: (request) => {
      const run = running.then(() => runExport(ctx, store, request));
      running = run.catch(() => undefined);
      return run;
    },
  };
}
