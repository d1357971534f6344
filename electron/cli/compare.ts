import type { Comparison } from '../../shared/compare.js';
import { MAX_COMPARED } from '../../shared/api/compare.js';
import { sharePercent } from '../../shared/scoring.js';
import { UsageError, type Command } from './command.js';

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

const dash = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));

/** The comparison as aligned columns, one per decision, then the warnings and differences. */
export function formatComparison(c: Comparison): string {
  const lines = [
    'Comparing',
    ...c.decisions.map((d) => `  ${d.label}: ${d.title} (${d.status}, ${d.date})  ${d.id}`),
    '',
  ];
  const head = ['', ...c.decisions.map((d) => d.label)];
  const rows: string[][] = [
    head,
    ['Chosen option', ...c.decisions.map((d) => d.chosen ?? '–')],
    ['Weights (0–5)', ...c.decisions.map(() => '')],
  ];
  for (const r of c.criteria) {
    const mark = r.weightSpread >= 3 ? '!' : r.weightSpread > 0 ? '*' : '';
    rows.push([`  ${r.name}`, ...r.cells.map((x) => dash(x?.weight)), mark]);
  }
  const scored = c.criteria.some((r) => r.cells.some((x) => x?.scores.some((s) => s !== null)));
  if (scored) {
    rows.push(['Scores (1–5)', ...c.decisions.map(() => '')]);
    for (const r of c.criteria) {
      c.options.forEach((o, i) => {
        const values = r.cells.map((x) => x?.scores[i] ?? null);
        if (values.some((v) => v !== null)) rows.push([`  ${o.name} for ${r.name}`, ...values.map(dash)]);
      });
    }
  }
  if (c.decisions.some((d) => d.shares.some((x) => x !== null))) {
    rows.push(['Weighted totals (share of best possible)', ...c.decisions.map(() => '')]);
    c.options.forEach((o, i) => {
      rows.push([
        `  ${o.name}`,
        ...c.decisions.map((d) =>
          d.shares[i] == null ? '–' : `${sharePercent(d.shares[i]!)}%${d.leaderKey === o.key ? ' first' : ''}`,
        ),
      ]);
    });
  }
  rows.push([
    'Claims relied on',
    ...c.decisions.map((_, g) => String(c.criteria.reduce((n, r) => n + (r.cells[g]?.claims.length ?? 0), 0))),
  ]);
  lines.push(
    ...table(rows),
    '',
    '! weighed very differently   * weighed differently   – not a driver there / not scored',
  );
  const warnings = c.differences.filter((d) => d.severity === 'warning');
  const info = c.differences.filter((d) => d.severity === 'info');
  if (warnings.length) lines.push('', 'Warnings', ...warnings.map((d) => `  ! ${d.message}`));
  if (info.length) lines.push('', 'Differences', ...info.map((d) => `  - ${d.message}`));
  if (!c.differences.length) lines.push('', 'No differences in drivers, weights, options, scores or choices.');
  return lines.join('\n');
}

export const compareCommand: Command = {
  name: 'compare',
  usage: 'cairn compare ID ID... [--json]',
  summary: `Compare 2–${MAX_COMPARED} decisions (ids or ADR numbers) side by side.`,
  async run(ctx, args) {
    if (args.length < 2 || args.length > MAX_COMPARED) {
      throw new UsageError(`Name 2 to ${MAX_COMPARED} decisions by id or ADR number, e.g. cairn compare 3 7.`);
    }
    const comparison = await ctx.core().invoke('compareDecisions', { ids: args });
    ctx.out(ctx.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
  },
};
