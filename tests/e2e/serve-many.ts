/**
 * Test-only, never part of the app: `cairn serve` run many times, one store after another, in one
 * long-lived process per Playwright worker (tests/e2e/fixtures.ts). Each run is the real command
 * (`runCli(['serve', '--db', PATH])`: the same argument parsing, store opening, HTTP host and
 * token as the installed `cairn serve`), so a test still gets its own store, server and token;
 * only the Node start and the loading of the CLI's modules (most of a `cairn serve` start) are
 * paid once per worker instead of once per test.
 *
 * Protocol, one JSON object per line. On stdin: `{"serve": DB_PATH}` starts a run (one at a time),
 * `{"stop": true}` stops it the way Ctrl+C does. On stdout: `{"out": TEXT}` and `{"err": TEXT}`
 * for what the command prints, then `{"exit": CODE}` when the run ends. The process ends when
 * stdin closes.
 */
import { createInterface } from 'node:readline';
import { runCli } from '../../electron/cli/main.js';

const send = (message: Record<string, unknown>) => process.stdout.write(JSON.stringify(message) + '\n');
let running: Promise<void> | null = null;

createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line) as { serve?: string; stop?: boolean };
  if (message.serve !== undefined) {
    if (running) {
      send({ err: 'serve-many: a run is still going; stop it first.' });
      send({ exit: 1 });
      return;
    }
    const dbPath = message.serve;
    const before = new Set([...process.listeners('SIGINT'), ...process.listeners('SIGTERM')]);
    running = runCli(['serve', '--db', dbPath], {
      out: (text) => send({ out: text }),
      err: (text) => send({ err: text }),
    }).then((code) => {
      // The command listens for SIGINT and SIGTERM once each; the one left unused goes with the run.
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        for (const listener of process.listeners(signal)) if (!before.has(listener)) process.off(signal, listener);
      running = null;
      send({ exit: code });
    });
  } else if (message.stop) {
    // What `cairn serve` listens for: the command closes its host and its store, then returns.
    process.emit('SIGTERM', 'SIGTERM');
  }
});
process.stdin.on('end', () => process.exit(0));
