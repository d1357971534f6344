import path from 'node:path';
import { exportHomes, homelessSentence } from '../../shared/export-home.js';
import { ADR_FORMATS, type AdrFormat } from '../../shared/adr/types.js';
import type { ExportPlan, ExportRequest, ExportResult } from '../../shared/api/export.js';
import { INDEX_FILE } from '../../shared/adr/index-file.js';
import type { Core } from '../core/core.js';
import { resolveRef } from './import.js';
import { UsageError, type Command } from './command.js';

const VERB: Record<string, string> = {
  create: 'write',
  update: 'update',
  unchanged: 'same',
  conflict: 'KEEP',
  blocked: 'SKIP',
};

function describePlan(plan: ExportPlan): string[] {
  const lines = [
    `${plan.folder} (${plan.format}${plan.formatSource === 'folder' ? ', as the folder already writes' : ''})`,
  ];
  for (const n of plan.numbers)
    lines.push(`  number ${n.to} for "${n.title}"${n.from !== null ? ` (was ${n.from})` : ''}`);
  for (const f of plan.files) {
    lines.push(
      `  ${VERB[f.action]!.padEnd(6)} ${f.file}${f.keptAs ? ` -> Cairn's version in ${f.keptAs}` : ''}${f.note ? `  (${f.note})` : ''}`,
    );
  }
  return lines;
}

function describeResult(result: ExportResult): string[] {
  const lines = [
    `Exported to ${result.folder} (${result.format}): ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}.`,
  ];
  for (const n of result.numbers) lines.push(`  "${n.title}" is now ADR ${n.to}`);
  for (const w of result.written) lines.push(`  ${w.action === 'create' ? 'wrote  ' : 'updated'} ${w.file}`);
  for (const f of result.restored) lines.push(`  restored ${f} (the repository's own, as imported)`);
  return lines;
}

export const exportCommand: Command = {
  name: 'export',
  usage:
    'cairn export [ID|REPO:N...] [--dir DIR | --repo NAME] [--format madr|nygard] [--index | --no-index] [--dry-run] [--json]',
  summary:
    'Write decisions as Markdown ADRs: without --dir each goes back to its own repository (deleted folders are re-created); with --dir into that folder (all not in the trash when no id is given).',
  options: {
    dir: { type: 'string' },
    repo: { type: 'string' },
    format: { type: 'string' },
    index: { type: 'boolean' },
    'no-index': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(ctx, args, flags) {
    const format = flags.format as string | undefined;
    if (format !== undefined && !ADR_FORMATS.includes(format as AdrFormat)) {
      throw new UsageError(`Unknown format "${format}"; use madr or nygard (leave it out to follow the folder).`);
    }
    if (typeof flags.dir === 'string' && !flags.dir.trim())
      throw new UsageError(
        '--dir needs a folder, e.g. cairn export --dir . (Cairn finds doc/adr or docs/decisions inside it).',
      );
    const core = ctx.core();
    const ids = await Promise.all(args.map((a) => resolveRef(core, a)));
    // Left out, the index is Cairn's call: only where Cairn wrote it or makes the folder.
    const index = flags['no-index'] === true ? false : flags.index === true ? true : undefined;
    const base = { format: format as AdrFormat | undefined, index };
    let requests: ExportRequest[];
    if (typeof flags.dir === 'string') {
      // The core expands "~"; anything else relative is taken from the working folder.
      requests = [{ ...base, ids, dir: flags.dir.startsWith('~') ? flags.dir : path.resolve(flags.dir) }];
    } else if (typeof flags.repo === 'string') {
      requests = [{ ...base, ids, repository: flags.repo }];
    } else {
      requests = await ownRepositories(core, ids, base);
    }
    let failed = false;
    const outputs: unknown[] = [];
    for (const request of requests) {
      if (flags['dry-run'] === true) {
        const plan = await core.invoke('planExport', request);
        outputs.push(plan);
        if (!ctx.json) ctx.out(describePlan(plan).join('\n'));
        continue;
      }
      const result = await core.invoke('runExport', request);
      outputs.push(result);
      if (!ctx.json) ctx.out(describeResult(result).join('\n'));
      for (const c of result.conflicts) ctx.err(`cairn export: ${c.message}`);
      // The index is a courtesy: one Cairn could not write is a notice; the exit code is about the ADRs.
      if (result.conflicts.some((c) => c.file !== INDEX_FILE)) failed = true;
    }
    // One folder prints its plan or result as before; several print a list of them.
    if (ctx.json) ctx.out(JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2));
    return failed ? 1 : 0;
  },
};

/** One export per repository the chosen decisions (all, when none is named) belong to. */
async function ownRepositories(
  core: Core,
  ids: string[],
  base: Omit<ExportRequest, 'dir' | 'ids'>,
): Promise<ExportRequest[]> {
  const { items } = await core.invoke('listDecisions', { limit: 100_000, sort: 'number' });
  const chosen = ids.length ? items.filter((d) => ids.includes(d.id)) : items;
  const { groups, homeless } = exportHomes(chosen);
  if (homeless.length && (ids.length || !groups.length)) {
    throw new UsageError(
      `${homelessSentence(homeless)}; name the folder with --dir, e.g. cairn export ID --dir ~/project.`,
    );
  }
  if (!groups.length)
    throw new UsageError(
      'There is nothing to export. Create a decision with cairn new, or import a repository with cairn import DIR.',
    );
  return groups.map(({ repository, ids: list }) => ({ ...base, repository, ids: list }));
}
