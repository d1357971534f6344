/**
 * `cairn due` for CI and cron (exit 1 while any decision is past its review date) and
 * `cairn review` to set a review date and triggers or record a review's outcome.
 */
import type { DueItem } from '../../shared/api/review.js';
import { IsoDate, REVIEW_OUTCOMES, type Decision, type ReviewOutcome } from '../../shared/domain.js';
import { describeDue } from '../../shared/review.js';
import { UsageError, type Command } from './command.js';
import { resolveRef } from './import.js';

const label = (d: { number: number | null; title: string }) =>
  `${d.number === null ? 'Draft' : `ADR ${d.number}`}: ${d.title}`;

function dueLine(item: DueItem, today: string): string {
  const when = item.reviewBy ? `${item.reviewBy} (${describeDue(item.reviewBy, today)})` : 'no review date';
  const lines = [`${item.overdue ? 'OVERDUE' : 'due    '}  ${when}  ${label(item)}  [${item.id}]`];
  for (const t of item.triggers) lines.push(`           trigger: ${t}`);
  if (item.evidenceChanged) lines.push(`           evidence changed: ${item.evidenceChanged}`);
  return lines.join('\n');
}

function date(flag: string | boolean | undefined, name: string): string | undefined {
  if (typeof flag !== 'string') return undefined;
  if (!IsoDate.safeParse(flag).success) throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${flag}".`);
  return flag;
}

export const dueCommand: Command = {
  name: 'due',
  usage: 'cairn due [--within DAYS] [--on YYYY-MM-DD] [--json]',
  summary: 'Decisions due or overdue for review; exit 1 when any is overdue (for CI and cron).',
  options: { within: { type: 'string' }, on: { type: 'string' } },
  async run(ctx, _args, flags) {
    let within = 0;
    if (typeof flags.within === 'string') {
      if (!/^\d{1,5}$/.test(flags.within))
        throw new UsageError(`--within takes a number of days (0 or more), not "${flags.within}".`);
      within = Number(flags.within);
    }
    const result = await ctx.core().invoke('listDue', { within, on: date(flags.on, 'on') });
    if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
    else if (!result.items.length)
      ctx.out(`Nothing due for review${within ? ` within ${within} days` : ''} (today is ${result.today}).`);
    else {
      ctx.out(result.items.map((i) => dueLine(i, result.today)).join('\n'));
      ctx.out(
        `\n${result.items.length} due, ${result.overdue} overdue. Record a review with: cairn review ID --outcome holds --next YYYY-MM-DD --note "…"`,
      );
    }
    return result.overdue > 0 ? 1 : 0;
  },
};

export const reviewCommand: Command = {
  name: 'review',
  usage:
    'cairn review ID [--by DATE|none] [--trigger TEXT]... | cairn review ID --outcome holds|amend|supersede [--next DATE] [--note TEXT]',
  summary: "Set a decision's review date and triggers, or record a review (a new revision with a note).",
  options: {
    by: { type: 'string' },
    trigger: { type: 'string', multiple: true },
    outcome: { type: 'string' },
    next: { type: 'string' },
    note: { type: 'string' },
  },
  async run(ctx, args, flags) {
    if (args.length !== 1)
      throw new UsageError('Name one decision (id or ADR number), e.g. cairn review 7 --by 2027-01-31');
    const core = ctx.core();
    const id = await resolveRef(core, args[0]!);
    const current = await core.invoke('getDecision', { id });
    const print = (d: Decision, extra = '') =>
      ctx.out(
        ctx.json
          ? JSON.stringify(d, null, 2)
          : `${label(d)}: review ${d.reviewBy ? `by ${d.reviewBy}` : 'date none'}${d.reviewTriggers.length ? `; triggers: ${d.reviewTriggers.join('; ')}` : ''}.${extra}`,
      );
    if (typeof flags.outcome === 'string') {
      if (!REVIEW_OUTCOMES.includes(flags.outcome as ReviewOutcome))
        throw new UsageError(`--outcome is one of ${REVIEW_OUTCOMES.join(', ')}, not "${flags.outcome}".`);
      const next = flags.next === 'none' ? null : date(flags.next, 'next');
      const result = await core.invoke('reviewDecision', {
        id,
        baseRevision: current.revision,
        outcome: flags.outcome as ReviewOutcome,
        note: (flags.note as string | undefined) ?? '',
        nextReview: next,
      });
      if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
      else
        print(
          result.decision,
          result.draft ? `\nStarted the superseding draft ${label(result.draft)} [${result.draft.id}].` : '',
        );
      return;
    }
    const triggers = flags.trigger as unknown as string[] | undefined;
    if (flags.by === undefined && triggers === undefined) {
      print(current);
      return;
    }
    const reviewBy = flags.by === undefined ? current.reviewBy : flags.by === 'none' ? null : date(flags.by, 'by')!;
    const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = current;
    const saved = await core.invoke('updateDecision', {
      id,
      baseRevision: current.revision,
      content: { ...content, reviewBy, reviewTriggers: triggers ?? current.reviewTriggers },
    });
    print(saved);
  },
};
