/**
 * `cairn mcp` as an assistant meets it: the real CLI process (bundled, as the installed `cairn`
 * runs it) on a real SQLite file, driven by the official SDK's client, and by raw bytes for what
 * no well-behaved client sends. FUZZ_SEED=N replays another seed of the fuzz.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core.js';
import { MAX_RESULT_CHARS } from '../../electron/host/mcp/bound.js';
import { MAX_LINE_BYTES } from '../../electron/host/mcp/transport.js';
import { ASSISTANT_TAG } from '../../electron/host/mcp/tools.js';
import { addDays } from '../../shared/review.js';
import { bundleCli } from '../helpers/cli-bundle.js';
import { inputJsonSchema, payload, rng } from '../helpers/fuzz.js';
import { tempDir } from '../helpers/temp.js';
import { TOOLS } from '../../electron/host/mcp/tools.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let CLI: string[] = [];
beforeAll(async () => {
  CLI = [await bundleCli('mcp'), 'mcp'];
});
const today = new Date().toISOString().slice(0, 10);

/** A store with the sample decision (cited claims, scores) overdue for review, and a second one later. */
async function seed(dbPath: string) {
  const core = createCore({ dbPath, backups: false });
  const sample = await core.invoke('createSampleDecision', {});
  const s = await core.invoke('getDecision', { id: sample.id });
  const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = s;
  await core.invoke('updateDecision', {
    id: s.id,
    baseRevision: s.revision,
    content: {
      ...content,
      status: 'accepted',
      reviewBy: addDays(today, -10),
      reviewTriggers: ['when the team adopts a second runtime'],
    },
  });
  const other = await core.invoke('createDecision', {
    content: {
      title: 'Keep sessions in Redis',
      reviewBy: addDays(today, 300),
      options: [{ id: 'o1', name: 'Redis' }],
      drivers: [{ id: 'd1', name: 'Latency' }],
    },
  });
  core.close();
  return { sample: s, other };
}

type Text = { type: string; text: string };
const text = (r: unknown) => (r as { content: Text[] }).content[0]!.text;

describe('cairn mcp, with the SDK client', () => {
  const dir = tempDir();
  const db = path.join(dir, 'cairn.db');
  let client: Client;
  let stderr = '';

  afterAll(async () => {
    await client?.close();
  });

  it('initializes, lists tools, searches, gets a decision with citations, lists what is due, reads a resource', async () => {
    const { sample, other } = await seed(db);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [...CLI, '--db', db],
      cwd: ROOT,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    client = new Client({ name: 'cairn-test', version: '1.0.0' });
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('cairn');
    expect(client.getInstructions()).toMatch(/Read-only/);

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'compare_decisions',
      'find_precedents',
      'get_decision',
      'list_claims',
      'list_decisions',
      'list_due',
      'search_decisions',
    ]);
    for (const t of tools) expect(t.inputSchema.type).toBe('object');

    const found = await client.callTool({ name: 'search_decisions', arguments: { query: 'Redis' } });
    expect((found.structuredContent as { hits: { id: string }[] }).hits.map((h) => h.id)).toContain(other.id);

    const got = await client.callTool({ name: 'get_decision', arguments: { id: sample.id } });
    const body = got.structuredContent as {
      markdown: string;
      decision: { title: string; reviewBy: string };
      citations: { citation: { source: { title: string } | null; anchor: string } }[];
    };
    expect(body.decision.title).toBe(sample.title);
    expect(body.markdown).toMatch(/^---\nstatus: accepted\n/);
    expect(body.markdown).toContain(`review-by: ${addDays(today, -10)}`);
    expect(body.markdown).toMatch(/\n\[\^[\w-]+\]: /);
    expect(body.citations.length).toBeGreaterThan(3);
    expect(body.citations.every((c) => c.citation.source?.title && c.citation.anchor)).toBe(true);

    const due = await client.callTool({ name: 'list_due', arguments: { within: 0 } });
    expect(due.structuredContent).toMatchObject({
      today,
      overdue: 1,
      items: [{ id: sample.id, overdue: true, days: -10, triggers: ['when the team adopts a second runtime'] }],
    });

    const option = sample.options[0]!;
    const driver = sample.drivers[0]!;
    const claims = await client.callTool({
      name: 'list_claims',
      arguments: { id: sample.id, option: option.name, criterion: driver.name },
    });
    const cell = claims.structuredContent as {
      cells: { score: number | null }[];
      claims: { option: string; criterion: string; citation: { source: unknown } }[];
    };
    expect(cell.cells).toHaveLength(1);
    expect(cell.claims.length).toBeGreaterThan(0);
    expect(cell.claims.every((c) => c.option === option.name && c.criterion === driver.name && c.citation.source)).toBe(
      true,
    );

    const resources = await client.listResources();
    expect(resources.resources.map((r) => r.uri).sort()).toEqual(
      [`cairn://decisions/${sample.id}`, `cairn://decisions/${other.id}`].sort(),
    );
    const read = await client.readResource({ uri: `cairn://decisions/${other.id}` });
    expect((read.contents[0] as { text: string }).text).toMatch(
      /^---\nstatus: proposed\n[\s\S]*# Keep sessions in Redis/,
    );

    const compared = await client.callTool({ name: 'compare_decisions', arguments: { ids: [sample.id, other.id] } });
    expect(compared.isError).toBeFalsy();
    const precedents = await client.callTool({ name: 'find_precedents', arguments: { id: other.id } });
    expect(precedents.isError).toBeFalsy();
  }, 60_000);

  it('answers bad calls with JSON-RPC errors or error results, and keeps going', async () => {
    await expect(client.callTool({ name: 'no_such_tool', arguments: {} })).rejects.toThrow(/-32602.*no tool/);
    await expect(client.callTool({ name: 'get_decision', arguments: { id: 42 } })).rejects.toThrow(
      /-32602.*expected string/,
    );
    await expect(client.callTool({ name: 'draft_decision', arguments: { title: 'x' } })).rejects.toThrow(
      /--allow-writes/,
    );
    await expect(
      client.callTool({ name: 'search_decisions', arguments: { query: 'x'.repeat(50_000) } }),
    ).rejects.toThrow(/-32602/);
    const missing = await client.callTool({ name: 'get_decision', arguments: { id: 'nope' } });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/No decision with id "nope"/);
    // Still serving.
    expect((await client.listTools()).tools.length).toBe(7);
    expect(stderr).toMatch(/read-only/);
  });
});

describe('cairn mcp --allow-writes', () => {
  it('drafts land as proposed decisions tagged for a person; claims only on proposed ones', async () => {
    const db = path.join(tempDir(), 'writes.db');
    const { sample } = await seed(db);
    const client = new Client({ name: 'cairn-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [...CLI, '--allow-writes', '--db', db],
        cwd: ROOT,
        stderr: 'ignore',
      }),
    );
    try {
      const drafted = await client.callTool({
        name: 'draft_decision',
        arguments: { title: 'Pick a message broker', options: ['Kafka', 'RabbitMQ'], criteria: ['Operations'] },
      });
      const id = (drafted.structuredContent as { id: string }).id;
      const claim = await client.callTool({
        name: 'add_claim',
        arguments: {
          id,
          option: 'Kafka',
          criterion: 'Operations',
          effect: 'bad',
          summary: 'Needs a dedicated team to run.',
          source: { title: 'Ops notes' },
          anchor: 'a dedicated team',
        },
      });
      expect(claim.isError, text(claim)).toBeFalsy();
      const refused = await client.callTool({
        name: 'add_claim',
        arguments: {
          id: sample.id,
          option: sample.options[0]!.name,
          criterion: sample.drivers[0]!.name,
          effect: 'good',
          summary: 'x',
        },
      });
      expect(refused.isError).toBe(true);
      expect(text(refused)).toMatch(/proposed decisions only/);
    } finally {
      await client.close();
    }
    const core = createCore({ dbPath: db, backups: false });
    const { items } = await core.invoke('listDecisions', { tag: ASSISTANT_TAG });
    expect(items.map((d) => [d.title, d.status])).toEqual([['Pick a message broker', 'proposed']]);
    const d = await core.invoke('getDecision', { id: items[0]!.id });
    expect(d.evaluation.claims).toMatchObject([
      { effect: 'bad', own: true, source: { title: 'Ops notes' }, anchor: 'a dedicated team' },
    ]);
    core.close();
  }, 60_000);
});

/** The raw process: lines in, lines out. */
function raw(db: string) {
  const child = spawn(process.execPath, [...CLI, '--db', db], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  const lines: string[] = [];
  let buffer = '';
  const waiters: { id: number; resolve: (m: Record<string, unknown>) => void }[] = [];
  const byId = new Map<number | string | null, Record<string, unknown>[]>();
  child.stdout.on('data', (b: Buffer) => {
    buffer += b.toString('utf8');
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      const message = JSON.parse(line) as Record<string, unknown>;
      const id = (message.id ?? null) as number | null;
      byId.set(id, [...(byId.get(id) ?? []), message]);
      for (const w of waiters.filter((x) => x.id === id)) w.resolve(message);
    }
  });
  return {
    child,
    lines,
    byId,
    send: (text: string | Buffer) => child.stdin.write(text),
    answer: (id: number) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const have = byId.get(id)?.[0];
        if (have) return resolve(have);
        const t = setTimeout(
          () => reject(new Error(`no answer to request ${id}; stdout so far: ${lines.slice(-3).join(' | ')}`)),
          30_000,
        );
        waiters.push({ id, resolve: (m) => (clearTimeout(t), resolve(m)) });
      }),
  };
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

describe('cairn mcp on hostile bytes', () => {
  it('a malformed message gets a JSON-RPC error and the next request is answered', async () => {
    const db = path.join(tempDir(), 'raw.db');
    await seed(db);
    const p = raw(db);
    try {
      p.send(INIT + '\n');
      expect(await p.answer(1)).toMatchObject({ id: 1, result: { serverInfo: { name: 'cairn' } } });
      p.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
      p.send('{"jsonrpc":"2.0","id":2,"method":\n');
      p.send('{"jsonrpc":"1.0","id":3,"method":"tools/list"}\n');
      p.send(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/list' }) + '\n');
      expect(await p.answer(4)).toMatchObject({ id: 4, result: { tools: expect.any(Array) } });
      expect(p.byId.get(null)).toEqual([
        { jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.stringMatching(/Parse error/) } },
      ]);
      expect(p.byId.get(3)).toEqual([
        { jsonrpc: '2.0', id: 3, error: { code: -32600, message: expect.stringMatching(/Invalid Request/) } },
      ]);
      // Two megabytes on one line: refused, skipped to its newline, and the server carries on.
      p.send(
        `{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"search_decisions","arguments":{"query":"${'a'.repeat(2_000_000)}"}}}\n`,
      );
      p.send(
        JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'list_due', arguments: {} } }) +
          '\n',
      );
      expect(await p.answer(6)).toMatchObject({ id: 6, result: { structuredContent: { overdue: 1 } } });
      expect(p.byId.get(null)!.at(-1)).toMatchObject({
        error: { code: -32600, message: expect.stringMatching(/larger than 1000000 bytes/) },
      });
      expect(p.byId.has(5)).toBe(false);
    } finally {
      p.child.kill();
    }
  }, 60_000);

  it('fuzz: seeded hostile lines and tool arguments; every request answered, only JSON-RPC on stdout, never a crash', async () => {
    const seedNumber = Number(process.env.FUZZ_SEED ?? 2026);
    const r = rng(seedNumber);
    const dir = tempDir();
    const db = path.join(dir, 'fuzz.db');
    const seeded = await seed(db);
    const p = raw(db);
    const sandbox = path.join(dir, 'sandbox');
    fs.mkdirSync(sandbox);
    // JSON over a pipe: no values only structured clone can carry.
    const ctx = { sandbox, knownIds: [seeded.sample.id, seeded.other.id], cloneable: false };
    const schemas = TOOLS.filter((t) => !t.write).map((t) => ({ name: t.name, schema: inputJsonSchema(t.input) }));
    const junk = [
      '',
      '{',
      '[]',
      'null',
      '{"jsonrpc":"2.0"}',
      '{"jsonrpc":"2.0","id":{},"method":"x"}',
      '\u0000\u0001',
      '{"jsonrpc":"2.0","id":1e999,"method":"tools/list"}',
      '\uFFFF'.repeat(100),
      '{"__proto__":{"polluted":1}}',
    ];
    let id = 100;
    const expected: number[] = [];
    const sent = new Map<number, string>();
    let oversize = 0;
    try {
      p.send(INIT + '\n');
      await p.answer(1);
      for (let i = 0; i < 400; i++) {
        const roll = r();
        if (roll < 0.15) {
          p.send(junk[Math.floor(r() * junk.length)]! + '\n');
        } else if (roll < 0.2) {
          p.send(
            Buffer.from(
              Array.from({ length: 1 + Math.floor(r() * 200) }, () => Math.floor(r() * 256)).filter((b) => b !== 10),
            ),
          );
          p.send('\n');
        } else if (roll < 0.3) {
          const methods = [
            'tools/list',
            'resources/list',
            'resources/read',
            'prompts/list',
            'no/such',
            'tools/call',
            'initialize',
          ];
          const params =
            r() < 0.5 ? payload(r, {}, ctx) : { uri: `cairn://decisions/${'x'.repeat(Math.floor(r() * 300))}` };
          let line: string;
          try {
            line = JSON.stringify({
              jsonrpc: '2.0',
              id: id + 1,
              method: methods[Math.floor(r() * methods.length)],
              params,
            });
          } catch {
            continue;
          }
          ++id;
          // A line over the limit is skipped unread: its answer has id null (counted below).
          if (Buffer.byteLength(line) > MAX_LINE_BYTES) oversize++;
          else expected.push(id);
          sent.set(id, line);
          p.send(line + '\n');
        } else {
          const tool = schemas[Math.floor(r() * schemas.length)]!;
          const args = payload(r, tool.schema, ctx);
          const name = r() < 0.05 ? `${tool.name}_x` : tool.name;
          let line: string;
          try {
            line = JSON.stringify({
              jsonrpc: '2.0',
              id: id + 1,
              method: 'tools/call',
              params: { name, arguments: args },
            });
          } catch {
            continue; // nested deeper than JSON.stringify goes: no client could send it either
          }
          ++id;
          // A line over the limit is skipped unread: its answer has id null (counted below).
          if (Buffer.byteLength(line) > MAX_LINE_BYTES) oversize++;
          else expected.push(id);
          sent.set(id, line);
          p.send(line + '\n');
        }
      }
      const last = ++id;
      p.send(JSON.stringify({ jsonrpc: '2.0', id: last, method: 'tools/list' }) + '\n');
      expect(await p.answer(last)).toMatchObject({ result: { tools: expect.any(Array) } });
      for (const n of expected)
        await p
          .answer(n)
          .catch((e: Error) =>
            Promise.reject(new Error(`${e.message.slice(0, 60)}; it was: ${sent.get(n)?.slice(0, 600)}`)),
          );
      expect(p.child.exitCode).toBeNull();
      for (const line of p.lines) {
        const m = JSON.parse(line) as { jsonrpc: string; result?: { content?: Text[] }; error?: unknown };
        expect(m.jsonrpc).toBe('2.0');
        expect(line.length).toBeLessThan(3 * MAX_RESULT_CHARS);
        expect('result' in m || 'error' in m).toBe(true);
      }
      for (const n of expected) expect(p.byId.get(n)).toHaveLength(1);
      const tooLarge = (p.byId.get(null) ?? []).filter((m) => /larger than/.test(JSON.stringify(m)));
      expect(tooLarge).toHaveLength(oversize);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      fs.mkdirSync(path.join(ROOT, 'test-results/trust'), { recursive: true });
      fs.writeFileSync(
        path.join(ROOT, 'test-results/trust/mcp-fuzz.json'),
        JSON.stringify({
          seed: seedNumber,
          messages: 400,
          requests: expected.length,
          oversize,
          answered: expected.length,
          crashes: 0,
        }),
      );
    } finally {
      p.child.kill();
    }
  }, 120_000);
});
