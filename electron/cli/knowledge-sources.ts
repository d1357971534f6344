/**
 * `cairn knowledge new | add-source | add-claim | suggest`: packs for any question, built from
 * the user's own documents, each with `--json` (shapes in the README).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Effect } from '../../shared/domain.js';
import { EFFECTS, SOURCE_KINDS } from '../../shared/vocabulary.js';
import { UsageError, type CliContext } from './command.js';

export const SOURCE_SUBCOMMANDS =
  'new ID --question Q --option NAME… --criterion NAME… | add-source PACK FILE | add-claim PACK … | suggest PACK --source S';

export const sourceOptions = {
  question: { type: 'string' },
  title: { type: 'string' },
  option: { type: 'string', multiple: true },
  criterion: { type: 'string', multiple: true },
  source: { type: 'string' },
  author: { type: 'string' },
  publisher: { type: 'string' },
  date: { type: 'string' },
  url: { type: 'string' },
  kind: { type: 'string' },
  anchor: { type: 'string' },
  effect: { type: 'string' },
  condition: { type: 'string' },
  importance: { type: 'string' },
  summary: { type: 'string' },
  section: { type: 'string' },
  limit: { type: 'string' },
  eval: { type: 'boolean' },
} as const;

type Flags = Record<string, string | boolean | string[] | undefined>;
const text = (flags: Flags, name: string): string | undefined =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined;
const list = (flags: Flags, name: string): string[] => {
  const v = flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};
const int = (flags: Flags, name: string, min: number, max: number): number | undefined => {
  const v = text(flags, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} is a whole number from ${min} to ${max}.`);
  return n;
};

/** Runs one of these subcommands; `undefined` when `sub` is not one of them. */
export async function runSourceSubcommand(
  ctx: CliContext,
  sub: string,
  args: string[],
  flags: Flags,
): Promise<number | 'unknown'> {
  const core = ctx.core();
  switch (sub) {
    case 'new': {
      const [id, ...extra] = args;
      const question = text(flags, 'question');
      if (!id || extra.length)
        throw new UsageError(
          'Name the new pack: cairn knowledge new ID --question Q --option NAME --option NAME --criterion NAME',
        );
      if (!question)
        throw new UsageError('Say what the pack helps decide: --question "Which database for the orders service?"');
      // "--criterion 'Name: guiding question?'" gives a criterion its question.
      const criteria = list(flags, 'criterion').map((c) => {
        const at = c.indexOf(':');
        return at > 0 ? { name: c.slice(0, at).trim(), question: c.slice(at + 1).trim() } : { name: c.trim() };
      });
      const summary = await core.invoke('createPack', {
        id,
        title: text(flags, 'title'),
        question,
        options: list(flags, 'option').map((name) => ({ name })),
        criteria,
      });
      const pack = await core.invoke('getPack', { id });
      if (ctx.json) ctx.out(JSON.stringify({ ...summary, options: pack.options, criteria: pack.criteria }, null, 2));
      else {
        ctx.out(`Created pack ${summary.id}: ${summary.question}`);
        ctx.out(`Options: ${pack.options.map((o) => `${o.name} [${o.id}]`).join(', ')}`);
        ctx.out(`Criteria: ${pack.criteria.map((c) => `${c.name} [${c.id}]`).join(', ')}`);
        ctx.out(`Next: cairn knowledge add-source ${summary.id} FILE`);
      }
      return 0;
    }
    case 'add-source': {
      const [pack, file, ...extra] = args;
      if (!pack || !file || extra.length)
        throw new UsageError(
          'Name the pack and the document: cairn knowledge add-source PACK FILE (use - to read pasted text from stdin)',
        );
      const kind = text(flags, 'kind');
      if (kind && !(SOURCE_KINDS as readonly string[]).includes(kind))
        throw new UsageError(`--kind is one of ${SOURCE_KINDS.join(', ')}.`);
      const fields = Object.fromEntries(
        (['title', 'author', 'publisher', 'date', 'url', 'kind'] as const)
          .map((k) => [k, text(flags, k)])
          .filter(([, v]) => v !== undefined),
      );
      let document: { name: string; base64: string } | { name: string; text: string };
      if (file === '-') document = { name: 'pasted text.txt', text: fs.readFileSync(0, 'utf8') };
      else {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file);
        } catch (e) {
          throw new UsageError(
            `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`,
          );
        }
        document = { name: path.basename(file), base64: bytes.toString('base64') };
      }
      const result = await core.invoke('addSourceDocument', { pack, document, source: text(flags, 'source'), fields });
      if (ctx.json) {
        ctx.out(JSON.stringify(result, null, 2));
        return 0;
      }
      const s = result.source;
      ctx.out(
        `${result.created ? 'Stored' : 'Unchanged:'} ${s.id} "${s.title}" — text version ${result.version}, ${s.text?.format}, ${s.text?.chars.toLocaleString('en')} characters, ${s.text?.sections} headings.`,
      );
      ctx.out(
        `  author: ${s.author ?? '—'}; publisher: ${s.publisher ?? '—'}; date: ${s.date ?? 'undated'}; url: ${s.url ?? '—'}`,
      );
      for (const c of result.changes)
        ctx.out(`  claim ${c.claim}: ${c.was} → ${c.now}${c.reason ? ` (${c.reason})` : ''}`);
      return 0;
    }
    case 'add-claim': {
      const [pack, ...extra] = args;
      if (!pack || extra.length)
        throw new UsageError(
          'Name the pack: cairn knowledge add-claim PACK --source S --anchor "…" --option O --criterion C --effect good|bad|neutral --summary "…"',
        );
      const need = (name: string) => {
        const v = text(flags, name);
        if (!v) throw new UsageError(`add-claim needs --${name}.`);
        return v;
      };
      const effect = need('effect');
      if (!(EFFECTS as readonly string[]).includes(effect)) throw new UsageError(`--effect is ${EFFECTS.join(', ')}.`);
      const [option] = list(flags, 'option');
      const [criterion] = list(flags, 'criterion');
      if (!option || !criterion)
        throw new UsageError(
          'add-claim needs one --option and one --criterion (their names or ids, see `cairn knowledge show PACK`).',
        );
      const claim = await core.invoke('addClaim', {
        pack,
        claim: {
          source: need('source'),
          anchor: need('anchor'),
          option,
          criterion,
          effect: effect as Effect,
          condition: text(flags, 'condition') ?? null,
          importance: int(flags, 'importance', 1, 3) ?? 2,
          summary: need('summary'),
          section: text(flags, 'section') ?? '',
        },
      });
      if (ctx.json) ctx.out(JSON.stringify(claim, null, 2));
      else {
        ctx.out(
          `Added ${claim.id}: ${claim.verification.state}${claim.section ? ` (section "${claim.section}")` : ''}.`,
        );
        if (claim.verification.state !== 'verified') ctx.err(`  ${claim.verification.reason}`);
      }
      return claim.verification.state === 'verified' ? 0 : 1;
    }
    case 'suggest': {
      const [pack, ...extra] = args;
      if (!pack || extra.length)
        throw new UsageError(
          'Name the pack: cairn knowledge suggest PACK --source S [--limit N] | suggest --eval PACK',
        );
      if (flags.eval === true) {
        const report = await core.invoke('evaluateSuggestions', { pack });
        if (ctx.json) {
          ctx.out(JSON.stringify(report, null, 2));
          return 0;
        }
        ctx.out(`Suggestions for ${pack}, its claims as the answer key (top ${report.top} per criterion × option):`);
        ctx.out(`  recall (importance 3): ${report.found3}/${report.claims3} = ${(report.recall3 * 100).toFixed(1)} %`);
        ctx.out(`  recall (all claims):   ${report.found}/${report.claims} = ${(report.recall * 100).toFixed(1)} %`);
        ctx.out(
          `  precision:             ${report.hits}/${report.suggested} suggestions name a claimed sentence = ${(report.precision * 100).toFixed(1)} %`,
        );
        return 0;
      }
      const source = text(flags, 'source');
      if (!source)
        throw new UsageError('Say which source to read: --source S (see `cairn knowledge show PACK --json`).');
      const suggestions = await core.invoke('suggestClaims', {
        pack,
        source,
        limit: int(flags, 'limit', 1, 500) ?? 20,
      });
      if (ctx.json) {
        ctx.out(
          JSON.stringify(
            suggestions.map(({ source, option, criterion, effect, anchor, section, score }) => ({
              source,
              option,
              criterion,
              effect,
              anchor,
              section,
              score,
            })),
            null,
            2,
          ),
        );
        return 0;
      }
      if (!suggestions.length) ctx.out('No suggestions: nothing in this source names an option under a criterion.');
      for (const s of suggestions)
        ctx.out(
          `${s.score.toFixed(2)}  ${s.option} × ${s.criterion}  ${s.effect}  § ${s.section || '—'}\n      “${s.anchor}”`,
        );
      return 0;
    }
    default:
      return 'unknown';
  }
}
