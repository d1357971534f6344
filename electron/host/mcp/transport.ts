/**
 * The stdio transport of `cairn mcp`: newline-delimited JSON-RPC, as the MCP stdio transport
 * specifies, with the bad-input policy the SDK's own StdioServerTransport lacks. That one reports
 * an unparseable line only to `onerror` (the client waits forever for an answer) and closes the
 * connection when a message passes its buffer limit. Here a line that is not JSON gets a
 * JSON-RPC Parse error (-32700), a line that is JSON but not a JSON-RPC message gets Invalid
 * Request (-32600), and a line over MAX_LINE_BYTES is skipped up to its newline and answered with
 * Invalid Request; the connection stays open in every case. Valid messages go to the SDK's
 * `Server` unchanged, which handles everything else (methods, params, tool calls).
 */
import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** A request larger than this is refused unread: no tool takes arguments anywhere near it. */
export const MAX_LINE_BYTES = 1_000_000;

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private chunks: Buffer[] = [];
  private size = 0;
  /** True while the rest of an over-long line is being skipped. */
  private skipping = false;
  private closed = false;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('error', this.onStreamError);
  }

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, nl));
      if (this.skipping) this.skipping = false;
      else this.line(Buffer.concat(this.chunks, this.size));
      this.chunks = [];
      this.size = 0;
      start = nl + 1;
    }
    this.take(chunk.subarray(start));
  };

  private take(part: Buffer) {
    if (this.skipping || !part.length) return;
    if (this.size + part.length > MAX_LINE_BYTES) {
      this.chunks = [];
      this.size = 0;
      this.skipping = true;
      this.reply(
        null,
        ErrorCode.InvalidRequest,
        `The message is larger than ${MAX_LINE_BYTES} bytes; it was skipped. Send smaller arguments.`,
      );
      return;
    }
    this.chunks.push(part);
    this.size += part.length;
  }

  private line(bytes: Buffer) {
    const text = bytes.toString('utf8').replace(/\r$/, '');
    if (!text.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      this.reply(
        null,
        ErrorCode.ParseError,
        `Parse error: the line is not JSON (${(e as Error).message.slice(0, 200)}).`,
      );
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(json);
    if (!message.success) {
      const id =
        json && typeof json === 'object' && 'id' in json && (typeof json.id === 'string' || typeof json.id === 'number')
          ? json.id
          : null;
      this.reply(
        id,
        ErrorCode.InvalidRequest,
        'Invalid Request: not a JSON-RPC 2.0 request, notification or response (jsonrpc "2.0", a method name, params an object).',
      );
      return;
    }
    try {
      this.onmessage?.(message.data);
    } catch (e) {
      this.onerror?.(e as Error);
    }
  }

  private reply(id: string | number | null, code: number, message: string) {
    // JSON-RPC 2.0 answers a message whose id cannot be read with id null; the SDK's types demand a string or number.
    this.write({ jsonrpc: '2.0', id, error: { code, message } });
  }

  private write(message: unknown): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.output.write(JSON.stringify(message) + '\n')) resolve();
      else this.output.once('drain', resolve);
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.write(message);
  }

  private readonly onEnd = () => {
    void this.close();
  };

  private readonly onStreamError = (e: Error) => {
    this.onerror?.(e);
  };

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('error', this.onStreamError);
    this.onclose?.();
  }
}
