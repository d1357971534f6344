/**
 * Changing and trashing a decision from the command line. `update` takes the JSON that
 * `show --json` prints, edited, and saves it as a new revision of the same decision; the
 * revision in the file is the one the edit was based on, so an edit made while someone else
 * saved is refused instead of silently overwriting their change.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { describeIssues } from '../../shared/api/define.js';
import { DecisionContent } from '../../shared/domain.js';
import { UsageError, type Command } from './command.js';
import { resolveRef } from './import.js';

/** What `update --from` reads: a decision's content plus, optionally, the id and revision `show --json` prints. */
const UpdateFile = DecisionContent.extend({
  id: z.string().optional(),
  revision: z.number().int().positive().optional(),
});

export const updateCommand: Command = {
  name: 'update',
  usage: 'cairn update ID --from FILE.json [--json]',
  summary: 'Save a decision from its edited `show --json` output; refused if it changed since.',
  options: { from: { type: 'string' } },
  async run(ctx, args, flags) {
    if (args.length !== 1) throw new UsageError('Name one decision id (see `cairn list`).');
    if (typeof flags.from !== 'string')
      throw new UsageError(
        `Give the edited decision with --from FILE.json (print it with: cairn show ${args[0]} --json > FILE.json).`,
      );
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(flags.from, 'utf8'));
    } catch (e) {
      throw new UsageError(`Cannot read ${flags.from} as JSON: ${(e as Error).message}`);
    }
    const parsed = UpdateFile.safeParse(raw);
    if (!parsed.success)
      throw new UsageError(`${flags.from} is not a decision: ${describeIssues(parsed.error.issues)}`);
    const { id: fileId, revision, ...content } = parsed.data;
    const core = ctx.core();
    const id = await resolveRef(core, args[0]!);
    if (fileId !== undefined && fileId !== id) {
      throw new UsageError(
        `${flags.from} holds decision ${fileId}, not ${id}. Use \`cairn update ${fileId} --from ${flags.from}\`, or \`cairn new --from\` to make a copy.`,
      );
    }
    const current = await core.invoke('getDecision', { id });
    // Without a revision the file cannot say what it was based on; taking the latest would overwrite blindly.
    if (revision === undefined) {
      throw new UsageError(
        `${flags.from} has no "revision", so Cairn cannot tell whether ${id} changed since. Start from \`cairn show ${id} --json\` (revision ${current.revision}).`,
      );
    }
    const saved = await core.invoke('updateDecision', { id, baseRevision: revision, content });
    if (ctx.json) ctx.out(JSON.stringify(saved, null, 2));
    else
      ctx.out(
        saved.revision === current.revision
          ? `Nothing changed in ${id} (revision ${saved.revision}).`
          : `Saved ${id} as revision ${saved.revision}.`,
      );
  },
};

function trashLike(name: 'trash' | 'untrash'): Command {
  const trash = name === 'trash';
  return {
    name,
    usage: `cairn ${name} ID [--json]`,
    summary: trash
      ? 'Move a decision to the trash (kept; `cairn untrash` brings it back).'
      : 'Bring a decision back from the trash.',
    async run(ctx, args) {
      if (args.length !== 1)
        throw new UsageError(`Name one decision id (see \`cairn list${trash ? '' : ' --trashed'}\`).`);
      const core = ctx.core();
      const d = await core.invoke(trash ? 'trashDecision' : 'restoreDecision', {
        id: await resolveRef(core, args[0]!),
      });
      if (ctx.json) ctx.out(JSON.stringify(d, null, 2));
      else
        ctx.out(
          trash
            ? `Moved "${d.title}" to the trash; \`cairn untrash ${d.id}\` brings it back.`
            : `Restored "${d.title}" from the trash.`,
        );
    },
  };
}

export const trashCommand = trashLike('trash');
export const untrashCommand = trashLike('untrash');
