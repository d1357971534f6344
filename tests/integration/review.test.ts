import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { createCore } from '../../electron/core/core.js';
import { addDays } from '../../shared/review.js';
import { tempDir } from '../helpers/temp.js';

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const today = new Date().toISOString().slice(0, 10);

describe('review dates, cairn due and cairn review (real SQLite files, real folders)', () => {
  it('a new user: two review dates, one past; due exits 1; still holds exits 0; the date survives export and re-import', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const past = (await cairn('new', 'Use Redis for sessions', '--db', db)).out.trim();
    const later = (await cairn('new', 'Use Python for workers', '--db', db)).out.trim();
    expect((await cairn('status', past, 'accepted', '--db', db)).code).toBe(0);
    expect(
      (
        await cairn(
          'review',
          past,
          '--by',
          '2020-01-15',
          '--trigger',
          'when traffic passes 5k requests/s, sustained',
          '--trigger',
          'when Redis 8 ships',
          '--db',
          db,
        )
      ).code,
    ).toBe(0);
    expect((await cairn('review', later, '--by', addDays(today, 200), '--db', db)).code).toBe(0);

    const due = await cairn('due', '--db', db);
    expect(due.code).toBe(1);
    expect(due.out).toContain('OVERDUE  2020-01-15');
    expect(due.out).toContain('Use Redis for sessions');
    expect(due.out).toContain('trigger: when traffic passes 5k requests/s, sustained');
    expect(due.out).not.toContain('Use Python for workers');
    const json = JSON.parse((await cairn('due', '--within', '365', '--json', '--db', db)).out);
    expect(json.today).toBe(today);
    expect(json.overdue).toBe(1);
    expect(json.items.map((i: { title: string }) => i.title)).toEqual([
      'Use Redis for sessions',
      'Use Python for workers',
    ]);
    expect(json.items[0]).toMatchObject({
      reviewBy: '2020-01-15',
      overdue: true,
      evidenceChanged: null,
      triggers: ['when traffic passes 5k requests/s, sustained', 'when Redis 8 ships'],
    });
    expect(json.items[1]).toMatchObject({ overdue: false, days: 200 });

    const next = addDays(today, 180);
    const held = await cairn(
      'review',
      past,
      '--outcome',
      'holds',
      '--next',
      next,
      '--note',
      'Traffic is still at 2k/s.',
      '--db',
      db,
    );
    expect(held.code, held.err).toBe(0);
    const after = await cairn('due', '--db', db);
    expect(after.code).toBe(0);
    expect(after.out).toContain('Nothing due for review');

    const shown = JSON.parse((await cairn('show', past, '--json', '--db', db)).out);
    expect(shown.reviewBy).toBe(next);
    expect(shown.reviews).toEqual([{ date: today, outcome: 'holds', note: 'Traffic is still at 2k/s.', next }]);
    const core = createCore({ dbPath: db, backups: false });
    expect((await core.invoke('listRevisions', { id: past }))[0]!.reason).toBe('review');
    core.close();

    // Export into a folder, import into a fresh store: date and triggers come back.
    const adr = path.join(dir, 'docs', 'decisions');
    fs.mkdirSync(adr, { recursive: true });
    expect((await cairn('export', '--dir', adr, '--db', db)).code).toBe(0);
    const file = fs.readdirSync(adr).find((f) => f.includes('redis'))!;
    const text = fs.readFileSync(path.join(adr, file), 'utf8');
    expect(text).toContain(`review-by: ${next}`);
    const other = path.join(dir, 'teammate.db');
    expect((await cairn('import', adr, '--db', other)).code).toBe(0);
    const imported = JSON.parse((await cairn('list', '--json', '--db', other)).out) as {
      id: string;
      title: string;
      reviewBy: string | null;
    }[];
    const back = imported.find((d) => d.title === 'Use Redis for sessions')!;
    expect(back.reviewBy).toBe(next);
    const whole = JSON.parse((await cairn('show', back.id, '--json', '--db', other)).out);
    expect(whole.reviewTriggers).toEqual(['when traffic passes 5k requests/s, sustained', 'when Redis 8 ships']);
    // The Nygard form comes back too.
    const nygard = path.join(dir, 'doc', 'adr');
    fs.mkdirSync(nygard, { recursive: true });
    expect((await cairn('export', '--dir', nygard, '--format', 'nygard', '--db', db)).code).toBe(0);
    const third = path.join(dir, 'third.db');
    expect((await cairn('import', nygard, '--db', third)).code).toBe(0);
    const viaNygard = (
      JSON.parse((await cairn('list', '--json', '--db', third)).out) as { title: string; reviewBy: string | null }[]
    ).find((d) => d.title === 'Use Redis for sessions')!;
    expect(viaNygard.reviewBy).toBe(next);
  });

  it('sorts and filters the list by review state; rejected and superseded decisions never come due', async () => {
    const db = path.join(tempDir(), 'list.db');
    const core = createCore({ dbPath: db, backups: false, checkOutput: true });
    const make = (title: string, reviewBy: string | null, status: 'proposed' | 'accepted' | 'rejected' = 'accepted') =>
      core.invoke('createDecision', { content: { title, status, reviewBy } });
    await make('Overdue one', addDays(today, -3));
    await make('Soon', addDays(today, 10));
    await make('Later', addDays(today, 100));
    await make('None', null);
    await make('Rejected with an old date', addDays(today, -30), 'rejected');
    const sorted = await core.invoke('listDecisions', { sort: 'review' });
    expect(sorted.items.map((d) => d.title)).toEqual([
      'Rejected with an old date',
      'Overdue one',
      'Soon',
      'Later',
      'None',
    ]);
    const titles = async (review: 'overdue' | 'due' | 'scheduled' | 'none') =>
      (await core.invoke('listDecisions', { review })).items.map((d) => d.title).sort();
    expect(await titles('overdue')).toEqual(['Overdue one']);
    expect(await titles('due')).toEqual(['Soon']);
    expect(await titles('scheduled')).toEqual(['Later']);
    expect(await titles('none')).toEqual(['None', 'Rejected with an old date']);
    const facets = await core.invoke('listDecisionFacets', {});
    expect(Object.fromEntries(facets.review.map((f) => [f.value, f.count]))).toEqual({
      overdue: 1,
      due: 1,
      scheduled: 1,
      none: 2,
    });
    const due = await core.invoke('listDue', {});
    expect(due.items.map((i) => i.title)).toEqual(['Overdue one']);
    core.close();
  });

  it('review outcomes: amend keeps the date unless given one; supersede starts a related draft; bad input is refused', async () => {
    const db = path.join(tempDir(), 'outcomes.db');
    const core = createCore({ dbPath: db, backups: false, checkOutput: true });
    const d = await core.invoke('createDecision', {
      content: {
        title: 'Queue on Postgres',
        status: 'accepted',
        reviewBy: '2020-02-02',
        context: 'Orders need a queue.',
        tags: ['queue'],
      },
    });
    const amended = await core.invoke('reviewDecision', {
      id: d.id,
      baseRevision: d.revision,
      outcome: 'amend',
      note: 'Retry policy changes.',
    });
    expect(amended.decision.reviewBy).toBe('2020-02-02');
    expect(amended.draft).toBeNull();
    const sup = await core.invoke('reviewDecision', {
      id: d.id,
      baseRevision: amended.decision.revision,
      outcome: 'supersede',
      note: 'Moving to a broker.',
      nextReview: null,
    });
    expect(sup.draft).not.toBeNull();
    expect(sup.draft!).toMatchObject({
      title: 'Queue on Postgres (revisited)',
      status: 'proposed',
      context: 'Orders need a queue.',
      tags: ['queue'],
      reviewBy: null,
    });
    expect(sup.draft!.relations).toEqual([{ type: 'relates-to', target: d.id }]);
    expect(sup.decision.relations).toEqual([{ type: 'relates-to', target: sup.draft!.id }]);
    expect(sup.decision.status).toBe('accepted');
    expect(sup.decision.reviews.map((r) => r.outcome)).toEqual(['amend', 'supersede']);
    expect(sup.decision.reviewBy).toBeNull();

    const stale = await core.call('reviewDecision', {
      id: d.id,
      baseRevision: d.revision,
      outcome: 'holds',
      nextReview: addDays(today, 5),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const cur = await core.invoke('getDecision', { id: d.id });
    expect(await core.call('reviewDecision', { id: d.id, baseRevision: cur.revision, outcome: 'holds' })).toMatchObject(
      { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/next review date/) } },
    );
    expect(
      await core.call('reviewDecision', {
        id: d.id,
        baseRevision: cur.revision,
        outcome: 'holds',
        nextReview: '2001-01-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/not in the future/) },
    });
    expect(await core.call('reviewDecision', { id: d.id, baseRevision: cur.revision, outcome: 'maybe' })).toMatchObject(
      { ok: false, error: { code: 'invalid_input' } },
    );
    expect((await core.invoke('getDecision', { id: d.id })).revision).toBe(cur.revision);
    core.close();
  });

  it('CLI usage mistakes exit 2 and say what to do', async () => {
    const db = path.join(tempDir(), 'usage.db');
    expect(await cairn('due', '--within', 'soon', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--within takes a number of days/),
    });
    const id = (await cairn('new', 'X', '--db', db)).out.trim();
    expect(await cairn('review', id, '--by', '31/01/2027', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/YYYY-MM-DD/),
    });
    expect(await cairn('review', id, '--outcome', 'fine', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/holds, amend, supersede/),
    });
  });
});
