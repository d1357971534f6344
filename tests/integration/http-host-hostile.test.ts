import net from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../electron/host/http.js';
import { testCore } from '../helpers/temp.js';

let host: HttpHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

/** A raw HTTP/1.1 exchange, so every header (or its absence) is exactly what a hostile page could send. */
function raw(port: number, head: string, body = '{}'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.end(`${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`),
    );
    let text = '';
    socket.on('data', (c) => (text += c));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}
const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);

describe('the loopback HTTP host under attack', () => {
  it('refuses Host headers a rebinding or confused page could send, even with the token', async () => {
    host = await startHttpHost({ core: testCore(), port: 0 });
    const p = host.port;
    const api = (hostHeader: string | null) =>
      raw(
        p,
        [
          'POST /api/listDecisions HTTP/1.1',
          hostHeader === null ? null : `Host: ${hostHeader}`,
          'Content-Type: application/json',
          `X-Cairn-Token: ${host!.token}`,
        ]
          .filter(Boolean)
          .join('\r\n'),
      );
    for (const h of [
      `evil.example:${p}`,
      `127.0.0.1.nip.io:${p}`,
      `localhost.evil.example:${p}`,
      '127.0.0.1',
      `127.0.0.1:${p + 1}`,
      `[::1]:${p}`,
      `0.0.0.0:${p}`,
      `127.1:${p}`,
      `2130706433:${p}`,
    ]) {
      expect(status(await api(h)), h).toBe(421);
    }
    expect(status(await api(null))).toBeGreaterThanOrEqual(400);
    expect(status(await api(`127.0.0.1:${p}`))).toBe(200);
    expect(status(await api(`localhost:${p}`))).toBe(200);
  });

  it('refuses foreign and opaque Origins, and takes the token only from its header', async () => {
    host = await startHttpHost({ core: testCore(), port: 0 });
    const p = host.port;
    const call = (extra: string[], type = 'application/json') =>
      raw(
        p,
        ['POST /api/listDecisions HTTP/1.1', `Host: 127.0.0.1:${p}`, `Content-Type: ${type}`, ...extra].join('\r\n'),
      );
    for (const origin of [
      'null',
      'http://evil.example',
      `http://127.0.0.1:${p + 1}`,
      `https://127.0.0.1:${p}`,
      `http://localhost.evil.example:${p}`,
      'file://',
    ]) {
      expect(status(await call([`Origin: ${origin}`, `X-Cairn-Token: ${host.token}`])), origin).toBe(403);
    }
    expect(status(await call([`Origin: http://127.0.0.1:${p}`, `X-Cairn-Token: ${host.token}`]))).toBe(200);
    expect(status(await call([`Cookie: token=${host.token}`]))).toBe(401);
    expect(
      status(
        await raw(
          p,
          [
            `POST /api/listDecisions?token=${host.token} HTTP/1.1`,
            `Host: 127.0.0.1:${p}`,
            'Content-Type: application/json',
          ].join('\r\n'),
        ),
      ),
    ).toBe(401);
    // A form post (the one cross-site request a page can make without CORS) is refused for its type.
    expect(status(await call([`X-Cairn-Token: ${host.token}`], 'application/x-www-form-urlencoded'))).toBe(415);
    expect(status(await call([`X-Cairn-Token: ${host.token}`], 'text/plain'))).toBe(415);
  });

  it('listens on 127.0.0.1 only: other interfaces of this machine refuse the connection', async () => {
    host = await startHttpHost({ core: testCore(), port: 0 });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    // ::1 is loopback too, but the host binds the IPv4 one only.
    for (const address of [...others, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const s = net.connect({ host: address, port: host!.port, timeout: 2000 });
        s.on('connect', () => (s.destroy(), resolve('connected')));
        s.on('timeout', () => (s.destroy(), resolve('timeout')));
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});
