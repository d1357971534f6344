// `npm test` after the Chromium step: everything CI runs, in two lanes side by side.
//
// The browser lane (Playwright) is the longest part and often waits (on a debounce, a server, a
// page load), so it runs at normal priority with its output live. The node lane (ESLint, the
// format check and the typecheck side by side, then every vitest project) runs at a lower
// priority and fills those waits: on 2 cores the two lanes together took less time than the
// browser lane after the others. Each node-lane step's output is printed whole when it ends.
// The trust report closes the run; the exit code is 1 when any step failed, naming them.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import os from 'node:os';

/** The node lane's steps, in order; `check` (package.json) runs the same three side by side. */
const NODE_LANE = ['node scripts/parallel.mjs "eslint ." "prettier --check ." "npm run -s typecheck"', 'vitest run'];
const BROWSER_LANE = ['playwright test'];
/** Below normal, so the browser lane's timing-sensitive steps get the cores first. */
const NODE_LANE_NICENESS = Number(process.env.CAIRN_NODE_LANE_NICE ?? 10);

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

/** Runs one command; with `live` its output goes straight through, else it is returned whole. */
function run(command, live) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, { shell: true, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr?.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) =>
      resolve({
        command,
        ok: code === 0,
        how: signal ?? `exit ${code}`,
        took: seconds(started),
        output: Buffer.concat(chunks).toString(),
      }),
    );
  });
}

if (process.argv[2] === '--node-lane') {
  // This process and everything it starts (vitest's workers, ESLint…) run at the lane's priority.
  try {
    os.setPriority(NODE_LANE_NICENESS);
  } catch {
    // Not allowed here (some containers): the lane still runs, only without the lower priority.
  }
  for (const command of NODE_LANE) {
    const result = await run(command, false);
    const mark = result.ok ? '✓' : '✗';
    process.stdout.write(
      `\n── ${mark} ${command} (${result.took}${result.ok ? '' : `, ${result.how}`})\n${result.output}`,
    );
    if (!result.ok) process.exit(1);
  }
  process.exit(0);
}

const failed = [];
const step = async (command, live = true) => {
  const result = await run(command, live);
  if (!result.ok) failed.push(command);
  return result.ok;
};

const started = Date.now();
await step('node scripts/trust-report.mjs --reset');
// The browser tests serve the built renderer; built once, before either lane starts.
if (await step('vite build --logLevel warn')) {
  console.log(`Browser tests, with the checks and vitest beside them at a lower priority (their output as each ends)…`);
  const nodeLane = run(`"${process.execPath}" scripts/test.mjs --node-lane`, true).then((r) => {
    if (!r.ok) failed.push('the checks or vitest (see ✗ above)');
  });
  for (const command of BROWSER_LANE) await step(command);
  await nodeLane;
  if (!failed.length) await step('node scripts/trust-report.mjs');
}
console.log(`\nnpm test ${failed.length ? 'failed' : 'passed'} in ${seconds(started)}.`);
if (failed.length) {
  console.error(`Failed: ${failed.join('; ')}`);
  process.exit(1);
}
