import type { ParseArgsConfig } from 'node:util';
import type { Core } from '../core/core.js';

export interface CliIo {
  out(text: string): unknown;
  err(text: string): void;
}

export interface CliContext extends CliIo {
  /** Opens the store named by --db / CAIRN_DB / the default, once. */
  core(): Core;
  json: boolean;
  dbPath: string;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Long-running commands (serve) keep the process alive and close the store themselves. */
  run(ctx: CliContext, args: string[], flags: Record<string, string | boolean | undefined>): Promise<number | void>;
}

/** A usage mistake: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {}
