// Running the suite's shell commands: each one's output whole when it ends (so a log of several at
// once stays readable), or streamed for the one a person watches. Used by scripts/parallel.mjs
// (`npm run check`) and scripts/test.mjs (`npm test`).
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

/**
 * Runs `command` in a shell and resolves with whether it passed. `background` runs it at a low
 * priority (`nice`), so it takes only the cores the foreground leaves idle; `stream` passes its
 * output through as it comes instead of holding it until the end.
 */
export function run(command, { background = false, stream = false } = {}) {
  const shellCommand = background && process.platform !== 'win32' ? `nice -n 10 ${command}` : command;
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(shellCommand, {
      shell: true,
      stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'],
    });
    const chunks = [];
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr?.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`${ok ? '✓' : '✗'} ${command} (${seconds} s${ok ? '' : `, ${signal ?? `exit ${code}`}`})\n`);
      const output = Buffer.concat(chunks).toString();
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : output + '\n');
      resolve(ok);
    });
  });
}

/** Runs the commands in `lanes` lanes, each lane taking the next command when its last one ends; resolves with those that failed. */
export async function runLanes(commands, lanes, options = {}) {
  const failed = [];
  let next = 0;
  const lane = async () => {
    while (next < commands.length) {
      const command = commands[next++];
      if (!(await run(command, options))) failed.push(command);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, commands.length)) }, lane));
  return failed;
}
