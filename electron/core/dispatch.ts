/**
 * The one validation layer every request crosses, whatever host it came through:
 * the method must be declared, the input must parse, and any failure becomes an error envelope.
 */
import { api, isMethodName, type Handlers, type MethodName } from '../../shared/api/index.js';
import { CairnError, describeIssues, type Result } from '../../shared/api/define.js';

export interface DispatchOptions {
  /** Parse outputs too (tests turn this on to hold the core to the contract). */
  checkOutput?: boolean;
}

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no API method "${String(method).slice(0, 100)}".` },
    };
  }
  const spec = api[method];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `Invalid input for ${method}: ${describeIssues(parsed.error.issues)}` },
    };
  }
  try {
    const handler = handlers[method] as (i: unknown) => unknown;
    const value = await handler(parsed.data);
    if (options.checkOutput) {
      const out = spec.output.safeParse(value);
      if (!out.success) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `Output of ${method} broke the contract: ${describeIssues(out.error.issues)}`,
          },
        };
      }
    }
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorShape(e) };
  }
}

export function toErrorShape(e: unknown): { code: CairnError['code']; message: string; details?: unknown } {
  if (e instanceof CairnError)
    return e.details === undefined
      ? { code: e.code, message: e.message }
      : { code: e.code, message: e.message, details: e.details };
  if (e instanceof RangeError)
    return { code: 'invalid_input', message: `The request is too large or too deeply nested: ${e.message}` };
  const message = e instanceof Error ? e.message : String(e);
  // better-sqlite3 puts the SQLite code on `code` and says only "database or disk is full".
  const code = typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : '';
  if (/SQLITE_FULL/.test(`${code} ${message}`))
    return {
      code: 'io',
      message:
        'Not saved: the disk is full, so the database could not grow, and nothing was changed. Free some disk space, then try again.',
    };
  if (/ENOSPC/.test(`${code} ${message}`))
    return {
      code: 'io',
      message: `Cannot write: the disk is full (${message}). Free some disk space, then try again.`,
    };
  if (/SQLITE_IOERR|SQLITE_READONLY|EACCES|EROFS/.test(`${code} ${message}`))
    return { code: 'io', message: `Cannot write: ${message}` };
  return { code: 'internal', message: `Unexpected error: ${message}` };
}

export type Dispatcher = <M extends MethodName>(method: M, input: unknown) => Promise<Result<unknown>>;
