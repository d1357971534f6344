/**
 * `cairn mcp`: the fourth host of the API, for assistants, over stdio with the official SDK's
 * `Server`. Tools come from tools.ts (derived from the contract); each ADR is also a resource
 * `cairn://decisions/{id}` whose text is the exported Markdown. Nothing here opens a socket:
 * the only channel is the client's stdin/stdout pipe, so nothing leaves the machine.
 *
 * Errors: an unknown tool, arguments that do not fit the tool's schema or are too large answer
 * with a JSON-RPC Invalid params error (-32602); a core failure (no such decision…) is a tool
 * result with isError, as MCP asks, so the assistant can read and correct it.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Result } from '../../../shared/api/define.js';
import { describeIssues } from '../../../shared/api/define.js';
import type { MethodName } from '../../../shared/api/index.js';
import type { Decision } from '../../../shared/domain.js';
import { boundedJson, MAX_RESULT_CHARS } from './bound.js';
import { decisionMarkdown, ResourceId, ToolFailure, TOOLS, type CoreCall, type ToolDef } from './tools.js';

export interface McpOptions {
  allowWrites: boolean;
  version?: string;
}

const RESOURCE_PAGE = 200;
const RESOURCE_PREFIX = 'cairn://decisions/';

function jsonSchema(schema: z.ZodType): { type: 'object'; [key: string]: unknown } {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return { ...out, type: 'object' };
}

export function createMcpServer(
  call: (method: unknown, input: unknown) => Promise<Result<unknown>>,
  options: McpOptions,
): Server {
  const coreCall: CoreCall = (method: MethodName, input: unknown) => call(method, input);
  const tools = new Map<string, ToolDef>(TOOLS.filter((t) => options.allowWrites || !t.write).map((t) => [t.name, t]));
  const server = new Server(
    { name: 'cairn', version: options.version ?? '0.1.0' },
    {
      capabilities: { tools: {}, resources: {} },
      instructions:
        `Cairn holds this team's architecture decision records with their evidence. Every tool result is at most ${MAX_RESULT_CHARS.toLocaleString('en')} characters; a longer one is cut and says so under "truncated". ` +
        (options.allowWrites
          ? 'Writes land as proposed drafts tagged for a person to review.'
          : 'Read-only: the user did not allow writes.'),
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...tools.values()].map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: jsonSchema(t.input),
      annotations: { readOnlyHint: !t.write, openWorldHint: false },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const { name, arguments: args } = request.params;
    const tool = tools.get(name);
    if (!tool) {
      const known = TOOLS.some((t) => t.name === name);
      throw new McpError(
        ErrorCode.InvalidParams,
        known
          ? `The tool "${name}" writes; start cairn mcp with --allow-writes to offer it.`
          : `There is no tool "${String(name).slice(0, 100)}"; tools/list names them.`,
      );
    }
    const parsed = tool.input.safeParse(args ?? {});
    if (!parsed.success)
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid arguments for ${name}: ${describeIssues(parsed.error.issues)}`,
      );
    try {
      const value = await tool.run(coreCall, parsed.data as never);
      const bounded = boundedJson(value);
      const note = bounded.truncated.length
        ? `\n\nThe result was cut to fit ${MAX_RESULT_CHARS.toLocaleString('en')} characters (${bounded.truncated.slice(0, 5).join('; ')}); ask for less (a limit, a filter).`
        : '';
      return {
        content: [{ type: 'text', text: bounded.text + note }],
        ...(bounded.value && typeof bounded.value === 'object' && !Array.isArray(bounded.value)
          ? { structuredContent: bounded.value as Record<string, unknown> }
          : {}),
      };
    } catch (e) {
      if (e instanceof ToolFailure && e.kind === 'invalid_params')
        throw new McpError(ErrorCode.InvalidParams, e.message);
      if (e instanceof ToolFailure) return { content: [{ type: 'text', text: e.message }], isError: true };
      throw new McpError(
        ErrorCode.InternalError,
        `Unexpected error in ${name}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, async (request) => {
    const offset = Math.max(0, Number.parseInt(request.params?.cursor ?? '0', 10) || 0);
    const result = await call('listDecisions', { sort: 'number', limit: RESOURCE_PAGE, offset });
    if (!result.ok) throw new McpError(ErrorCode.InternalError, result.error.message);
    const { items, total } = result.value as {
      items: { id: string; number: number | null; title: string; status: string }[];
      total: number;
    };
    return {
      resources: items.map((d) => ({
        uri: RESOURCE_PREFIX + encodeURIComponent(d.id),
        name: d.number === null ? `Draft: ${d.title}` : `ADR ${d.number}: ${d.title}`,
        description: `${d.status} decision, as its exported Markdown ADR`,
        mimeType: 'text/markdown',
      })),
      ...(offset + items.length < total ? { nextCursor: String(offset + items.length) } : {}),
    };
  });

  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: [
      { uriTemplate: `${RESOURCE_PREFIX}{id}`, name: 'A decision as its Markdown ADR', mimeType: 'text/markdown' },
    ],
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const uri = request.params.uri;
    const id = uri.startsWith(RESOURCE_PREFIX) ? safeDecode(uri.slice(RESOURCE_PREFIX.length)) : null;
    if (id === null || !ResourceId.safeParse(id).success)
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown resource "${uri.slice(0, 200)}"; decisions are ${RESOURCE_PREFIX}{id}.`,
      );
    const result = await call('getDecision', { id });
    if (!result.ok) throw new McpError(ErrorCode.InvalidParams, result.error.message);
    const markdown = await decisionMarkdown(coreCall, result.value as Decision);
    const text =
      markdown.length > MAX_RESULT_CHARS
        ? `${markdown.slice(0, MAX_RESULT_CHARS)}\n\n… [cut at ${MAX_RESULT_CHARS.toLocaleString('en')} characters; get_decision gives the structured content]\n`
        : markdown;
    return { contents: [{ uri, mimeType: 'text/markdown', text }] };
  });

  return server;
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
