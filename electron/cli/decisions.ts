import fs from 'node:fs';
import { Decision, DecisionContent, STATUSES, type Status } from '../../shared/domain.js';
import { describeIssues } from '../../shared/api/define.js';
import { analyzeDecision, qualityParagraph, sharePercent, type DecisionAnalysis } from '../../shared/scoring.js';
import { resolveRef } from './import.js';
import { UsageError, type Command } from './command.js';

function printTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

export const newCommand: Command = {
  name: 'new',
  usage: 'cairn new TITLE [--pack ID] | cairn new --from FILE.json',
  summary: 'Create a draft decision; prints its id.',
  options: { pack: { type: 'string' }, from: { type: 'string' } },
  async run(ctx, args, flags) {
    let content: unknown;
    if (typeof flags.from === 'string') {
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(flags.from, 'utf8'));
      } catch (e) {
        throw new UsageError(`Cannot read ${flags.from} as JSON: ${(e as Error).message}`);
      }
      // `show --json` prints a whole decision; its content is what a new decision is made from.
      const parsed = DecisionContent.extend({ date: DecisionContent.shape.date.optional() }).safeParse(raw);
      if (!parsed.success)
        throw new UsageError(`${flags.from} is not a decision: ${describeIssues(parsed.error.issues)}`);
      content = parsed.data;
    } else {
      const title = args.join(' ').trim();
      if (!title) throw new UsageError('Give the decision a title, e.g. cairn new "Use PostgreSQL for orders".');
      content = { title };
    }
    const core = ctx.core();
    // Check the pack first, so a mistyped id leaves no half-made decision behind.
    if (typeof flags.pack === 'string') await core.invoke('getPack', { id: flags.pack });
    let decision = await core.invoke('createDecision', { content: content as never });
    if (typeof flags.pack === 'string')
      decision = await core.invoke('applyPack', { id: decision.id, pack: flags.pack });
    if (ctx.json) ctx.out(JSON.stringify(decision, null, 2));
    else ctx.out(decision.id);
  },
};

export const listCommand: Command = {
  name: 'list',
  usage: 'cairn list [--status S] [--tag T] [--text Q] [--repo NAME] [--trashed] [--json]',
  summary: 'List decisions, with the repository each belongs to.',
  options: {
    status: { type: 'string' },
    tag: { type: 'string' },
    text: { type: 'string' },
    repo: { type: 'string' },
    trashed: { type: 'boolean' },
  },
  async run(ctx, _args, flags) {
    const status = flags.status as string | undefined;
    if (status !== undefined && !STATUSES.includes(status as Status)) {
      throw new UsageError(`Unknown status "${status}"; use one of ${STATUSES.join(', ')}.`);
    }
    const result = await ctx.core().invoke('listDecisions', {
      status: status as Status | undefined,
      tag: flags.tag as string | undefined,
      text: flags.text as string | undefined,
      repository: flags.repo as string | undefined,
      trashed: flags.trashed === true,
      sort: 'number',
      limit: 100_000,
    });
    if (ctx.json) {
      ctx.out(JSON.stringify(result.items, null, 2));
      return;
    }
    if (!result.items.length) {
      ctx.out('No decisions yet. Create one with: cairn new "TITLE"');
      return;
    }
    const rows = [['REPOSITORY', 'NUMBER', 'STATUS', 'DATE', 'TITLE', 'ID']];
    const date = (d: (typeof result.items)[number]) =>
      d.date ? `${d.date}${d.dateSource === 'git' ? ' (git)' : ''}` : 'no date';
    for (const d of result.items)
      rows.push([
        d.repository ?? '-',
        d.number === null ? 'draft' : String(d.number),
        d.status,
        date(d),
        d.title,
        d.id,
      ]);
    ctx.out(printTable(rows));
  },
};

/** `names`: how each related decision is called ("ADR 4: Use Rust"); its id where it is not known. */
export function formatDecision(d: Decision, names: ReadonlyMap<string, string> = new Map()): string {
  const lines = [
    `${d.number === null ? 'Draft' : `ADR ${d.number}`}: ${d.title}`,
    `Status: ${d.status}${d.statusText ? ` (${d.statusText})` : ''}    Date: ${d.date}    Revision: ${d.revision}${d.trashedAt ? '    (in trash)' : ''}`,
    `Id: ${d.id}`,
  ];
  const people = (label: string, list: string[]) => list.length && lines.push(`${label}: ${list.join(', ')}`);
  people('Decision-makers', d.decisionMakers);
  people('Consulted', d.consulted);
  people('Informed', d.informed);
  people('Tags', d.tags);
  if (d.context) lines.push('', 'Context and problem statement', d.context);
  if (d.drivers.length) lines.push('', 'Decision drivers', ...d.drivers.map((x) => `- ${x.name} (weight ${x.weight})`));
  if (d.options.length)
    lines.push(
      '',
      'Considered options',
      ...d.options.map((o) => `- ${o.name}${o.id === d.chosenOption ? '  <- chosen' : ''}`),
    );
  if (d.rationale) lines.push('', 'Rationale', d.rationale);
  if (d.options.length && d.drivers.some((x) => x.weight > 0)) {
    const analysis = analyzeDecision(d);
    const quality = qualityParagraph(d, analysis);
    lines.push('', ...formatEvaluation(analysis), ...(quality ? [`Robustness: ${quality}`] : []));
  }
  if (d.consequences.length) lines.push('', 'Consequences', ...d.consequences.map((c) => `- ${c.effect}: ${c.text}`));
  if (d.relations.length)
    lines.push('', 'Relations', ...d.relations.map((r) => `- ${r.type} ${names.get(r.target) ?? r.target}`));
  return lines.join('\n');
}

/** The weighted totals and the sensitivity statement, as `show` prints them. */
export function formatEvaluation(a: DecisionAnalysis): string[] {
  const { matrix, sensitivity } = a;
  const width = Math.max(...matrix.totals.map((t) => t.name.length));
  const lines = [`Weighted totals (of ${matrix.maxTotal} possible)`];
  for (const id of matrix.ranking) {
    const t = matrix.totals.find((x) => x.option === id)!;
    const missing = t.missing ? `  (${t.missing} criteria without evidence or score, counted as 3)` : '';
    lines.push(
      `${String(t.rank).padStart(3)}. ${t.name.padEnd(width)}  ${String(t.total).padStart(4)}  ${sharePercent(t.share)}%${missing}`,
    );
  }
  lines.push(`Sensitivity: ${sensitivity.statement}`);
  if (sensitivity.closeCallReason) lines.push(sensitivity.closeCallReason);
  return lines;
}

export const showCommand: Command = {
  name: 'show',
  usage: 'cairn show ID [--json]',
  summary: 'Show one decision with its weighted totals; --json prints it whole (accepted by `new --from`).',
  async run(ctx, args) {
    if (args.length !== 1) throw new UsageError('Name one decision id (see `cairn list`).');
    const core = ctx.core();
    const d = await core.invoke('getDecision', { id: await resolveRef(core, args[0]!) });
    // `analysis` is computed from the rest and ignored by `new --from`; scripts read scores and totals from it.
    if (ctx.json) {
      ctx.out(JSON.stringify({ ...d, analysis: analyzeDecision(d) }, null, 2));
      return;
    }
    const names = new Map<string, string>();
    for (const r of d.relations) {
      if (names.has(r.target)) continue;
      const other = await core.invoke('getDecision', { id: r.target }).catch(() => null);
      if (other)
        names.set(r.target, `${other.number === null ? 'Draft' : `ADR ${other.number}`}: ${other.title} (${other.id})`);
    }
    ctx.out(formatDecision(d, names));
  },
};
