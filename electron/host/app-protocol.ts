/**
 * The `cairn://app/` scheme the desktop window loads the renderer from, instead of file://
 * (which would give pages extra privileges). Policy: only files inside the built renderer folder
 * are served, never a path that climbs out of it, and every response carries the app's
 * Content-Security-Policy and security headers.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SECURITY_HEADERS } from './csp.js';
import { MIME } from './http.js';
import { isAppUrl } from './window-settings.js';

/** The file a request names, or null when it is not the app's or lies outside `rendererDir`. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = path.resolve(rendererDir);
  const file = path.resolve(base, '.' + (pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(base + path.sep) ? file : null;
}

/** Answers one request on the app scheme. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = resolveAppFile(rendererDir, requestUrl);
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
