/**
 * How an API method is declared: one input schema, one output schema, one line of what it does.
 * Every host (IPC, HTTP, CLI) and the renderer client are derived from these declarations.
 */
import { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): MethodSpec<I, O> {
  return { input, output, summary };
}

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'forbidden',
  'unsupported',
  'io',
  'internal',
  /** The database file is damaged; it was left untouched and a backup can be restored. */
  'corrupt',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** Every call answers with this envelope, over IPC and HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Thrown inside the core; turned into an error envelope at the boundary. */
export class CairnError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CairnError';
  }
}

/** Formats zod issues into one readable sentence per problem, naming the field. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  // Keys and messages can carry the caller's input (a huge key, thousands of unknown keys): shorten them, never echo it whole.
  const clip = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  const where = (path: readonly PropertyKey[]) => clip(path.map((p) => clip(String(p), 60)).join('.'), 200);
  return issues
    .slice(0, 10)
    .map((i) => clip(i.path.length ? `${where(i.path)}: ${i.message}` : i.message, 400))
    .join('; ');
}
