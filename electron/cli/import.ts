import type { ImportReport } from '../../shared/api/import.js';
import type { Core } from '../core/core.js';
import { UsageError, type Command } from './command.js';

/** Lists of files longer than this are summed up rather than printed line by line. */
const LISTED = 50;

export function formatReport(r: ImportReport): string {
  if (!r.folders.length) {
    return `Found no ADR folder in ${r.dir}. Looked in: ${r.lookedIn.join(', ')}. Name the folder that holds the ADR files, e.g. cairn import ${r.dir}/docs/adr.`;
  }
  const lines = [
    `Imported from ${r.dir}: ${r.imported.length} new, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.skipped.length} skipped` +
      (r.missing.length ? `, ${r.missing.length} missing` : '') +
      (r.conflicts.length
        ? `, ${r.conflicts.length} conflicting field${r.conflicts.length === 1 ? '' : 's'} kept`
        : '') +
      '.',
  ];
  if (r.folders.length > 1 || r.folders[0]!.source !== 'named') {
    for (const f of r.folders)
      lines.push(
        `  folder     ${f.folder} (${f.files} Markdown file${f.files === 1 ? '' : 's'}, found by ${f.source}) as repository ${f.repository ?? '?'}`,
      );
  } else if (r.folders[0]!.repository) lines.push(`  repository ${r.folders[0]!.repository}`);
  const adr = (n: number | null) => (n === null ? 'draft' : `ADR ${n}`);
  if (r.imported.length && r.imported.length <= LISTED)
    for (const f of r.imported) lines.push(`  new        ${adr(f.number)}: ${f.title}  (${f.file}, ${f.dialect})`);
  for (const f of r.updated)
    lines.push(
      `  updated    ${adr(f.number)}: ${f.title}  (${f.file}${f.renamedFrom ? `, renamed from ${f.renamedFrom}` : ''}: ${f.changes.join(', ') || 'formatting only'})`,
    );
  for (const f of r.missing)
    lines.push(`  missing    ${f.file}: no longer in the folder; its decision ${f.id} is kept`);
  for (const f of r.skipped) lines.push(`  skipped    ${f.file}: ${f.reason}`);
  for (const g of r.duplicates) {
    lines.push(
      `  duplicate  ADR ${g.number} is used by ${g.decisions.map((d) => `${d.file ?? d.title} (${d.id})`).join(' and ')}; renumber one with: cairn renumber ID`,
    );
  }
  for (const w of r.warnings) lines.push(`  warning    ${w.file}: ${w.message}`);
  for (const c of r.conflicts) {
    const short = (t: string) => (t.length > 120 ? `${t.slice(0, 120)}…` : t).replace(/\s+/g, ' ');
    lines.push(
      `  conflict   ${c.file}: ${c.field} changed both in the file and in Cairn; kept Cairn's "${short(c.local)}", the file has "${short(c.incoming)}". Take the file's with: cairn import DIR --take ${c.id}:${c.field}`,
    );
  }
  if (r.ignored.length)
    lines.push(
      `  (${r.ignored.length} other file${r.ignored.length === 1 ? '' : 's'} in the folder left alone: ${r.ignored.slice(0, 5).join(', ')}${r.ignored.length > 5 ? ', …' : ''})`,
    );
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  usage: 'cairn import DIR [--take ID:FIELD]... [--json]',
  summary:
    'Import the ADRs of a repository (its ADR folders are found) or of one folder, subfolders included (MADR 2/3/4, adr-tools/Nygard, log4brains); again after a git pull to update.',
  options: { take: { type: 'string', multiple: true } },
  async run(ctx, args, flags) {
    if (args.length !== 1) throw new UsageError('Name one folder, e.g. cairn import docs/decisions');
    const take = ((flags.take as unknown as string[] | undefined) ?? []).map((t) => {
      const m = /^(.+):([A-Za-z*]+)$/.exec(t);
      if (!m)
        throw new UsageError(
          `--take wants DECISION-ID:FIELD (e.g. --take ${'1f2e…'}:context, or ID:* for every conflicting field); got "${t}".`,
        );
      return { id: m[1]!, field: m[2]! };
    });
    const report = await ctx.core().invoke('importFolder', { dir: args[0]!, take });
    ctx.out(ctx.json ? JSON.stringify(report, null, 2) : formatReport(report));
  },
};

/**
 * Accepts a decision id; an ADR number when exactly one decision has it; or `REPO:N`, ADR N of
 * that repository (numbers are per repository, so a bare number may be ambiguous).
 */
export async function resolveRef(core: Core, ref: string): Promise<string> {
  const m = /^(?:(.+):)?(\d+)$/.exec(ref);
  if (!m) return ref;
  const [, repo, digits] = m;
  const n = Number(digits);
  const { items } = await core.invoke('listDecisions', {
    limit: 100_000,
    sort: 'number',
    ...(repo ? { repository: repo } : {}),
  });
  const hits = items.filter((d) => d.number === n);
  if (hits.length === 1) return hits[0]!.id;
  if (repo && !items.length) {
    const known = await core.invoke('listRepositories', {});
    if (!known.some((r) => r.name === repo))
      throw new UsageError(`No repository "${repo}". Run \`cairn repos\` to see their names.`);
  }
  if (!hits.length)
    throw new UsageError(
      `No decision has number ${n}${repo ? ` in ${repo}` : ''}. Run \`cairn list\` to see numbers and ids.`,
    );
  const named = hits.map((h) => (h.repository ? `${h.repository}:${n}` : h.id));
  if (!repo && new Set(named).size === named.length) {
    throw new UsageError(
      `ADR ${n} is ambiguous: ${hits.length} decisions have that number. Name one as ${named.join(' or ')}.`,
    );
  }
  throw new UsageError(
    `${hits.length} decisions have number ${n}${repo ? ` in ${repo}` : ''} (${hits.map((h) => h.id).join(', ')}); name one by its id, or renumber one with cairn renumber ID.`,
  );
}
