/**
 * The tools `cairn mcp` offers, derived from the API contract: a tool that is one API method
 * takes that method's input schema (as JSON Schema) and its summary; a tool that combines
 * methods (a decision with its Markdown, the claims of one cell) declares a small input schema
 * here and calls the methods it needs. Either way every call crosses the core's one validation
 * layer (`Core.call` → dispatch), exactly as IPC, HTTP and CLI calls do.
 * Read-only tools always; the write tools only with --allow-writes, and what they write lands
 * as a *proposed* decision tagged ASSISTANT_TAG, for a person to review and accept.
 */
import { z } from 'zod';
import { api, type MethodName } from '../../../shared/api/index.js';
import type { Result } from '../../../shared/api/define.js';
import { adrFileText } from '../../../shared/adr/render.js';
import type { AdrLink } from '../../../shared/adr/types.js';
import { Effect, Id, ShortText, type Decision, type EvidenceClaim } from '../../../shared/domain.js';
import { matrixForExport } from '../../../shared/scoring.js';

/** The tag on everything an assistant wrote through `cairn mcp --allow-writes`. */
export const ASSISTANT_TAG = 'drafted-by-assistant';

export type CoreCall = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

/** A tool failed on its input (a JSON-RPC Invalid params error) or in the core (a tool error result). */
export class ToolFailure extends Error {
  constructor(
    readonly kind: 'invalid_params' | 'tool_error',
    message: string,
  ) {
    super(message);
  }
}

export interface ToolDef {
  name: string;
  description: string;
  /** Validated before the tool runs; its JSON Schema is what tools/list shows. */
  input: z.ZodType;
  write: boolean;
  run(call: CoreCall, args: never): Promise<unknown>;
}

async function invoke<T>(call: CoreCall, method: MethodName, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (result.ok) return result.value as T;
  throw new ToolFailure(result.error.code === 'invalid_input' ? 'invalid_params' : 'tool_error', result.error.message);
}

/** A tool that is exactly one API method. */
function fromMethod(name: string, method: MethodName, description?: string): ToolDef {
  return {
    name,
    description: description ?? api[method].summary,
    input: api[method].input,
    write: false,
    run: (call, args) => invoke(call, method, args),
  };
}

const DecisionRef = z.object({
  id: ShortText.min(1).describe('A decision id, or its ADR number when exactly one decision has it.'),
});

/** An id, or an ADR number that exactly one decision has. */
async function resolve(call: CoreCall, ref: string): Promise<string> {
  if (!/^\d{1,9}$/.test(ref)) return ref;
  const n = Number(ref);
  const { items } = await invoke<{ items: { id: string; number: number | null }[] }>(call, 'listDecisions', {
    limit: 100_000,
    sort: 'number',
  });
  const hits = items.filter((d) => d.number === n);
  if (hits.length === 1) return hits[0]!.id;
  if (!hits.length)
    throw new ToolFailure('tool_error', `No decision has number ${n}; search_decisions or list_decisions give ids.`);
  throw new ToolFailure(
    'tool_error',
    `${hits.length} decisions have number ${n}: ${hits.map((h) => h.id).join(', ')}; name one by its id.`,
  );
}

/** The decision as the exporter writes it (MADR 4, or its own file's bytes for an imported one). */
export async function decisionMarkdown(call: CoreCall, d: Decision): Promise<string> {
  const links: AdrLink[] = [];
  for (const r of d.relations.slice(0, 50)) {
    const other = await call('getDecision', { id: r.target });
    if (other.ok) {
      const o = other.value as Decision;
      links.push({ type: r.type, number: o.number, title: o.title, file: null });
    }
  }
  return adrFileText(d, 'madr', { number: d.number, numberWidth: 4, links, analysis: matrixForExport(d) }).text;
}

/** A claim with where it comes from, as a footnote in the ADR would cite it. */
function cited(c: EvidenceClaim, d: Decision) {
  return {
    id: c.id,
    option: d.options.find((o) => o.id === c.option)?.name ?? c.option,
    criterion: d.drivers.find((x) => x.id === c.driver)?.name ?? c.driver,
    effect: c.effect,
    condition: c.condition,
    summary: c.summary,
    importance: c.importance,
    verdict: c.verdict,
    own: c.own,
    outdated: c.outdated,
    contradictions: c.contradictions,
    citation: {
      source: c.source
        ? {
            title: c.source.title,
            publisher: c.source.publisher,
            author: c.source.author,
            date: c.source.date,
            kind: c.source.kind,
            url: c.source.url,
          }
        : null,
      section: c.section,
      anchor: c.anchor,
    },
  };
}

/** Structured content without what is elsewhere in the answer: the weighed claims (listed under `citations`). */
function structured(d: Decision) {
  const { evaluation, ...rest } = d;
  const { claims, ...weighing } = evaluation;
  return { ...rest, evaluation: { ...weighing, claimCount: claims.length } };
}

const matches = (want: string, ...names: (string | null)[]) =>
  names.some((n) => n !== null && n.toLowerCase() === want.toLowerCase());

export const TOOLS: ToolDef[] = [
  fromMethod(
    'search_decisions',
    'search',
    'Ranked full-text search over decisions, the claims of knowledge packs and their sources. Returns { hits: [{ kind, id, title, snippet, … }] }.',
  ),
  fromMethod(
    'list_decisions',
    'listDecisions',
    'List decisions, filtered (status, tag, text, review state …) and sorted. Returns { items: [summary], total }.',
  ),
  {
    name: 'get_decision',
    description:
      "One decision: `markdown` is the ADR exactly as `cairn export` writes it (MADR 4; an imported decision in its own file's form), with footnotes citing sources; `decision` is its structured content; `citations` every weighed claim with its source, section and verbatim anchor.",
    input: DecisionRef,
    write: false,
    async run(call, args: z.infer<typeof DecisionRef>) {
      const d = await invoke<Decision>(call, 'getDecision', { id: await resolve(call, args.id) });
      return {
        markdown: await decisionMarkdown(call, d),
        decision: structured(d),
        citations: d.evaluation.claims.filter((c) => c.verdict === 'accepted').map((c) => cited(c, d)),
      };
    },
  },
  fromMethod(
    'list_due',
    'listDue',
    'Decisions due for review: review date passed (overdue) or within `within` days. Returns { today, within, overdue, items: [{ id, number, title, reviewBy, days, overdue, triggers }] }.',
  ),
  fromMethod('compare_decisions', 'compareDecisions'),
  fromMethod('find_precedents', 'findPrecedents'),
  {
    name: 'list_claims',
    description:
      "The claims a decision weighed for one option under one criterion (names or ids; leave either out for all), each with its effect, verdict and citation (source title, publisher, date, section, verbatim anchor), and the cell's score.",
    input: z.object({ id: ShortText.min(1), option: ShortText.optional(), criterion: ShortText.optional() }),
    write: false,
    async run(call, args: { id: string; option?: string; criterion?: string }) {
      const id = await resolve(call, args.id);
      const d = await invoke<Decision>(call, 'getDecision', { id });
      const option =
        args.option === undefined ? null : d.options.find((o) => matches(args.option!, o.id, o.name, o.option));
      const driver =
        args.criterion === undefined
          ? null
          : d.drivers.find((x) => matches(args.criterion!, x.id, x.name, x.criterion));
      if (option === undefined)
        throw new ToolFailure(
          'tool_error',
          `"${d.title}" has no option "${args.option}"; its options are ${d.options.map((o) => o.name).join(', ') || 'none'}.`,
        );
      if (driver === undefined)
        throw new ToolFailure(
          'tool_error',
          `"${d.title}" has no criterion "${args.criterion}"; its criteria are ${d.drivers.map((x) => x.name).join(', ') || 'none'}.`,
        );
      const analysis = await invoke<{
        matrix: { rows: { driver: string; cells: { option: string; score: number | null; source: string }[] }[] };
      }>(call, 'evaluateDecision', { id });
      const claims = d.evaluation.claims.filter(
        (c) => (!option || c.option === option.id) && (!driver || c.driver === driver.id),
      );
      const cells = analysis.matrix.rows
        .filter((r) => !driver || r.driver === driver.id)
        .flatMap((r) =>
          r.cells
            .filter((c) => !option || c.option === option.id)
            .map((c) => ({
              criterion: d.drivers.find((x) => x.id === r.driver)?.name ?? r.driver,
              option: d.options.find((o) => o.id === c.option)?.name ?? c.option,
              score: c.score,
              scoreSource: c.source,
            })),
        );
      return {
        decision: { id: d.id, number: d.number, title: d.title },
        option: option?.name ?? null,
        criterion: driver?.name ?? null,
        cells,
        claims: claims.map((c) => cited(c, d)),
      };
    },
  },
  {
    name: 'draft_decision',
    description: `Write tool (needs --allow-writes). Create a *proposed* draft decision tagged "${ASSISTANT_TAG}" for a person to review. Returns the new decision's id and title.`,
    input: z.object({
      title: ShortText.min(1).max(500),
      context: z.string().max(20_000).default(''),
      options: z.array(ShortText.min(1).max(200)).max(20).default([]),
      criteria: z.array(ShortText.min(1).max(200)).max(20).default([]),
      tags: z.array(z.string().min(1).max(100)).max(20).default([]),
    }),
    write: true,
    async run(call, args: { title: string; context: string; options: string[]; criteria: string[]; tags: string[] }) {
      const d = await invoke<Decision>(call, 'createDecision', {
        content: {
          title: args.title,
          status: 'proposed',
          context: args.context,
          options: args.options.map((name, i) => ({ id: `o${i + 1}`, name })),
          drivers: args.criteria.map((name, i) => ({ id: `d${i + 1}`, name })),
          tags: [...new Set([...args.tags, ASSISTANT_TAG])],
        },
      });
      return { id: d.id, title: d.title, status: d.status, tags: d.tags };
    },
  },
  {
    name: 'add_claim',
    description: `Write tool (needs --allow-writes). Add a claim (one statement from one source about one option under one criterion) to a *proposed* decision; the decision is tagged "${ASSISTANT_TAG}" and the claim marked as typed in, not from a pack. Accepted or other final decisions are refused.`,
    input: z.object({
      id: ShortText.min(1),
      option: ShortText.min(1),
      criterion: ShortText.min(1),
      effect: Effect,
      summary: ShortText.min(1).max(1_000),
      condition: ShortText.max(300).nullable().default(null),
      source: z
        .object({
          title: ShortText.min(1).max(500),
          publisher: ShortText.max(200).nullable().default(null),
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .nullable()
            .default(null),
          url: ShortText.max(1_000).nullable().default(null),
        })
        .nullable()
        .default(null),
      section: ShortText.max(300).default(''),
      anchor: ShortText.max(200)
        .default('')
        .describe('A verbatim quote of at most 12 words, to find the claim in its source.'),
    }),
    write: true,
    async run(
      call,
      args: {
        id: string;
        option: string;
        criterion: string;
        effect: Effect;
        summary: string;
        condition: string | null;
        source: { title: string; publisher: string | null; date: string | null; url: string | null } | null;
        section: string;
        anchor: string;
      },
    ) {
      const d = await invoke<Decision>(call, 'getDecision', { id: await resolve(call, args.id) });
      if (d.status !== 'proposed')
        throw new ToolFailure(
          'tool_error',
          `"${d.title}" is ${d.status}; an assistant adds claims to proposed decisions only. Start a draft with draft_decision.`,
        );
      if (args.anchor.split(/\s+/).filter(Boolean).length > 12)
        throw new ToolFailure('invalid_params', 'The anchor is a verbatim quote of at most 12 words.');
      const option = d.options.find((o) => matches(args.option, o.id, o.name));
      const driver = d.drivers.find((x) => matches(args.criterion, x.id, x.name));
      if (!option)
        throw new ToolFailure(
          'tool_error',
          `"${d.title}" has no option "${args.option}"; its options are ${d.options.map((o) => o.name).join(', ') || 'none'}.`,
        );
      if (!driver)
        throw new ToolFailure(
          'tool_error',
          `"${d.title}" has no criterion "${args.criterion}"; its criteria are ${d.drivers.map((x) => x.name).join(', ') || 'none'}.`,
        );
      let n = d.evaluation.claims.length + 1;
      while (d.evaluation.claims.some((c) => c.id === `assistant-${n}`)) n++;
      const claim = {
        id: `assistant-${n}`,
        driver: driver.id,
        option: option.id,
        effect: args.effect,
        condition: args.condition,
        summary: args.summary,
        section: args.section,
        anchor: args.anchor,
        source: args.source
          ? {
              id: `assistant-source-${n}`,
              title: args.source.title,
              publisher: args.source.publisher,
              author: null,
              date: args.source.date,
              kind: 'other',
              url: args.source.url,
            }
          : null,
        own: true,
      };
      const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
      const saved = await invoke<Decision>(call, 'updateDecision', {
        id: d.id,
        baseRevision: d.revision,
        content: {
          ...content,
          tags: [...new Set([...d.tags, ASSISTANT_TAG])],
          evaluation: { ...d.evaluation, claims: [...d.evaluation.claims, claim] },
        },
      });
      return { id: saved.id, title: saved.title, claim: claim.id, claims: saved.evaluation.claims.length };
    },
  },
];

/** The id schema a resource URI carries. */
export const ResourceId = Id;
