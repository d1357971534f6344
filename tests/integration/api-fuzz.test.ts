/**
 * Every API method, fed generated hostile input through each way in: the core's `call` (what IPC
 * and HTTP reach), the IPC wiring with structured-cloned payloads, the HTTP host with raw bodies,
 * and the CLI. Every answer must be an error envelope or a result that fits the method's output
 * schema; nothing may throw, crash, hang, echo a huge input back, or change a built-in prototype.
 * Methods come from METHOD_NAMES, so methods added later are fuzzed without touching this file.
 * Seeded (FUZZ_SEED to vary it): a failure names the seed, method and payload index to replay.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ERROR_CODES, METHOD_NAMES } from '../../shared/api/index.js';
import { runCli, COMMANDS } from '../../electron/cli/main.js';
import { startHttpHost, type HttpHost } from '../../electron/host/http.js';
import { registerIpc } from '../../electron/host/ipc.js';
import { APP_ORIGIN, channelFor } from '../../electron/host/window-settings.js';
import { inputJsonSchema, payload, prototypeFingerprint, rng, type FuzzContext } from '../helpers/fuzz.js';
import { createCore, type Core } from '../../electron/core/core.js';
import { fakePlatform } from '../helpers/temp.js';
import { recordFigures } from '../helpers/trust-figures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260301);
// 300 per method: each of the ~70 methods still meets every shape the generator draws (wrong types,
// hostile strings, prototype keys, huge and empty values) many times over; at 1,000 the valid calls
// (createSampleDecision alone made 1,000 decisions) grew the store until the file took two minutes.
const PER_METHOD = 300;
const HTTP_PER_METHOD = 40;
const IPC_PER_METHOD = 40;
const MAX_MESSAGE = 10_000;

const counts = { core: 0, ipc: 0, http: 0, cli: 0 };
const failures: string[] = [];
let prototypeChanged = false;
const baseline = prototypeFingerprint();

afterAll(() => {
  recordFigures('fuzz', {
    seed: SEED,
    methods: METHOD_NAMES.length,
    perMethod: PER_METHOD,
    ...counts,
    payloads: counts.core + counts.ipc + counts.http + counts.cli,
    crashes: failures.length,
    prototypeChanged,
    failures: failures.slice(0, 20),
  });
});

/** What is wrong with an answer, or null when it is a proper envelope. */
function judge(method: string, result: unknown): string | null {
  if (!result || typeof result !== 'object') return `not an envelope: ${String(result)}`;
  const r = result as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) {
    const out = api[method as keyof typeof api].output.safeParse(r.value);
    return out.success ? null : `result breaks the output schema: ${out.error.issues[0]?.message}`;
  }
  if (r.ok !== false || !r.error) return 'neither ok nor an error';
  if (!ERROR_CODES.includes(r.error.code as never)) return `unknown error code ${String(r.error.code)}`;
  if (typeof r.error.message !== 'string' || !r.error.message) return 'error without a message';
  if (r.error.message.length > MAX_MESSAGE)
    return `error message of ${r.error.message.length} characters (echoes the input?)`;
  // An unexpected exception inside a handler is a bug the fuzz found, not a validation answer.
  if (r.error.code === 'internal') return `internal error: ${r.error.message.slice(0, 300)}`;
  return null;
}

function checkPrototypes(where: string) {
  if (prototypeFingerprint() !== baseline || ({} as Record<string, unknown>).polluted !== undefined) {
    prototypeChanged = true;
    failures.push(`${where}: a built-in prototype changed`);
  }
}

let sandbox = '';
let ctx: FuzzContext;
let core: Core;
const cwd = process.cwd();

beforeAll(async () => {
  // One store and one folder for the whole file (the helpers' per-test cleanup would close them early).
  // In memory where the system has it: this test is about validation, and fsync would dominate its time.
  sandbox = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'cairn-fuzz-'));
  // Relative paths a payload names land in the sandbox, never in the checkout.
  process.chdir(sandbox);
  core = createCore({ dbPath: path.join(sandbox, 'fuzz.db'), platform: fakePlatform(), checkOutput: true });
  const ids: string[] = [];
  for (const title of ['Use PostgreSQL', 'Pick a broker', 'Adopt ADRs'])
    ids.push((await core.invoke('createDecision', { content: { title } })).id);
  ctx = { knownIds: ids, sandbox, cloneable: true };
});
afterAll(() => {
  core.close();
  process.chdir(cwd);
  fs.rmSync(sandbox, { recursive: true, force: true });
});

describe('generated hostile input', { timeout: 180_000 }, () => {
  it(`through core.call: ${PER_METHOD} payloads per API method`, async () => {
    for (const [m, method] of METHOD_NAMES.entries()) {
      const r = rng(SEED + m * 7919);
      const schema = inputJsonSchema(api[method].input);
      for (let i = 0; i < PER_METHOD; i++) {
        const input = payload(r, schema, ctx);
        let problem: string | null;
        try {
          const result = await core.call(method, input);
          problem = judge(method, result);
          const value = (result as { ok: boolean; value?: { id?: unknown } }).value;
          if (result.ok && typeof value?.id === 'string' && ctx.knownIds.length < 50) ctx.knownIds.push(value.id);
        } catch (e) {
          problem = `threw ${(e as Error)?.stack ?? String(e)}`;
        }
        counts.core++;
        if (problem) failures.push(`core ${method} #${i} (seed ${SEED}): ${problem}`);
      }
      checkPrototypes(`core ${method}`);
    }
    expect(failures).toEqual([]);
    expect(prototypeChanged).toBe(false);
  });

  it('through the IPC wiring, with structured-cloned payloads from the app frame', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    registerIpc({ handle: (channel: string, h: never) => void handlers.set(channel, h) } as never, core);
    const event = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };
    for (const [m, method] of METHOD_NAMES.entries()) {
      const r = rng(SEED + 1 + m * 104729);
      const schema = inputJsonSchema(api[method].input);
      for (let i = 0; i < IPC_PER_METHOD; i++) {
        let input: unknown;
        try {
          // What Electron does to every argument on its way from the renderer.
          input = structuredClone(payload(r, schema, ctx));
        } catch {
          continue;
        }
        let problem: string | null;
        try {
          problem = judge(method, await handlers.get(channelFor(method))!(event, input));
        } catch (e) {
          problem = `threw ${String(e)}`;
        }
        counts.ipc++;
        if (problem) failures.push(`ipc ${method} #${i}: ${problem}`);
      }
    }
    checkPrototypes('ipc');
    expect(failures).toEqual([]);
  });

  describe('through the HTTP host', () => {
    let host: HttpHost;
    beforeAll(async () => {
      host = await startHttpHost({ core, port: 0 });
    });
    afterAll(() => host.close());

    const post = (method: string, body: string | Buffer, contentType = 'application/json') =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: host.port,
            path: `/api/${encodeURIComponent(method)}`,
            method: 'POST',
            headers: { host: `127.0.0.1:${host.port}`, 'content-type': contentType, 'x-cairn-token': host.token },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    it(`a sample of ${HTTP_PER_METHOD} payloads per method, plus malformed bodies`, async () => {
      const jsonCtx = { ...ctx, cloneable: false };
      const bodies: [string, string | Buffer, string?][] = [];
      for (const [m, method] of METHOD_NAMES.entries()) {
        const r = rng(SEED + 2 + m * 1299709);
        const schema = inputJsonSchema(api[method].input);
        for (let i = 0; i < HTTP_PER_METHOD; i++) {
          let text: string;
          try {
            text = JSON.stringify(payload(r, schema, jsonCtx)) ?? 'null';
          } catch {
            continue;
          }
          // Multi-megabyte values were fed to the core above; over HTTP they are sent once, below.
          if (text.length < 1_000_000) bodies.push([method, text]);
        }
        bodies.push(
          [method, '{"unterminated": '],
          [method, Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
          [method, '{}', 'text/plain'],
          [method, ''],
        );
      }
      // The heavy bodies once, not per method: nesting past any parser's stack, a long run of tokens, a body near the size limit.
      const some = METHOD_NAMES[0]!;
      bodies.push(
        [some, '['.repeat(200_000) + ']'.repeat(200_000)],
        [some, '[]'.repeat(100_000)],
        [some, JSON.stringify({ content: { title: 'x'.repeat(15_000_000) } })],
      );
      bodies.push(
        ['__proto__', '{}'],
        ['constructor', '{}'],
        ['toString', '{}'],
        ['hasOwnProperty', '{}'],
        ['../../etc/passwd', '{}'],
        ['%E0%A4%A', '{}'],
      );
      for (const [method, body, type] of bodies) {
        const res = await post(method, body, type);
        counts.http++;
        let envelope: unknown;
        try {
          envelope = JSON.parse(res.body);
        } catch {
          failures.push(`http ${method}: answered ${res.status} without JSON`);
          continue;
        }
        const ok = (envelope as { ok?: boolean }).ok === true;
        const problem = METHOD_NAMES.includes(method as never)
          ? judge(method, envelope)
          : ok
            ? 'unknown method answered ok'
            : null;
        if (problem) failures.push(`http ${method} (${body.length} bytes): ${problem}`);
        if (ok !== (res.status === 200)) failures.push(`http ${method}: status ${res.status} with ok=${ok}`);
      }
      // The server is still there and still right.
      expect(JSON.parse((await post('listDecisions', '{}')).body)).toMatchObject({ ok: true });
      checkPrototypes('http');
      expect(failures).toEqual([]);
    });
  });

  it('through the CLI: hostile decision files for `new --from` and odd arguments for every command', async () => {
    const io = { out: () => undefined, err: () => undefined };
    const db = path.join(sandbox, 'cli.db');
    const r = rng(SEED + 3);
    const schema = inputJsonSchema(api.createDecision.input);
    const file = path.join(sandbox, 'decision.json');
    for (let i = 0; i < 60; i++) {
      const p = payload(r, schema, { ...ctx, cloneable: false }) as { content?: unknown } | null;
      let text: string;
      try {
        text = JSON.stringify(p && typeof p === 'object' && 'content' in p ? p.content : p) ?? 'null';
      } catch {
        continue;
      }
      fs.writeFileSync(file, i % 10 === 9 ? text.slice(0, text.length >> 1) : text);
      const code = await runCli(['new', '--from', file, '--db', db], io, {});
      counts.cli++;
      if (![0, 1, 2].includes(code)) failures.push(`cli new --from #${i}: exit ${code}`);
    }
    const odd = [
      '--',
      '-x',
      '--nope',
      '--db',
      '',
      '\u0000',
      'A'.repeat(100_000),
      '--json=maybe',
      '--status',
      'nonsense',
      '__proto__',
      '../../etc/passwd',
      '--port',
      '-1',
    ];
    // serve and mcp keep running (mcp is fuzzed in its own process: mcp.test.ts); everything else must answer and exit.
    for (const command of COMMANDS.filter((c) => c.name !== 'serve' && c.name !== 'mcp')) {
      for (let i = 0; i < 12; i++) {
        const args = Array.from({ length: Math.floor(r() * 4) }, () => odd[Math.floor(r() * odd.length)]!);
        let code: number;
        try {
          code = await runCli([command.name, ...args, '--db', db], io, {});
        } catch (e) {
          failures.push(`cli ${command.name} ${JSON.stringify(args).slice(0, 200)}: threw ${String(e)}`);
          continue;
        }
        counts.cli++;
        if (![0, 1, 2].includes(code)) failures.push(`cli ${command.name}: exit ${code}`);
      }
    }
    checkPrototypes('cli');
    expect(failures).toEqual([]);
  });
});
