/**
 * `cairn knowledge add-contradiction | remove-contradiction | mark-outdated | remove-outdated`:
 * the user's own notes on a pack they can edit, each with `--json` (shapes in the README).
 */
import { UsageError, type CliContext } from './command.js';

export const NOTE_SUBCOMMANDS =
  'add-contradiction PACK CLAIM CLAIM --note N | remove-contradiction PACK CLAIM CLAIM | mark-outdated PACK CLAIM --note N | remove-outdated PACK CLAIM';

export const noteOptions = { note: { type: 'string' } } as const;

type Flags = Record<string, string | boolean | string[] | undefined>;

/** Runs one of these subcommands; `'unknown'` when `sub` is not one of them. */
export async function runNoteSubcommand(
  ctx: CliContext,
  sub: string,
  args: string[],
  flags: Flags,
): Promise<number | 'unknown'> {
  const note = () => {
    const v = typeof flags.note === 'string' ? flags.note.trim() : '';
    if (!v)
      throw new UsageError(
        sub === 'mark-outdated'
          ? 'Say why the claim is outdated, and what replaced it: --note "…"'
          : 'Say why the two claims disagree: --note "…"',
      );
    return v;
  };
  const want = (n: number, usage: string) => {
    if (args.length !== n || args.some((a) => !a)) throw new UsageError(`Usage: cairn knowledge ${usage}`);
    return args;
  };
  const core = ctx.core();
  switch (sub) {
    case 'add-contradiction': {
      const [pack, a, b] = want(3, 'add-contradiction PACK CLAIM CLAIM --note "why they disagree"');
      const result = await core.invoke('addContradiction', { pack: pack!, claims: [a!, b!], note: note() });
      if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(`Claims ${result.claims[0]} and ${result.claims[1]} contradict each other: ${result.note}`);
      return 0;
    }
    case 'remove-contradiction': {
      const [pack, a, b] = want(3, 'remove-contradiction PACK CLAIM CLAIM');
      const result = await core.invoke('removeContradiction', { pack: pack!, claims: [a!, b!] });
      if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(`Removed the contradiction between ${result.claims[0]} and ${result.claims[1]}.`);
      return 0;
    }
    case 'mark-outdated': {
      const [pack, claim] = want(2, 'mark-outdated PACK CLAIM --note "why, and what replaced it"');
      const result = await core.invoke('markOutdated', { pack: pack!, claim: claim!, note: note() });
      if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(`Claim ${result.claim} is outdated: ${result.note}`);
      return 0;
    }
    case 'remove-outdated': {
      const [pack, claim] = want(2, 'remove-outdated PACK CLAIM');
      const result = await core.invoke('removeOutdated', { pack: pack!, claim: claim! });
      if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(`Claim ${result.claim} is no longer marked outdated.`);
      return 0;
    }
    default:
      return 'unknown';
  }
}
