/**
 * `cairn serve` on a disk that fills on request, for the browser test of a save the disk cannot
 * hold. Test-only: it lives under tests/ and the test bundles it itself, so no build of the app
 * contains it and no setting or variable of the shipped app reaches it.
 *
 * While the file `disk-full` exists beside the database, the store may not grow: each API call
 * first caps the file at its current size with SQLite's `max_page_count` on the core's own
 * connection (as tests/integration/disk-full.test.ts does), so a save that needs room fails with
 * SQLITE_FULL exactly as on a full disk. Delete the file and there is room again.
 *
 * Usage: node disk-full-serve.mjs DB_PATH (prints "Open URL" like `cairn serve`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../../electron/core/core.js';
import { startHttpHost } from '../../../electron/host/http.js';
import { findRendererDir } from '../../../electron/cli/serve.js';

const dbPath = path.resolve(process.argv[2] ?? '');
const flag = path.join(path.dirname(dbPath), 'disk-full');
const core = createCore({ dbPath });
const roomy = core.db.pragma('max_page_count', { simple: true }) as number;

const host = await startHttpHost({
  core: {
    call(method, input) {
      const full = fs.existsSync(flag);
      core.db.pragma(`max_page_count = ${full ? (core.db.pragma('page_count', { simple: true }) as number) : roomy}`);
      return core.call(method, input);
    },
  },
  rendererDir: findRendererDir(),
});
console.log(`Open ${host.openUrl}`);
const stop = () => void host.close().then(() => core.close());
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
