/**
 * kill -9 in the middle of a first export, then the same export again (heavy: a fast loop can
 * leave out `*.soak.test.ts`). The `cairn export` process is killed once a random number of its
 * files have landed; the re-run must finish that export: exit 0, the numbers the first plan gave,
 * one file per decision (no `0001-…` beside `0151-…` copies), every decision numbered as its
 * file, no temporary file left, and nothing to do on a third run. The count is written for the
 * trust report (scripts/trust-report.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core.js';
import { bundleCli } from '../helpers/cli-bundle.js';
import { rng } from '../helpers/fuzz.js';
import { recordFigures } from '../helpers/trust-figures.js';

const DECISIONS = 150;
const RUNS = 6;
const SEED = Number(process.env.EXPORT_CRASH_SEED ?? 5);

let cli = '';
let work = '';
let template = '';
/** The first export's plan: file name and number of each decision. */
let reference = new Map<string, { file: string; number: number }>();

beforeAll(async () => {
  cli = await bundleCli('export-crash');
  work = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'cairn-export-crash-'));
  template = path.join(work, 'template.db');
  const core = createCore({ dbPath: template });
  for (let i = 1; i <= DECISIONS; i++)
    await core.invoke('createDecision', {
      content: { title: `Decision ${i}`, date: '2026-02-01', context: `Why ${i}.` },
    });
  const empty = fs.mkdtempSync(path.join(work, 'plan-'));
  const plan = await core.invoke('planExport', { dir: empty });
  reference = new Map(
    plan.files.filter((f) => f.decisionId).map((f) => [f.decisionId!, { file: f.file, number: f.number! }]),
  );
  core.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * Starts `cairn export` and SIGKILLs it once `after` ADR files are in the folder; whether it was
 * killed midway. The folder is counted on each change in it (inotify), not on a 1 ms timer that
 * read it thousands of times per export beside the process it was waiting for.
 */
function exportAndKill(db: string, repo: string, after: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'export', '--dir', repo, '--db', db], { stdio: 'ignore' });
    const count = () => {
      if (fs.readdirSync(repo).filter((f) => /^\d{4}-.*\.md$/.test(f)).length >= after) child.kill('SIGKILL');
    };
    const watcher = fs.watch(repo, count);
    count();
    child.on('exit', (_code, signal) => {
      watcher.close();
      resolve(signal === 'SIGKILL');
    });
  });
}

describe('kill -9 during a first export', () => {
  it(`finishes the same export on the next run (${RUNS} kills)`, async () => {
    const r = rng(SEED);
    const problems: string[] = [];
    let killed = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = path.join(work, `run-${run}`);
      const repo = path.join(dir, 'repo');
      fs.mkdirSync(repo, { recursive: true });
      const db = path.join(dir, 'cairn.db');
      fs.copyFileSync(template, db);
      const after = 1 + Math.floor(r() * (DECISIONS - 2));
      if (!(await exportAndKill(db, repo, after))) continue;
      killed++;
      const again = spawnSync(process.execPath, [cli, 'export', '--dir', repo, '--db', db, '--json'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      if (again.status !== 0) {
        problems.push(`run ${run} (killed after ${after}): re-run exit ${again.status}: ${again.stderr.slice(0, 300)}`);
        continue;
      }
      const names = fs.readdirSync(repo);
      const adrs = names.filter((f) => /^\d{4}-.*\.md$/.test(f)).sort();
      const expected = [...reference.values()].map((f) => f.file).sort();
      if (JSON.stringify(adrs) !== JSON.stringify(expected))
        problems.push(
          `run ${run} (killed after ${after}): ${adrs.length} ADR files, first unexpected ${adrs.find((a) => !expected.includes(a))}`,
        );
      const leftovers = names.filter((f) => !/^\d{4}-.*\.md$/.test(f) && f !== 'README.md');
      if (leftovers.length) problems.push(`run ${run}: left in the folder: ${leftovers.slice(0, 3).join(', ')}`);
      const core = createCore({ dbPath: db });
      try {
        const items = (await core.invoke('listDecisions', { limit: 100_000 })).items;
        const wrong = items.filter((d) => d.number !== reference.get(d.id)?.number);
        if (wrong.length)
          problems.push(
            `run ${run}: ${wrong.length} decisions numbered unlike their files, e.g. "${wrong[0]!.title}" is ${wrong[0]!.number}`,
          );
        const third = await core.invoke('runExport', { dir: repo });
        if (third.written.length || third.numbers.length || third.conflicts.length)
          problems.push(`run ${run}: a third export still wrote ${third.written.length} files`);
        const revisions = core.db.prepare('SELECT MAX(revision) AS m FROM decisions').get() as { m: number };
        if (revisions.m !== 2)
          problems.push(`run ${run}: decisions reached revision ${revisions.m} (one number, one revision expected)`);
      } finally {
        core.close();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    recordFigures('export-crash', { runs: killed, problems: problems.length, decisions: DECISIONS, seed: SEED });
    expect(problems).toEqual([]);
    expect(killed).toBeGreaterThanOrEqual(RUNS / 2);
  }, 240_000);
});
