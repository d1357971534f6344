import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { Decision, DecisionContent } from '../../shared/domain.js';
import {
  addPerson,
  setCombination,
  setPersonScore,
  setPersonWeight,
  setScore,
  setWeight,
} from '../../shared/evaluation.js';
import { tempDir, testCore } from '../helpers/temp.js';

/**
 * Two people's views made on two machines meet through the repository: Ana scores in her store and
 * exports; Bo imports the folder into his own store, adds his view and exports; Ana imports again
 * and sees both views with their disagreement — in the analysis, and in the ADR's paragraph.
 */
const root = path.resolve(import.meta.dirname, '../..');
const pack = JSON.parse(
  fs.readFileSync(path.join(root, 'tests', 'fixtures', 'packs', 'database-engine.json'), 'utf8'),
) as Record<string, unknown>;

type Core = ReturnType<typeof testCore>;

function contentOf(d: Decision): DecisionContent {
  const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
  return content;
}

async function save(core: Core, d: Decision, change: (c: DecisionContent) => DecisionContent) {
  return core.invoke('updateDecision', { id: d.id, baseRevision: d.revision, content: change(contentOf(d)) });
}

async function exportTo(core: Core, dir: string) {
  const res = await core.invoke('runExport', { ids: [], dir, index: false });
  expect(res.conflicts).toEqual([]);
  return res.folder;
}

describe('people’s views across two stores', () => {
  it('a teammate’s view comes back with the next import, and both show with their disagreement', async () => {
    const ana = testCore({ knowledgeDir: tempDir() });
    await ana.invoke('importPack', { pack });
    let d = await ana.invoke('createDecision', {
      content: { title: 'Which database for the catalogue?', decisionMakers: ['Ana'], consulted: ['Bo'] },
    });
    d = await ana.invoke('applyPack', { id: d.id, pack: 'database-engine' });
    d = await save(ana, d, (c) => {
      let next = setWeight(setWeight(c, 'write-concurrency', 5), 'sql-features', 3);
      next = setScore(next, 'postgresql', 'write-concurrency', 4);
      next = setScore(next, 'sqlite', 'write-concurrency', 2);
      next = addPerson(next, 'Ana', 'decision-maker');
      next = setPersonScore(next, 'Ana', 'sqlite', 'write-concurrency', 4);
      return setPersonWeight(next, 'Ana', 'sql-features', 5);
    });
    const repo = tempDir();
    const folder = await exportTo(ana, repo);

    // Bo's machine: an empty store, the folder imported, his own view added, exported back.
    const bo = testCore({ knowledgeDir: tempDir() });
    const first = await bo.invoke('importFolder', { dir: repo });
    expect(first.warnings).toEqual([]);
    let mine = await bo.invoke('getDecision', { id: first.imported[0]!.id });
    expect(mine.evaluation.people.map((p) => p.name)).toEqual(['Ana']);
    mine = await save(bo, mine, (c) =>
      setCombination(setPersonScore(addPerson(c, 'Bo', 'consulted'), 'Bo', 'sqlite', 'write-concurrency', 1), {
        method: 'mean',
        person: null,
      }),
    );
    await bo.invoke('runExport', { ids: [], dir: folder, index: false });

    // Back on Ana's machine: the next import brings Bo's view beside hers.
    const again = await ana.invoke('importFolder', { dir: repo });
    expect(again.conflicts).toEqual([]);
    const merged = await ana.invoke('getDecision', { id: d.id });
    expect(merged.evaluation.people).toEqual(mine.evaluation.people);
    expect(merged.evaluation.combine).toEqual({ method: 'mean', person: null });
    const analysis = await ana.invoke('evaluateDecision', { id: d.id });
    expect(analysis.agreement[0]).toMatchObject({
      option: 'sqlite',
      driver: 'write-concurrency',
      values: [
        { person: 'Ana', value: 4 },
        { person: 'Bo', value: 1 },
      ],
      spread: 3,
    });
    // Both stores give the same figures for the same decision.
    expect(await bo.invoke('evaluateDecision', { id: mine.id })).toEqual(analysis);

    const adr = fs.readdirSync(folder).find((f) => f.endsWith('.md'))!;
    const text = fs.readFileSync(path.join(folder, adr), 'utf8');
    expect(text).toContain(
      'People differ most on SQLite under Write concurrency (Ana 4, Bo 1); the matrix takes the mean of their views.',
    );
    // `cairn show` on Bo's store says the same.
    const out: string[] = [];
    const code = await runCli(['show', mine.id, '--db', bo.dbPath], { out: (t) => out.push(t), err: () => {} }, {});
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(
      /^Robustness: .*People differ most on SQLite under Write concurrency \(Ana 4, Bo 1\)/m,
    );
    // Ana's store, now holding what the folder holds, has nothing to write.
    const same = await ana.invoke('runExport', { ids: [], dir: folder, index: false });
    expect(same.written).toEqual([]);
  });
});
