/**
 * The loopback HTTP host: the renderer in a browser, talking to the same core.
 * Policy: binds 127.0.0.1 only; every API call needs this run's random token; the Host header
 * must name this server (DNS rebinding) and an Origin, when sent, must be this server's; a
 * malformed request (request line, target, percent-encoding, headers) is answered with 400 and
 * never ends the server.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiErrorShape, Result } from '../../shared/api/define.js';
import type { Core } from '../core/core.js';
import { SECURITY_HEADERS } from './csp.js';

export const TOKEN_HEADER = 'x-cairn-token';
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface HttpHostOptions {
  /** A core, or the recoverable host of one (electron/core/recovery.ts). */
  core: Pick<Core, 'call'>;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (index.html and assets); without it only the API is served. */
  rendererDir?: string | null;
  token?: string;
}

export interface HttpHost {
  url: string;
  /** The URL to open: carries the token in the fragment, which browsers never send to servers. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const STATUS: Record<ApiErrorShape['code'], number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unsupported: 422,
  io: 500,
  internal: 500,
  corrupt: 503,
};

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer((req, res) => {
    const send = (status: number, body: Result<unknown>) => {
      // A response already under way (or a socket gone) cannot take another status line.
      if (res.headersSent || res.destroyed) return void res.destroy();
      const text = JSON.stringify(body);
      res.writeHead(status, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(text);
    };
    const refuse = (status: number, code: ApiErrorShape['code'], message: string) =>
      send(status, { ok: false, error: { code, message } });
    res.on('error', () => res.destroy());
    try {
      handle(req, res, send, refuse);
    } catch (e) {
      // Whatever one request does, the server answers it and goes on serving the others.
      refuse(400, 'invalid_input', `Bad request: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  // Requests Node's parser rejects (a bad request line, header or chunk) get a 400 too, not a silent close.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent)
      return void socket.destroy();
    const [status, reason] =
      error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const body = JSON.stringify({
      ok: false,
      error: { code: 'invalid_input', message: `Bad request: ${error.code ?? 'malformed'}.` },
    });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    send: (status: number, body: Result<unknown>) => void,
    refuse: (status: number, code: ApiErrorShape['code'], message: string) => void,
  ): void {
    // Only origin-form targets ("/path?query") are ours; anything else (absolute URLs, "*", "http://[/") is malformed here.
    // A request line without "HTTP/1.x" (Node reads "GET /" as HTTP/0.9) is not one this server speaks.
    if (req.httpVersionMajor !== 1)
      return refuse(400, 'invalid_input', 'Bad request: only HTTP/1.x requests are served.');
    const target = req.url ?? '';
    const url = target.startsWith('/') && !target.startsWith('//') ? parseTarget(target, port) : null;
    if (!url)
      return refuse(400, 'invalid_input', 'Bad request: the request target must be a path such as /api/listDecisions.');

    if (!allowedHosts().has(req.headers.host ?? '')) {
      return refuse(421, 'forbidden', 'Refused: the Host header does not name this Cairn server.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return refuse(403, 'forbidden', 'Refused: requests from other origins are not allowed.');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(405, 'invalid_input', 'API calls are POST requests with a JSON body.');
      const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return refuse(401, 'forbidden', 'Refused: missing or wrong token. Open the URL that `cairn serve` printed.');
      }
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return refuse(415, 'invalid_input', 'API calls need Content-Type: application/json.');
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return refuse(
          400,
          'invalid_input',
          'Bad request: the method name in the path is not valid percent-encoded UTF-8.',
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) tooLarge = true;
        else chunks.push(chunk);
      });
      req.on('end', () => {
        if (tooLarge)
          return refuse(413, 'invalid_input', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
        let input: unknown;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          input = text.trim() ? JSON.parse(text) : {};
        } catch (e) {
          return refuse(400, 'invalid_input', `The request body is not valid JSON: ${(e as Error).message}`);
        }
        options.core.call(method, input).then(
          (result) => send(result.ok ? 200 : STATUS[result.error.code], result),
          (e: unknown) => refuse(500, 'internal', String(e)),
        );
      });
      req.on('error', () => res.destroy());
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'invalid_input', 'Only GET for pages.');
    serveStatic(options.rendererDir ?? null, url.pathname, res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseTarget(target: string, port: number): URL | null {
  try {
    return new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

function serveStatic(root: string | null, pathname: string, res: http.ServerResponse): void {
  const notFound = (message: string) => {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(message);
  };
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('Bad request: the path is not valid percent-encoded UTF-8.');
  }
  if (!root) return notFound('The renderer is not built. Run `npm run build:renderer`.');
  const base = path.resolve(root);
  let file = path.resolve(base, '.' + (rel.endsWith('/') ? rel + 'index.html' : rel));
  if (file !== base && !file.startsWith(base + path.sep)) return notFound('Not found');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    // Client-side routes fall back to the app shell; missing assets stay 404.
    if (path.extname(rel)) return notFound('Not found');
    file = path.join(base, 'index.html');
    if (!fs.existsSync(file)) return notFound('The renderer is not built. Run `npm run build:renderer`.');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  // A file removed or unreadable mid-response ends that response, never the server.
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
