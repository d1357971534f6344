/**
 * The renderer's only way to the core. Under Electron the preload exposes `window.cairn`
 * (one function per API method); in a browser the same calls go to the loopback host with
 * the token from the URL. Either way the client is derived from the one method list.
 */
import type { Client, Input, MethodName } from '../../shared/api/index.js';
import { METHOD_NAMES } from '../../shared/api/names.js';
import type { Result } from '../../shared/api/define.js';
import { callBridge, type Bridge } from '../../shared/api/bridge.js';

declare global {
  interface Window {
    /** The Electron preload's bridge (electron/preload.ts); absent in a browser. */
    cairn?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'cairn.token';

/** Takes the token from `#token=…` once, keeps it for this tab, and clears it from the address bar. */
function readToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const hostKind: 'electron' | 'browser' = window.cairn ? 'electron' : 'browser';
const token = hostKind === 'browser' ? readToken() : '';

async function overHttp(method: MethodName, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Cairn-Token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'io', message: 'Cannot reach the Cairn server. Is `cairn serve` still running?' },
    };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `The server answered ${response.status} without a result.` },
    };
  }
}

async function call(method: MethodName, input: unknown): Promise<unknown> {
  const bridge = window.cairn;
  const result = bridge
    ? await callBridge(bridge, method, input as Input<typeof method>)
    : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

export const api = Object.fromEntries(
  METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)]),
) as unknown as Client;
export const hasToken = hostKind === 'electron' || token !== '';
