import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startHttpHost, type HttpHost } from '../../electron/host/http.js';
import { testCore } from '../helpers/temp.js';

let host: HttpHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

/** A raw request, so the Host header can be forged the way a DNS-rebinding page would. */
function request(
  port: number,
  opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path ?? '/api/listDecisions',
        method: opts.method ?? 'POST',
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body ?? '{}');
  });
}

describe('the loopback HTTP host', () => {
  it('binds 127.0.0.1 and answers a well-formed call', async () => {
    const core = testCore();
    host = await startHttpHost({ core, port: 0 });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.openUrl).toContain(`#token=${host.token}`);
    const res = await request(host.port, {
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-cairn-token': host.token },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a call without the token or with a wrong one', async () => {
    host = await startHttpHost({ core: testCore(), port: 0 });
    const base = { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json' };
    for (const headers of [
      base,
      { ...base, 'x-cairn-token': 'wrong' },
      { ...base, 'x-cairn-token': host.token + 'x' },
    ]) {
      const res = await request(host.port, { headers });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    host = await startHttpHost({ core: testCore(), port: 0 });
    const res = await request(host.port, {
      headers: { host: `evil.example:${host.port}`, 'content-type': 'application/json', 'x-cairn-token': host.token },
    });
    expect(res.status).toBe(421);
    const page = await request(host.port, { path: '/', method: 'GET', headers: { host: 'evil.example' } });
    expect(page.status).toBe(421);
  });

  it('refuses a foreign Origin even with the token', async () => {
    host = await startHttpHost({ core: testCore(), port: 0 });
    const res = await request(host.port, {
      headers: {
        host: `127.0.0.1:${host.port}`,
        origin: 'http://evil.example',
        'content-type': 'application/json',
        'x-cairn-token': host.token,
      },
    });
    expect(res.status).toBe(403);
  });

  it('answers malformed and invalid requests with an error envelope', async () => {
    const core = testCore();
    host = await startHttpHost({ core, port: 0 });
    const headers = { host: `localhost:${host.port}`, 'content-type': 'application/json', 'x-cairn-token': host.token };
    const bad = await request(host.port, { headers, body: '{not json' });
    expect(bad.status).toBe(400);
    const invalid = await request(host.port, {
      path: '/api/createDecision',
      headers,
      body: JSON.stringify({ content: { title: 42 } }),
    });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await request(host.port, { path: '/api/nope', headers });
    expect(unknown.status).toBe(404);
    const traversal = await request(host.port, {
      path: '/../../etc/passwd',
      method: 'GET',
      headers: { host: `127.0.0.1:${host.port}` },
    });
    expect(traversal.body).not.toContain('root:');
  });
});
