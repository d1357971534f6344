import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleCli, bundleServeMany } from '../helpers/cli-bundle.js';
import { scratchRoot } from '../helpers/scratch.js';
import { CairnApp } from './pages/CairnApp.js';

export interface Served {
  url: string;
  dbPath: string;
  dataDir: string;
  /** Runs the CLI against the same database. */
  cli(...args: string[]): Promise<{ code: number; out: string; err: string }>;
  /** Calls the API the way the page does (with this run's token); throws on an error result. */
  api(method: string, input?: unknown): Promise<unknown>;
}

const root = path.resolve(import.meta.dirname, '../..');
// The CLI bundle the global setup built for this run (tests/e2e/global-setup.ts): a server or a
// CLI call starts in a fraction of what compiling electron/cli.ts with tsx each time costs.
let cliBundle: Promise<string> | undefined;
const cli = () => (cliBundle ??= bundleCli('e2e'));
const serveManyEntry = () => bundleServeMany();

async function runCli(dbPath: string, args: string[]) {
  const entry = await cli();
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [entry, ...args, '--db', dbPath], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

async function callApi(openUrl: string, method: string, input: unknown = {}): Promise<unknown> {
  const url = new URL(openUrl);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Cairn-Token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** Starts `cairn serve` on a fresh database and waits for the URL it prints. */
async function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const dbPath = path.join(dataDir, 'cairn.db');
  const child = spawn(process.execPath, [await cli(), 'serve', '--db', dbPath], {
    cwd: root,
    env: { ...process.env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`cairn serve did not print a URL: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`cairn serve exited with ${code}: ${out}`)));
  });
  return { child, url };
}

/**
 * One `serve-many` process per Playwright worker (tests/e2e/serve-many.ts): it runs the real
 * `cairn serve` command once per test, each time on that test's fresh data folder, so a test
 * pays for opening its store and not for starting Node and loading the CLI again.
 */
class ServeMany {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private waiting: (() => void) | null = null;
  private log = '';
  private ended = false;

  constructor(entry: string) {
    this.child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { ...process.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let partial = '';
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts.filter(Boolean));
      this.waiting?.();
    });
    this.child.stderr!.on('data', (chunk) => (this.log += chunk));
    this.child.on('exit', (code) => {
      this.ended = true;
      this.log += `\n(serve-many exited with ${code})`;
      this.waiting?.();
    });
  }

  /** The next message the process sends, or an error when it ended. */
  private async next(deadline: number): Promise<{ out?: string; err?: string; exit?: number }> {
    while (!this.lines.length) {
      if (this.ended) throw new Error(`serve-many stopped: ${this.log}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`serve-many did not answer in time: ${this.log}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = null;
    }
    return JSON.parse(this.lines.shift()!) as { out?: string; err?: string; exit?: number };
  }

  private send(message: unknown) {
    this.child.stdin!.write(JSON.stringify(message) + '\n');
  }

  /** `cairn serve --db DB_PATH`; resolves with the URL it prints. */
  async serve(dbPath: string): Promise<string> {
    this.send({ serve: dbPath });
    const deadline = Date.now() + 30_000;
    let printed = '';
    for (;;) {
      const message = await this.next(deadline);
      if (message.exit !== undefined) throw new Error(`cairn serve exited with ${message.exit}: ${printed}`);
      printed += `${message.out ?? message.err}\n`;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(message.out ?? '');
      if (m) return m[1]!;
    }
  }

  /** Stops the run the way Ctrl+C does and waits until its host and store are closed. */
  async stop(): Promise<void> {
    this.send({ stop: true });
    const deadline = Date.now() + 30_000;
    while ((await this.next(deadline)).exit === undefined);
  }

  async close(): Promise<void> {
    if (this.ended) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    await exited;
  }
}

export const test = base.extend<{ served: Served; app: CairnApp }, { serveMany: ServeMany }>({
  serveMany: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      const server = new ServeMany(await serveManyEntry());
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  served: async ({ serveMany }, use) => {
    const dataDir = fs.mkdtempSync(path.join(scratchRoot(), 'cairn-e2e-'));
    const dbPath = path.join(dataDir, 'cairn.db');
    const url = await serveMany.serve(dbPath);
    await use({
      url,
      dbPath,
      dataDir,
      cli: (...args) => runCli(dbPath, args),
      api: (method, input) => callApi(url, method, input),
    });
    await serveMany.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, served }, use) => {
    const app = new CairnApp(page, served.url);
    await app.open();
    await use(app);
  },
});

export { expect } from '@playwright/test';

/** Starts `cairn serve` on a data folder prepared beforehand (its cairn.db); the caller stops it. */
export const serveDataDir = serve;
/** Runs the CLI against any database, e.g. to prepare one before serving it. */
export const cairnCli = runCli;
