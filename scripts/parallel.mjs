// Runs shell commands side by side, as many at once as the machine has cores, and prints each
// one's output whole when it ends (so the log stays readable). Exits 1 when any command failed,
// after all have run, naming them. Used by `npm run check`:
//   node scripts/parallel.mjs "eslint ." "npm run -s typecheck"
// With `--beside CMD` first, CMD runs in the foreground (its output as it comes) and the other
// commands run beside it at the lowest CPU priority, so they take only the time CMD leaves
// unused. `npm test` runs its checks so beside the browser tests, which wait on the page about a
// quarter of their time:
//   node scripts/parallel.mjs --beside "playwright test" "eslint ." "prettier --check ."
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import os from 'node:os';

const args = process.argv.slice(2);
const beside = args[0] === '--beside' ? args[1] : null;
const commands = beside === null ? args : args.slice(2);
const slots = Math.max(1, Number(process.env.CAIRN_PARALLEL) || os.availableParallelism());
const failed = [];
let next = 0;

/** Starts a command through the shell; `idle`: at the lowest CPU priority (nice 19 / Windows' idle class). */
function start(command, idle, stdio) {
  const posix = process.platform !== 'win32';
  const child = spawn(idle && posix ? `nice -n 19 ${command}` : command, { shell: true, stdio });
  if (idle && !posix) os.setPriority(child.pid, os.constants.priority.PRIORITY_LOWEST);
  return child;
}

function run(command) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = start(command, beside !== null, ['ignore', 'pipe', 'pipe']);
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      if (!ok) failed.push(command);
      process.stdout.write(`${ok ? '✓' : '✗'} ${command} (${seconds} s${ok ? '' : `, ${signal ?? `exit ${code}`}`})\n`);
      const output = Buffer.concat(chunks).toString();
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : output + '\n');
      resolve();
    });
  });
}

function foreground(command) {
  return new Promise((resolve) => {
    start(command, false, 'inherit').on('close', (code) => {
      if (code !== 0) failed.push(command);
      resolve();
    });
  });
}

async function lane() {
  while (next < commands.length) await run(commands[next++]);
}
await Promise.all([
  ...(beside === null ? [] : [foreground(beside)]),
  ...Array.from({ length: Math.min(slots, commands.length) }, lane),
]);
if (failed.length) {
  console.error(`Failed: ${failed.join('; ')}`);
  process.exit(1);
}
