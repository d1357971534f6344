import type { Command } from './command.js';

export const reposCommand: Command = {
  name: 'repos',
  usage: 'cairn repos [--json]',
  summary: 'The repositories Cairn knows (imported from or exported to), with their ADR folders and decision counts.',
  async run(ctx) {
    const repos = await ctx.core().invoke('listRepositories', {});
    if (ctx.json) {
      ctx.out(JSON.stringify(repos, null, 2));
      return;
    }
    if (!repos.length) {
      ctx.out('No repositories yet. Import one with: cairn import PATH/TO/REPOSITORY');
      return;
    }
    const rows = [['NAME', 'DECISIONS', 'NAMING', 'FOLDER']];
    for (const r of repos) rows.push([r.name, String(r.decisions), r.naming, r.folder]);
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    ctx.out(
      rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n'),
    );
  },
};
