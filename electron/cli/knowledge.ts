import fs from 'node:fs';
import type { SearchHit } from '../../shared/api/search.js';
import { UsageError, type Command } from './command.js';
import { MARK_END, MARK_START } from '../core/search/search.js';
import { NOTE_SUBCOMMANDS, noteOptions, runNoteSubcommand } from './knowledge-notes.js';
import { runSourceSubcommand, sourceOptions, SOURCE_SUBCOMMANDS } from './knowledge-sources.js';

const SUBCOMMANDS = `list | show ID | export ID | import FILE | verify ID [--sources DIR] | ${SOURCE_SUBCOMMANDS} | ${NOTE_SUBCOMMANDS}`;

export const knowledgeCommand: Command = {
  name: 'knowledge',
  usage: `cairn knowledge ${SUBCOMMANDS} [--json]`,
  summary:
    'Knowledge packs: list, show, export, import, create from your own documents, verify every quote against the stored texts, suggest claims, note contradictions and outdated claims.',
  options: { sources: { type: 'string' }, ...sourceOptions, ...noteOptions },
  async run(ctx, args, flags) {
    const [sub, arg, ...extra] = args;
    const core = ctx.core();
    const one = () => {
      if (!arg || extra.length)
        throw new UsageError(`Name one pack id: cairn knowledge ${sub} ID (see \`cairn knowledge list\`).`);
      return arg;
    };
    switch (sub) {
      case 'list': {
        const packs = await core.invoke('listPacks', {});
        if (ctx.json) return void ctx.out(JSON.stringify(packs, null, 2));
        if (!packs.length) return void ctx.out('No knowledge packs. Import one with: cairn knowledge import FILE');
        for (const p of packs)
          ctx.out(
            `${p.id}  ${p.title}  (${p.options} options, ${p.criteria} criteria, ${p.sources} sources, ${p.claims} claims${p.shipped ? ', shipped' : ''})`,
          );
        return;
      }
      case 'show': {
        const pack = await core.invoke('getPack', { id: one() });
        if (ctx.json) return void ctx.out(JSON.stringify(pack, null, 2));
        ctx.out(`${pack.title} [${pack.id}, version ${pack.version}]`);
        if (pack.question) ctx.out(`Question: ${pack.question}`);
        ctx.out(`Options: ${pack.options.map((o) => o.name).join(', ')}`);
        ctx.out('Criteria:');
        for (const c of pack.criteria) {
          const claims = pack.claims.filter((x) => x.criterion === c.id && !x.hidden);
          ctx.out(`  ${c.name} (${count(claims.length, 'claim')}) — ${c.question || c.description}`);
        }
        ctx.out(
          `Sources: ${pack.sources.length}; contradictions: ${pack.contradictions.length}; outdated claims: ${pack.outdated.length}`,
        );
        return;
      }
      case 'export': {
        const pack = await core.invoke('exportPack', { id: one() });
        ctx.out(JSON.stringify(pack, null, 2));
        return;
      }
      case 'import': {
        if (!arg || extra.length) throw new UsageError('Name one pack file: cairn knowledge import FILE.json');
        let raw: unknown;
        try {
          raw = JSON.parse(fs.readFileSync(arg, 'utf8'));
        } catch (e) {
          throw new UsageError(`Cannot read ${arg} as JSON: ${(e as Error).message}`);
        }
        const summary = await core.invoke('importPack', { pack: raw });
        if (ctx.json) return void ctx.out(JSON.stringify(summary, null, 2));
        ctx.out(`Imported ${summary.id}: ${count(summary.claims, 'claim')} from ${count(summary.sources, 'source')}.`);
        const s = summary.states;
        ctx.out(
          `Quotes: ${s.verified ?? 0} verified, ${s.moved ?? 0} moved, ${s.ambiguous ?? 0} ambiguous, ${s.missing ?? 0} missing, ${s.unchecked ?? 0} unchecked (no text).`,
        );
        if ((s.missing ?? 0) + (s.moved ?? 0) + (s.ambiguous ?? 0) > 0)
          ctx.err(`Some quotes do not verify; \`cairn knowledge verify ${summary.id}\` lists them.`);
        return;
      }
      case 'verify': {
        const result = await core.invoke('verifyPack', {
          id: one(),
          sourcesDir: typeof flags.sources === 'string' ? flags.sources : undefined,
        });
        if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
        else {
          for (const s of result.stored) ctx.out(`Stored the text of ${s.source} (version ${s.version}).`);
          for (const p of result.problems) ctx.err(`${p.where}: ${p.message}`);
          const s = result.states;
          ctx.out(
            `${count(result.checked, 'anchor')} checked against stored texts: ${s.verified ?? 0} verified, ${s.moved ?? 0} moved, ${s.ambiguous ?? 0} ambiguous, ${s.missing ?? 0} missing, ${s.unchecked ?? 0} unchecked; ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`,
          );
        }
        return result.problems.length ? 1 : 0;
      }
      default: {
        const rest = [arg, ...extra].filter((x): x is string => x !== undefined);
        let code: number | 'unknown' = sub ? await runSourceSubcommand(ctx, sub, rest, flags) : 'unknown';
        if (code === 'unknown' && sub) code = await runNoteSubcommand(ctx, sub, rest, flags);
        if (code !== 'unknown') return code;
        throw new UsageError(
          sub ? `Unknown subcommand "${sub}"; use ${SUBCOMMANDS}.` : `Say what to do: ${SUBCOMMANDS}.`,
        );
      }
    }
  },
};

function plain(snippet: string): string {
  return snippet.replaceAll(MARK_START, '*').replaceAll(MARK_END, '*').replace(/\s+/g, ' ');
}

export const searchCommand: Command = {
  name: 'search',
  usage: 'cairn search QUERY [--kind decision|claim|source] [--json]',
  summary: 'Ranked full-text search over decisions, claims and documents.',
  options: { kind: { type: 'string' } },
  async run(ctx, args, flags) {
    const query = args.join(' ').trim();
    if (!query) throw new UsageError('Say what to search for, e.g. cairn search "event loop".');
    const kind = flags.kind as SearchHit['kind'] | undefined;
    if (kind && !['decision', 'claim', 'source'].includes(kind))
      throw new UsageError('--kind is decision, claim or source.');
    const { hits } = await ctx.core().invoke('search', { query, kinds: kind ? [kind] : undefined, limit: 50 });
    if (ctx.json)
      return void ctx.out(
        JSON.stringify(
          hits.map((h) => ({ ...h, snippet: plain(h.snippet) })),
          null,
          2,
        ),
      );
    if (!hits.length) return void ctx.out(`Nothing found for "${query}".`);
    for (const h of hits)
      ctx.out(`${h.kind.padEnd(8)} ${h.pack ? `${h.pack}/` : ''}${h.id}  ${h.title}\n         ${plain(h.snippet)}`);
  },
};

/** "1 claim", "2,140 claims". */
function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
