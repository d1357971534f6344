// `npm run screenshots`: walks every main screen in both themes (tests/e2e/screenshots.spec.ts)
// and writes the PNGs into docs/screenshots/ for the README. A plain `playwright test` run takes
// the same pictures into test-results/ instead, so it never changes committed files.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('@playwright/test/cli');
const run = spawnSync(
  process.execPath,
  [cli, 'test', 'tests/e2e/screenshots.spec.ts', '--workers=1', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, CAIRN_SCREENSHOTS_DIR: 'docs/screenshots' },
  },
);
process.exit(run.status ?? 1);
