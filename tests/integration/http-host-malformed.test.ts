/**
 * Malformed raw requests over real loopback sockets: bad request lines, request targets that are
 * not paths (`http://[/`), broken percent-encoding (`/api/%E0%A4%A`), bad headers and bodies.
 * Every one must be answered with 400, and the server must keep serving: a good request is
 * checked after every batch. The generator is seeded, so a failure repeats. The count is written
 * for the trust report (scripts/trust-report.mjs).
 */
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../electron/host/http.js';
import { rng, type Rng } from '../helpers/fuzz.js';
import { testCore } from '../helpers/temp.js';
import { recordFigures } from '../helpers/trust-figures.js';

const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 11);
const PER_KIND = 120;
const BATCH = 16;

/** Sends bytes on a fresh connection, half-closes, and reads until the server closes (bounded). */
function exchange(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const hex = (n: number) => `%${n.toString(16).toUpperCase().padStart(2, '0')}`;

/** A percent-encoded sequence that is not valid UTF-8 (or not percent-encoding at all). */
function badPercent(r: Rng): string {
  const lead = 0xc2 + Math.floor(r() * 0x32); // a multi-byte lead byte
  const cont = () => 0x80 + Math.floor(r() * 0x40);
  return pick(r, [
    () => `${hex(0xe0)}${hex(0xa4)}%A`, // the reported one: cut inside an escape
    () => `${hex(lead)}`, // a lead byte with nothing after it
    () => `${hex(cont())}`, // a lone continuation byte
    () => `${hex(0xc0)}${hex(0xaf)}`, // overlong
    () => `${hex(0xed)}${hex(0xa0 + Math.floor(r() * 0x20))}${hex(cont())}`, // a UTF-16 surrogate
    () => `${hex(0xf4)}${hex(0x90 + Math.floor(r() * 0x30))}${hex(cont())}${hex(cont())}`, // past U+10FFFF
    () => `%${pick(r, ['G', 'Z', 'g', '%', '-', ''])}${pick(r, ['1', 'x', ''])}`, // not an escape
    () => `${hex(0xf0)}${hex(0x9f)}${hex(0x98)}`, // a four-byte sequence cut short
  ])();
}

function requests(port: number, token: string): { kind: string; bytes: Buffer }[] {
  const r = rng(SEED);
  const host = `Host: 127.0.0.1:${port}`;
  const api = (target: string, extra: string[] = [], body = '{}') =>
    Buffer.from(
      [
        `POST ${target} HTTP/1.1`,
        host,
        'Content-Type: application/json',
        `X-Cairn-Token: ${token}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        ...extra,
        '',
        body,
      ].join('\r\n'),
      'latin1',
    );
  const get = (target: string, extra: string[] = []) =>
    Buffer.from([`GET ${target} HTTP/1.1`, host, ...extra, '', ''].join('\r\n'), 'latin1');
  const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
  const methods = ['listDecisions', 'getDecision', 'runImport', 'x', ''];
  const kinds: Record<string, () => Buffer> = {
    // Request targets that are not a path on this server.
    target: () =>
      get(
        pick(r, [
          'http://[/',
          'http://[::1',
          'http://[',
          `http://127.0.0.1:${port}/`,
          'https://evil.example/api/x',
          '*',
          '//evil.example/',
          'http:',
          '[',
          'a/b',
          `/api/x#${badPercent(r)}`.replace('#', '\u0000'),
        ]),
        pick(r, [[], [`X-Cairn-Token: ${token}`]]),
      ),
    'target-no-host': () => Buffer.from(`GET ${pick(r, ['http://[/', '*', 'http://['])} HTTP/1.1\r\n\r\n`, 'latin1'),
    // Broken percent-encoding in API method names and page paths.
    // What follows a bad sequence starts with a character that cannot complete it.
    'api-encoding': () => api(`/api/${pick(r, methods)}${badPercent(r)}${pick(r, ['', '-x', `-${badPercent(r)}`])}`),
    'page-encoding': () =>
      get(`/${pick(r, ['', 'assets/', 'decisions/'])}${badPercent(r)}${pick(r, ['', '.js', `-${badPercent(r)}`])}`),
    // Request lines Node's parser rejects.
    'request-line': () =>
      Buffer.concat([
        Buffer.from(
          pick(r, [
            `GET / HTTP/9.${Math.floor(r() * 9)}`,
            'GET /',
            `G${String.fromCharCode(Math.floor(r() * 32))}T / HTTP/1.1`,
            `GET /${String.fromCharCode(Math.floor(r() * 32))} HTTP/1.1`,
            'GET / HTTP/1.1 trailing',
            ' / HTTP/1.1',
            `GET / HTTP/1.${Math.floor(r() * 9) + 2}x`,
            'GET / XTTP/1.1',
          ]),
          'latin1',
        ),
        Buffer.from(`\r\n${host}\r\n\r\n`),
      ]),
    garbage: () =>
      Buffer.concat([
        randomBytes(1 + Math.floor(r() * 60)).map((b) =>
          b === 0x0d || b === 0x0a || (b >= 0x41 && b <= 0x5a) ? 0x00 : b,
        ),
        Buffer.from('\r\n\r\n'),
      ]),
    // Header lines Node's parser rejects.
    headers: () =>
      api(`/api/listDecisions`, [
        pick(r, [
          'No colon here',
          'Bad Name: x',
          `X-Null: a${'\u0000'}b`,
          ' folded: continuation',
          `X-Ctl: a${String.fromCharCode(1 + Math.floor(r() * 8))}b`,
          'Content-Length: 2',
          'Transfer-Encoding: chunked',
          ': empty name',
          `X-${'\u007f'}: x`,
        ]),
      ]),
    'content-length': () =>
      Buffer.from(
        [
          `POST /api/listDecisions HTTP/1.1`,
          host,
          'Content-Type: application/json',
          `X-Cairn-Token: ${token}`,
          `Content-Length: ${pick(r, ['abc', '-1', '1e3', '0x10', '2 3', '+4'])}`,
          '',
          '{}',
        ].join('\r\n'),
      ),
    chunked: () =>
      Buffer.from(
        [
          `POST /api/listDecisions HTTP/1.1`,
          host,
          'Content-Type: application/json',
          `X-Cairn-Token: ${token}`,
          'Transfer-Encoding: chunked',
          '',
          `${pick(r, ['zz', '-1', 'fffffffffffffffffff', '2;\u0000', '1'])}\r\n{}\r\n0\r\n\r\n`,
        ].join('\r\n'),
        'latin1',
      ),
    // Bodies that are not JSON.
    body: () =>
      api(
        '/api/listDecisions',
        [],
        pick(r, ['{', '{"a":', '\u00ff\u00fe{}', 'nul', '[1,]', '{"a":1}}', `"${'\\'}u12"`]),
      ),
  };
  const out: { kind: string; bytes: Buffer }[] = [];
  for (const [kind, make] of Object.entries(kinds))
    for (let i = 0; i < PER_KIND; i++) out.push({ kind, bytes: make() });
  return out;
}

let host: HttpHost | null = null;
afterAll(async () => host?.close());

describe('the loopback HTTP host and malformed requests', () => {
  it('answers every malformed raw request with 400 and keeps serving', async () => {
    host = await startHttpHost({ core: testCore(), port: 0 });
    const good = Buffer.from(
      `POST /api/listDecisions HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nX-Cairn-Token: ${host.token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    const all = requests(host.port, host.token);
    expect(all.length).toBeGreaterThanOrEqual(1000);
    const wrong: string[] = [];
    let serving = 0;
    for (let at = 0; at < all.length; at += BATCH) {
      const batch = all.slice(at, at + BATCH);
      const answers = await Promise.all(batch.map((q) => exchange(host!.port, q.bytes)));
      answers.forEach((a, i) => {
        if (statusOf(a) !== 400)
          wrong.push(
            `${batch[i]!.kind} ${JSON.stringify(batch[i]!.bytes.toString('latin1').slice(0, 80))} -> ${JSON.stringify(a.slice(0, 40))}`,
          );
      });
      if (statusOf(await exchange(host.port, good)) === 200) serving++;
    }
    recordFigures('http-malformed', {
      requests: all.length,
      wrong: wrong.length,
      stoppedServing: Math.ceil(all.length / BATCH) - serving,
      seed: SEED,
    });
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(serving).toBe(Math.ceil(all.length / BATCH));
  }, 120_000);
});
