// `npm test` after its first step (a Chromium, scripts/ensure-chromium.ts): everything CI runs,
// arranged so that two cores stay busy. The browser tests mostly wait (on the app's debounces, on
// page loads), so the typecheck, lint and format check run beside the whole run at a low priority
// and take only the cores the tests leave idle; the tests themselves run one after another in the
// foreground, their output streamed. Every part runs even when an earlier one failed, so one run
// reports every failure; the exit code is 1 when any failed, and the last lines name them.
import os from 'node:os';
import { run, runLanes } from './commands.mjs';

const started = Date.now();
const failed = [];
const step = async (command) => {
  if (!(await run(command, { stream: true }))) failed.push(command);
};

await step('node scripts/trust-report.mjs --reset');
const checks = runLanes(['tsc -b', 'eslint .', 'prettier --check .'], os.availableParallelism(), { background: true });
// The browser tests load the built renderer.
const built = await run('vite build --logLevel warn', { stream: true });
if (!built) failed.push('vite build');
await step('vitest run');
if (built) await step('playwright test');
else console.error('Skipped the browser tests: the renderer did not build (see above).');
failed.push(...(await checks));
if (!failed.length) await step('node scripts/trust-report.mjs');

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failed.length) {
  console.error(`npm test failed after ${minutes} min: ${failed.join('; ')}`);
  process.exit(1);
}
console.log(`npm test passed in ${minutes} min.`);
