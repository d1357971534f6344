/**
 * `cairn mcp`: serves the store to an assistant over stdin/stdout until the client closes the
 * pipe. Stdout carries protocol only; anything for a person goes to stderr.
 */
import { LineTransport } from '../host/mcp/transport.js';
import { createMcpServer } from '../host/mcp/server.js';
import type { Command } from './command.js';

export const mcpCommand: Command = {
  name: 'mcp',
  usage: 'cairn mcp [--allow-writes] [--db PATH]',
  summary: 'Model Context Protocol server on stdio for assistants; read-only unless --allow-writes.',
  options: { 'allow-writes': { type: 'boolean' } },
  async run(ctx, _args, flags) {
    const core = ctx.core();
    for (const w of core.warnings) ctx.err(`cairn mcp: ${w}`);
    const allowWrites = flags['allow-writes'] === true;
    const server = createMcpServer(core.call, { allowWrites });
    const transport = new LineTransport(process.stdin, process.stdout);
    const closed = new Promise<void>((resolve) => {
      server.onclose = () => resolve();
    });
    server.onerror = (e) => ctx.err(`cairn mcp: ${e.message}`);
    await server.connect(transport);
    ctx.err(
      `cairn mcp: serving ${ctx.dbPath} on stdio (${allowWrites ? 'writes allowed: drafts only' : 'read-only'}).`,
    );
    await closed;
  },
};
