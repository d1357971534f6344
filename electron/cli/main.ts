/**
 * The `cairn` command line. Each command is declared once in COMMANDS; errors go to stderr
 * with a non-zero exit code and say what to do.
 */
import { parseArgs } from 'node:util';
import { CairnError } from '../../shared/api/define.js';
import { createCore, type Core } from '../core/core.js';
import { resolveDbPath } from '../core/paths.js';
import { backupCommand, restoreCommand } from './backup.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { terminalSafe } from './terminal.js';
import { listCommand, newCommand, showCommand } from './decisions.js';
import { trashCommand, untrashCommand, updateCommand } from './edit.js';
import { importCommand } from './import.js';
import {
  duplicatesCommand,
  linkCommand,
  renumberCommand,
  statusCommand,
  supersedeCommand,
  unlinkCommand,
} from './lifecycle.js';
import { serveCommand } from './serve.js';
import { knowledgeCommand, searchCommand } from './knowledge.js';
import { exportCommand } from './export.js';
import { compareCommand } from './compare.js';
import { dueCommand, reviewCommand } from './review.js';
import { mcpCommand } from './mcp.js';
import { reposCommand } from './repositories.js';

export const COMMANDS: Command[] = [
  newCommand,
  listCommand,
  showCommand,
  updateCommand,
  trashCommand,
  untrashCommand,
  searchCommand,
  serveCommand,
  knowledgeCommand,
  exportCommand,
  compareCommand,
  backupCommand,
  restoreCommand,
];
COMMANDS.push(
  importCommand,
  reposCommand,
  supersedeCommand,
  linkCommand,
  unlinkCommand,
  statusCommand,
  duplicatesCommand,
  renumberCommand,
);
COMMANDS.push(dueCommand, reviewCommand, mcpCommand);

function help(): string {
  return [
    'Cairn: architecture decision records backed by evidence.',
    '',
    'Usage: cairn COMMAND [ARGS] [--db PATH] [--json]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`),
    '',
    "Every command takes --db PATH (or the CAIRN_DB environment variable); the default is the app's own data file.",
  ].join('\n');
}

/** Runs one command line; returns the exit code. Never calls process.exit itself. */
export async function runCli(argv: string[], rawIo: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Every line printed passes through here: titles and file names never reach a terminal raw.
  const io: CliIo = { out: (text) => rawIo.out(terminalSafe(text)), err: (text) => rawIo.err(terminalSafe(text)) };
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`cairn: unknown command "${name}". Run \`cairn help\` for the list.`);
    return 2;
  }
  let core: Core | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...command.options,
      },
    });
    if (values.help) {
      io.out(`${command.usage}\n\n${command.summary}`);
      return 0;
    }
    const dbPath = resolveDbPath(values.db as string | undefined, env);
    const ctx = {
      ...io,
      json: values.json === true,
      dbPath,
      core: () => (core ??= createCore({ dbPath })),
    };
    const code = await command.run(ctx, positionals, values as Record<string, string | boolean | undefined>);
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`cairn ${name}: ${e.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (e instanceof CairnError) {
      io.err(`cairn ${name}: ${e.message}`);
      return 1;
    }
    io.err(`cairn ${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  } finally {
    if (core && command.name !== 'serve') (core as Core).close();
  }
}
