// Runs shell commands side by side, as many at once as the machine has cores, and prints each
// one's output whole when it ends (so the log stays readable). Exits 1 when any command failed,
// after all have run, naming them. Used by `npm run check` (and so `npm test`):
//   node scripts/parallel.mjs "eslint ." "npm run -s typecheck"
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import os from 'node:os';

const commands = process.argv.slice(2);
const slots = Math.max(1, Number(process.env.CAIRN_PARALLEL) || os.availableParallelism());
const failed = [];
let next = 0;

function run(command) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function lane() {
  while (next < commands.length) await run(commands[next++]);
}
await Promise.all(Array.from({ length: Math.min(slots, commands.length) }, lane));
if (failed.length) {
  console.error(`Failed: ${failed.join('; ')}`);
  process.exit(1);
}
