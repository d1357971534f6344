import { STATUSES, type Decision, type Status } from '../../shared/domain.js';
import { resolveRef } from './import.js';
import { UsageError, type Command } from './command.js';
import { RELATION_NAMES } from '../../shared/relation-types.js';

const label = (d: Decision) => `${d.number === null ? 'Draft' : `ADR ${d.number}`}: ${d.title}`;

export const supersedeCommand: Command = {
  name: 'supersede',
  usage: 'cairn supersede OLD NEW [--json]',
  summary: 'Mark decision OLD as superseded by NEW (ids or ADR numbers); both are updated.',
  async run(ctx, args) {
    if (args.length !== 2)
      throw new UsageError('Name the old decision and the one that replaces it, e.g. cairn supersede 3 7');
    const core = ctx.core();
    const [oldId, newId] = [await resolveRef(core, args[0]!), await resolveRef(core, args[1]!)];
    const result = await core.invoke('supersedeDecision', { old: oldId, new: newId });
    ctx.out(ctx.json ? JSON.stringify(result, null, 2) : `${label(result.old)} is superseded by ${label(result.new)}.`);
  },
};

export const linkCommand: Command = {
  name: 'link',
  usage: 'cairn link A RELATION B [--json]',
  summary: `Relate two decisions (${RELATION_NAMES.join(', ')}); the reverse is written on B.`,
  async run(ctx, args) {
    if (args.length !== 3)
      throw new UsageError('Name a decision, a relation and another decision, e.g. cairn link 9 amends 5');
    const core = ctx.core();
    const [from, to] = [await resolveRef(core, args[0]!), await resolveRef(core, args[2]!)];
    const result = await core.invoke('linkDecisions', { from, relation: args[1]!, to });
    const type = result.from.relations.find((r) => r.target === result.to.id)?.type ?? args[1]!;
    ctx.out(
      ctx.json
        ? JSON.stringify(result, null, 2)
        : `${label(result.from)} ${type.replace(/-/g, ' ')} ${label(result.to)}.`,
    );
  },
};

export const unlinkCommand: Command = {
  name: 'unlink',
  usage: 'cairn unlink A RELATION B',
  summary: 'Remove a relation between two decisions, and its reverse.',
  async run(ctx, args) {
    if (args.length !== 3)
      throw new UsageError('Name a decision, a relation and another decision, e.g. cairn unlink 9 amends 5');
    const core = ctx.core();
    const [from, to] = [await resolveRef(core, args[0]!), await resolveRef(core, args[2]!)];
    const result = await core.invoke('unlinkDecisions', { from, relation: args[1]!, to });
    ctx.out(
      ctx.json ? JSON.stringify(result, null, 2) : `Removed: ${label(result.from)} ${args[1]} ${label(result.to)}.`,
    );
  },
};

export const statusCommand: Command = {
  name: 'status',
  usage: 'cairn status ID STATUS [--text T] [--json]',
  summary: "Set a decision's status (deprecate, reject, accept …); --history lists its status changes.",
  options: { text: { type: 'string' }, history: { type: 'boolean' } },
  async run(ctx, args, flags) {
    const core = ctx.core();
    if (flags.history) {
      if (args.length !== 1) throw new UsageError('Name one decision, e.g. cairn status 3 --history');
      const history = await core.invoke('listStatusHistory', { id: await resolveRef(core, args[0]!) });
      if (ctx.json) ctx.out(JSON.stringify(history, null, 2));
      else
        ctx.out(
          history
            .map(
              (h) =>
                `${h.savedAt.slice(0, 10)}  revision ${h.revision}  ${h.status}${h.statusText ? ` ("${h.statusText}")` : ''}  (${h.reason})`,
            )
            .join('\n'),
        );
      return;
    }
    if (args.length !== 2) throw new UsageError('Name a decision and a status, e.g. cairn status 3 deprecated');
    const status = args[1]!.toLowerCase();
    if (!STATUSES.includes(status as Status))
      throw new UsageError(`Unknown status "${args[1]}"; use one of ${STATUSES.join(', ')}.`);
    const d = await core.invoke('setStatus', {
      id: await resolveRef(core, args[0]!),
      status: status as Status,
      text: flags.text as string | undefined,
    });
    ctx.out(ctx.json ? JSON.stringify(d, null, 2) : `${label(d)} is now ${d.status}.`);
  },
};

export const duplicatesCommand: Command = {
  name: 'duplicates',
  usage: 'cairn duplicates [--json]',
  summary: 'List ADR numbers that more than one decision has (parallel branches).',
  async run(ctx) {
    const groups = await ctx.core().invoke('findDuplicateNumbers', {});
    if (ctx.json) return void ctx.out(JSON.stringify(groups, null, 2));
    if (!groups.length) return void ctx.out('No two decisions share a number.');
    ctx.out(
      groups
        .map(
          (g) =>
            `ADR ${g.number}:\n${g.decisions.map((d) => `  ${d.id}  ${d.title}${d.file ? `  (${d.file})` : ''}`).join('\n')}`,
        )
        .join('\n') + '\n\nRenumber one with: cairn renumber ID [NUMBER]',
    );
  },
};

export const renumberCommand: Command = {
  name: 'renumber',
  usage: 'cairn renumber ID [NUMBER] [--json]',
  summary: 'Give a decision another number (default: the next free one); links to it are rewritten.',
  async run(ctx, args) {
    if (args.length < 1 || args.length > 2)
      throw new UsageError('Name the decision by its id (see `cairn duplicates`), optionally with the new number.');
    if (args[1] !== undefined && !/^\d+$/.test(args[1])) throw new UsageError(`"${args[1]}" is not a number.`);
    const result = await ctx
      .core()
      .invoke('renumberDecision', { id: args[0]!, number: args[1] === undefined ? undefined : Number(args[1]) });
    if (ctx.json) return void ctx.out(JSON.stringify(result, null, 2));
    const lines = [
      `${label(result.decision)}${result.rewritten.length ? `; links rewritten in ${result.rewritten.length} other decision${result.rewritten.length === 1 ? '' : 's'}` : ''}.`,
    ];
    for (const m of result.moved) lines.push(`  renamed ${m.from} to ${m.to} in ${m.dir}`);
    for (const k of result.kept) lines.push(`  not renamed: ${k.reason}`);
    if (result.moved.length) lines.push('Export the folder to write the new number and links into the files.');
    ctx.out(lines.join('\n'));
  },
};
