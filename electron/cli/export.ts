import path from 'node:path';
import { ADR_FORMATS, type AdrFormat } from '../../shared/adr/types.js';
import type { ExportPlan, ExportResult } from '../../shared/api/export.js';
import { UsageError, type Command } from './command.js';

const VERB: Record<string, string> = { create: 'write', update: 'update', unchanged: 'same', conflict: 'KEEP', blocked: 'SKIP' };

function describePlan(plan: ExportPlan): string[] {
  const lines = [`${plan.folder} (${plan.format}${plan.formatSource === 'folder' ? ', as the folder already writes' : ''})`];
  for (const n of plan.numbers) lines.push(`  number ${n.to} for "${n.title}"${n.from !== null ? ` (was ${n.from})` : ''}`);
  for (const f of plan.files) {
    lines.push(`  ${VERB[f.action]!.padEnd(6)} ${f.file}${f.keptAs ? ` -> Cairn's version in ${f.keptAs}` : ''}${f.note ? `  (${f.note})` : ''}`);
  }
  return lines;
}

function describeResult(result: ExportResult): string[] {
  const lines = [`Exported to ${result.folder} (${result.format}): ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}.`];
  for (const n of result.numbers) lines.push(`  "${n.title}" is now ADR ${n.to}`);
  for (const w of result.written) lines.push(`  ${w.action === 'create' ? 'wrote  ' : 'updated'} ${w.file}`);
  return lines;
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'cairn export [ID...] --dir DIR [--format madr|nygard] [--no-index] [--dry-run] [--json]',
  summary: 'Write decisions as Markdown ADRs into a repository folder (all not in the trash when no id is given).',
  options: { dir: { type: 'string' }, format: { type: 'string' }, 'no-index': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  async run(ctx, args, flags) {
    if (typeof flags.dir !== 'string' || !flags.dir.trim()) {
      throw new UsageError('Name the repository or ADR folder with --dir, e.g. cairn export --dir . (Cairn finds doc/adr or docs/decisions inside it).');
    }
    const format = flags.format as string | undefined;
    if (format !== undefined && !ADR_FORMATS.includes(format as AdrFormat)) {
      throw new UsageError(`Unknown format "${format}"; use madr or nygard (leave it out to follow the folder).`);
    }
    const request = {
      ids: args,
      // The core expands "~"; anything else relative is taken from the working folder.
      dir: flags.dir.startsWith('~') ? flags.dir : path.resolve(flags.dir),
      format: format as AdrFormat | undefined,
      index: flags['no-index'] !== true,
    };
    const core = ctx.core();
    if (flags['dry-run'] === true) {
      const plan = await core.invoke('planExport', request);
      ctx.out(ctx.json ? JSON.stringify(plan, null, 2) : describePlan(plan).join('\n'));
      return;
    }
    const result = await core.invoke('runExport', request);
    if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
    else ctx.out(describeResult(result).join('\n'));
    for (const c of result.conflicts) ctx.err(`cairn export: ${c.message}`);
    return result.conflicts.length ? 1 : 0;
  },
};
