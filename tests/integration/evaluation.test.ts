import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { Decision, DecisionContent } from '../../shared/domain.js';
import {
  addOption,
  addOwnClaim,
  removeOption,
  setCondition,
  setScore,
  setVerdict,
  setWeight,
} from '../../shared/evaluation.js';
import { tempDir, testCore } from '../helpers/temp.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixturePack = JSON.parse(
  fs.readFileSync(path.join(root, 'tests', 'fixtures', 'packs', 'database-engine.json'), 'utf8'),
) as Record<string, unknown>;

function contentOf(d: Decision): DecisionContent {
  const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
  return content;
}

/** A core with only the database-engine fixture pack: nothing here may lean on the shipped pack. */
async function coreWithFixturePack() {
  const core = testCore({ knowledgeDir: tempDir() });
  await core.invoke('importPack', { pack: fixturePack });
  return core;
}

async function save(
  core: Awaited<ReturnType<typeof coreWithFixturePack>>,
  d: Decision,
  change: (c: DecisionContent) => DecisionContent,
) {
  return core.invoke('updateDecision', { id: d.id, baseRevision: d.revision, content: change(contentOf(d)) });
}

describe('applyPack', () => {
  it('brings in the pack’s options, criteria with their questions, and claim snapshots with sources', async () => {
    const core = await coreWithFixturePack();
    const d = await core.invoke('createDecision', { content: { title: 'Which database for the ledger?' } });
    const applied = await core.invoke('applyPack', { id: d.id, pack: 'database-engine' });
    expect(applied.evaluation.pack).toBe('database-engine');
    expect(applied.options.map((o) => [o.id, o.name, o.option])).toEqual([
      ['postgresql', 'PostgreSQL', 'postgresql'],
      ['mysql', 'MySQL', 'mysql'],
      ['sqlite', 'SQLite', 'sqlite'],
    ]);
    expect(applied.drivers).toHaveLength(6);
    // Criteria start unweighted and claims unreviewed: nothing enters the record the architect did not choose.
    expect(applied.drivers[0]).toMatchObject({
      id: 'write-concurrency',
      weight: 0,
      criterion: 'write-concurrency',
      question: expect.stringContaining('simultaneously'),
    });
    expect(applied.evaluation.claims).toHaveLength(25);
    const outdated = applied.evaluation.claims.find((c) => c.id === 'a-05')!;
    expect(outdated.outdated).toContain('MySQL 8.0');
    expect(outdated.source).toMatchObject({
      title: expect.stringContaining('Notes From Our Platform Team'),
      publisher: 'Harbor Labs',
      date: '2017-09-12',
    });
    expect(applied.evaluation.claims.find((c) => c.id === 'a-03')!.contradictions).toEqual([
      { claim: 'b-04', note: expect.any(String) },
    ]);
    expect(applied.evaluation.claims.every((c) => c.verdict === 'unreviewed' && !c.own)).toBe(true);
  });

  it('re-applied, keeps the user’s verdicts, own options and claims, weights, answers and scores', async () => {
    const core = await coreWithFixturePack();
    const d = await core.invoke('createDecision', { content: { title: 'Which database?' } });
    let current = await core.invoke('applyPack', { id: d.id, pack: 'database-engine' });
    current = await save(core, current, (c) => {
      let next = setVerdict(c, 'a-03', 'rejected');
      next = setWeight(next, 'operations', 5);
      next = setCondition(next, 'many concurrent writers', false);
      next = setScore(next, 'sqlite', 'operations', 2, 'we have no DBA');
      next = addOption(next, 'DuckDB');
      next = addOwnClaim(next, {
        driver: 'operations',
        option: 'duckdb',
        effect: 'good',
        summary: 'Runs in-process, nothing to operate.',
        source: { title: 'Our spike' },
      });
      return removeOption(next, 'mysql');
    });
    const again = await core.invoke('applyPack', { id: d.id, pack: 'database-engine', baseRevision: current.revision });
    expect(again.evaluation.claims.find((c) => c.id === 'a-03')!.verdict).toBe('rejected');
    expect(again.drivers.find((x) => x.id === 'operations')!.weight).toBe(5);
    expect(again.evaluation.conditions).toEqual({ 'many concurrent writers': false });
    expect(again.evaluation.scores).toEqual([
      { option: 'sqlite', driver: 'operations', value: 2, note: 'we have no DBA', min: null, max: null },
    ]);
    expect(again.options.map((o) => o.id)).toEqual(['postgresql', 'sqlite', 'duckdb', 'mysql']);
    const own = again.evaluation.claims.filter((c) => c.own);
    expect(own).toEqual([
      expect.objectContaining({
        id: 'mine-1',
        option: 'duckdb',
        verdict: 'accepted',
        source: expect.objectContaining({ title: 'Our spike' }),
      }),
    ]);
    expect(again.evaluation.claims).toHaveLength(26);
  });

  it('refuses a stale base revision and an unknown pack, naming what to do', async () => {
    const core = await coreWithFixturePack();
    const d = await core.invoke('createDecision', { content: { title: 'X' } });
    await save(core, d, (c) => ({ ...c, context: 'changed' }));
    expect(await core.call('applyPack', { id: d.id, pack: 'database-engine', baseRevision: d.revision })).toMatchObject(
      { ok: false, error: { code: 'conflict' } },
    );
    const unknown = await core.call('applyPack', { id: d.id, pack: 'no-such-pack' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('cairn knowledge list') },
    });
  });

  it('switching to no pack removes what the pack brought and keeps the user’s own options, criteria and claims', async () => {
    const core = await coreWithFixturePack();
    const d = await core.invoke('createDecision', { content: { title: 'X' } });
    const current = await core.invoke('applyPack', { id: d.id, pack: 'database-engine' });
    await save(core, current, (c) => {
      let next = addOption(c, 'Spreadsheet');
      next = {
        ...next,
        drivers: [
          ...next.drivers,
          { id: 'cost', name: 'Cost', description: '', question: '', weight: 4, minimum: null, criterion: null },
        ],
      };
      next = addOwnClaim(next, { driver: 'cost', option: 'spreadsheet', effect: 'good', summary: 'Free.' });
      return addOwnClaim(next, { driver: 'cost', option: 'sqlite', effect: 'good', summary: 'Also free.' });
    });
    const cleared = await core.invoke('applyPack', { id: d.id, pack: null });
    expect(cleared.evaluation.pack).toBeNull();
    expect(cleared.options.map((o) => o.id)).toEqual(['spreadsheet']);
    expect(cleared.drivers.map((x) => x.id)).toEqual(['cost']);
    expect(cleared.evaluation.claims.map((c) => c.summary)).toEqual(['Free.']);
  });

  it('evaluateDecision returns the matrix, the sensitivity and the condition questions', async () => {
    const core = await coreWithFixturePack();
    const d = await core.invoke('createDecision', { content: { title: 'X' } });
    await core.invoke('applyPack', { id: d.id, pack: 'database-engine' });
    const analysis = await core.invoke('evaluateDecision', { id: d.id });
    expect(analysis.matrix.options.map((o) => o.name)).toEqual(['PostgreSQL', 'MySQL', 'SQLite']);
    expect(analysis.matrix.rows).toHaveLength(6);
    expect(analysis.sensitivity.statement.length).toBeGreaterThan(10);
    expect(analysis.conditions.map((c) => c.condition)).toContain('many concurrent writers');
  });
});

describe('the evaluation on the command line', () => {
  async function cairn(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('new --pack applies the pack; a mistyped pack leaves no decision behind', async () => {
    const db = path.join(tempDir(), 'c.db');
    const made = await cairn(
      'new',
      'Which runtime for our notification service?',
      '--pack',
      'backend-runtime',
      '--db',
      db,
      '--json',
    );
    expect(made.code).toBe(0);
    const d = JSON.parse(made.out) as Decision;
    expect(d.evaluation.pack).toBe('backend-runtime');
    expect(d.options.length).toBeGreaterThanOrEqual(2);
    expect(d.evaluation.claims.length).toBeGreaterThan(100);
    const shown = await cairn('show', d.id, '--db', db);
    // No criterion is weighed yet, so there is no matrix to show.
    expect(shown.out).not.toMatch(/Weighted totals/);
    const wrong = await cairn('new', 'Y', '--pack', 'no-such-pack', '--db', db);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('cairn knowledge list');
    expect(JSON.parse((await cairn('list', '--json', '--db', db)).out)).toHaveLength(1);
  });

  it('show --json carries the whole evaluation and its analysis; new --from recreates it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    const core = testCore({ dbPath: db });
    const d = await core.invoke('createDecision', { content: { title: 'Which runtime?' } });
    let current = await core.invoke('applyPack', { id: d.id, pack: 'backend-runtime' });
    const first = current.evaluation.claims[0]!;
    current = await save(core as never, current, (c) => {
      let next = setWeight(c, current.drivers[0]!.id, 5);
      next = setCondition(next, 'CPU-bound workload', false);
      next = setVerdict(next, first.id, 'rejected');
      next = setScore(next, current.options[1]!.id, current.drivers[1]!.id, 1, 'measured in our load test');
      next = addOwnClaim(next, {
        driver: current.drivers[0]!.id,
        option: current.options[0]!.id,
        effect: 'bad',
        summary: 'Our team lacks experience.',
      });
      return {
        ...next,
        chosenOption: current.options[0]!.id,
        rationale: 'Fits our I/O-bound load.',
        evaluation: { ...next.evaluation, step: 3 },
      };
    });
    core.close();

    const json = (await cairn('show', d.id, '--json', '--db', db)).out;
    const shown = JSON.parse(json) as Decision & {
      analysis: { matrix: { totals: unknown[] }; sensitivity: { statement: string } };
    };
    expect(shown.evaluation.conditions).toEqual({ 'CPU-bound workload': false });
    expect(shown.evaluation.scores).toEqual([expect.objectContaining({ value: 1, note: 'measured in our load test' })]);
    expect(shown.evaluation.claims.find((c) => c.id === first.id)!.verdict).toBe('rejected');
    expect(shown.analysis.matrix.totals).toHaveLength(current.options.length);
    expect(shown.analysis.sensitivity.statement).toBeTruthy();

    const file = path.join(dir, 'decision.json');
    fs.writeFileSync(file, json);
    const copy = await cairn('new', '--from', file, '--db', path.join(dir, 'b.db'), '--json');
    expect(copy.code).toBe(0);
    const made = JSON.parse(copy.out) as Decision;
    for (const key of ['drivers', 'options', 'evaluation', 'chosenOption', 'rationale'] as const)
      expect(made[key]).toEqual(current[key]);
    expect(made.id).not.toBe(d.id);
  });
});
