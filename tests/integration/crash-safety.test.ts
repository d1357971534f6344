/**
 * kill -9 at random moments. A writer process (tests/crash/writer.ts) saves decisions as fast as
 * it can, acknowledging each save on stdout, and now and then exports them into an ADR folder;
 * the test SIGKILLs it after a random delay, from before the store is open to deep in a burst
 * of saves, then reopens the store and checks: every acknowledged save is there with its
 * content, no decision is half-written (revisions contiguous, the row equals its latest
 * revision, the search index complete), the database passes `PRAGMA integrity_check`, every
 * backup file is whole, and every exported file is one the exporter planned, never truncated
 * or empty. A kill mid-export may leave temporary files; the next export removes them.
 * Four databases are worked in parallel, so the whole run stays short on two cores. They live in
 * memory (/dev/shm) where the system has it: a killed process leaves its writes in the page
 * cache either way, so what is tested, SQLite's journal and the app's transactions, is the same,
 * without a disk flush per save.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core.js';
import { sweepStaleTemps } from '../../electron/core/export/write.js';
import { rng } from '../helpers/fuzz.js';
import { recordFigures } from '../helpers/trust-figures.js';

// 120 kills over 4 lanes: 30 per store, early ones landing in open, migrations and the daily backup,
// the rest among saves and exports (200 took over a minute of the suite for no new kind of landing).
const RUNS = 120;
const LANES = 4;
const SEED = Number(process.env.CRASH_SEED ?? 7);
const root = path.resolve(import.meta.dirname, '../..');
const writerDir = path.join(root, 'test-results', 'crash-writer');
const writer = path.join(writerDir, 'writer.mjs');
let work = '';

interface Ack {
  id: string;
  revision: number;
  sha: string;
}

beforeAll(async () => {
  // Bundled once (a fresh tsx per run would cost more than the test); inside the checkout so
  // that better-sqlite3 resolves from node_modules. Split into chunks: the document readers
  // (PDF, DOCX, HTML, the sentence splitter) the core imports only when it reads a document
  // then stay out of the writer's start, which all 120 runs pay (0.36 CPU-s instead of 0.56).
  fs.rmSync(writerDir, { recursive: true, force: true });
  await build({
    entryPoints: { writer: path.join(root, 'tests/crash/writer.ts') },
    outdir: writerDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    external: ['better-sqlite3'],
    // CommonJS dependencies (yaml) call require(); an ES module bundle has to provide one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  work = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'cairn-crash-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * Runs the writer once and kills it `delayMs` after it printed `after`: `opening` (its code is
 * loaded and it starts opening the store) or its first acknowledged save (`ack`). Counting from
 * what the writer says, not from its start, keeps each kill where it is meant to land however slow
 * the machine is: loading the code alone takes longer than a whole early window.
 */
function runOnce(
  dbPath: string,
  seed: number,
  day: number,
  delayMs: number,
  after: 'opening' | 'ack',
): Promise<{
  acks: Ack[];
  planned: [string, string][];
  exports: number;
  exportsStarted: number;
  /** How far the writer got: its code loaded (`opening`), its store open (`ready`). */
  reached: 'loading' | 'opening' | 'ready';
  exitedEarly: string | null;
}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writer, dbPath, String(seed), String(day)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const mark = after === 'ack' ? /(^|\n)ack / : /(^|\n)opening\n/;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (!timer && mark.test(out + chunk)) timer = setTimeout(kill, delayMs);
      out += chunk;
    });
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const acks = lines
        .filter((l) => l.startsWith('ack '))
        .map((l) => {
          const [, id, revision, sha] = l.split(' ');
          return { id: id!, revision: Number(revision), sha: sha! };
        });
      const planned = lines
        .filter((l) => l.startsWith('plan '))
        .map((l) => l.split(' ').slice(1, 3) as [string, string]);
      const exports = lines.filter((l) => l === 'exported').length;
      const exportsStarted = lines.filter((l) => l.startsWith('plan ') || l.startsWith('export-refused')).length
        ? 1
        : 0;
      resolve({
        acks,
        planned,
        exports,
        exportsStarted,
        reached: lines.includes('ready') ? 'ready' : lines.includes('opening') ? 'opening' : 'loading',
        exitedEarly: signal === 'SIGKILL' ? null : `exit ${code}: ${err.slice(-1500)}`,
      });
    });
  });
}

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Everything that must hold after a kill; returns what does not. */
function verify(dbPath: string, acks: Ack[]): string[] {
  if (!fs.existsSync(dbPath)) return acks.length ? [`${acks.length} acknowledged saves but no database`] : [];
  const problems: string[] = [];
  const db = new Database(dbPath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const hasSchema = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'decisions'").get() as {
      n: number;
    };
    if (!hasSchema.n) return acks.length ? [...problems, 'acknowledged saves but no schema'] : problems;
    const revision = db.prepare<[string, number], { content: string }>(
      'SELECT content FROM revisions WHERE decision_id = ? AND revision = ?',
    );
    for (const ack of acks) {
      const row = revision.get(ack.id, ack.revision);
      if (!row) problems.push(`lost: ${ack.id} revision ${ack.revision}`);
      else if (sha((JSON.parse(row.content) as { context: string }).context) !== ack.sha)
        problems.push(`changed: ${ack.id} revision ${ack.revision}`);
    }
    const gaps = db
      .prepare(
        `SELECT d.id FROM decisions d LEFT JOIN (SELECT decision_id, MAX(revision) AS m, COUNT(*) AS c FROM revisions GROUP BY decision_id) r ON r.decision_id = d.id
         WHERE r.m IS NULL OR r.m != d.revision OR r.c != d.revision`,
      )
      .all();
    if (gaps.length)
      problems.push(`revisions not contiguous or not matching the row: ${JSON.stringify(gaps.slice(0, 3))}`);
    const stale = db
      .prepare(
        `SELECT COUNT(*) AS n FROM decisions d JOIN revisions r ON r.decision_id = d.id AND r.revision = d.revision
         LEFT JOIN decision_content c ON c.id = d.id WHERE c.content IS NULL OR r.content != c.content`,
      )
      .get() as { n: number };
    if (stale.n) problems.push(`${stale.n} decisions differ from their latest revision`);
    const invalid = db.prepare('SELECT COUNT(*) AS n FROM revisions WHERE json_valid(content) = 0').get() as {
      n: number;
    };
    if (invalid.n) problems.push(`${invalid.n} revisions hold invalid JSON`);
    const index = db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM decisions) AS d,
                (SELECT COUNT(*) FROM search_docs s JOIN decisions d ON d.id = s.ref JOIN search_fts f ON f.rowid = s.id WHERE s.kind = 'decision') AS f`,
      )
      .get() as { d: number; f: number };
    if (index.d !== index.f) problems.push(`search index has ${index.f} entries for ${index.d} decisions`);
  } finally {
    db.close();
  }
  return problems;
}

const TEMP = /\.cairn-tmp$/;

/** Every file in the ADR folder is whole: exactly a text the exporter planned for that name. */
function verifyExports(dbPath: string, planned: Map<string, Set<string>>, maxTemps: number): string[] {
  const dir = `${dbPath}.adr`;
  if (!fs.existsSync(dir)) return [];
  const problems: string[] = [];
  let temps = 0;
  for (const name of fs.readdirSync(dir)) {
    if (TEMP.test(name)) {
      temps++;
      continue;
    }
    const text = fs.readFileSync(path.join(dir, name));
    if (text.length === 0) problems.push(`export ${name} is empty`);
    else if (!planned.get(name)?.has(crypto.createHash('sha256').update(text).digest('hex')))
      problems.push(`export ${name} is not a text the exporter planned (truncated?)`);
  }
  if (temps > maxTemps) problems.push(`${temps} temporary files left in the ADR folder`);
  return problems;
}

function verifyBackups(dbPath: string): string[] {
  const dir = path.join(path.dirname(dbPath), 'backups');
  if (!fs.existsSync(dir)) return [];
  const problems: string[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.bak'))) {
    const db = new Database(path.join(dir, name), { readonly: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`backup ${name}: ${String(integrity)}`);
    } catch (e) {
      problems.push(`backup ${name}: ${(e as Error).message}`);
    } finally {
      db.close();
    }
  }
  return problems;
}

describe('kill -9 while saving', () => {
  it(`loses no acknowledged save over ${RUNS} kills`, async () => {
    const r = rng(SEED);
    const lanes = Array.from({ length: LANES }, (_, i) => ({
      dbPath: path.join(work, `lane-${i}`, 'cairn.db'),
      acks: [] as Ack[],
      planned: new Map<string, Set<string>>(),
    }));
    for (const lane of lanes) fs.mkdirSync(path.dirname(lane.dbPath));
    const problems: string[] = [];
    let runs = 0;
    let acknowledged = 0;
    let runsWithoutSaves = 0;
    let exports = 0;
    let runsWithExports = 0;
    // Where the early kills landed: while the writer's code loaded, while its store was opened
    // (open, migrations, the daily backup), after that but before a save, or among saves.
    const early = { loading: 0, opening: 0, beforeSave: 0, amongSaves: 0 };
    // The plan is drawn up front from the seed, so a failing run can be replayed.
    // A new day every few runs: those runs open with a daily backup, which some kills interrupt.
    const plan = Array.from({ length: RUNS }, (_, i) => ({
      lane: i % LANES,
      seed: SEED * 1000 + i,
      day: Math.floor(i / (LANES * 3)),
      early: r() < 0.2,
      delay: r(),
    }));
    await Promise.all(
      lanes.map(async (lane, l) => {
        for (const step of plan.filter((p) => p.lane === l)) {
          // Early kills land from the moment the store starts opening to the first saves (open,
          // migrations, the daily backup: about 20-30 ms here, then 10-50 ms to the first save).
          const delay = Math.floor(step.delay * (step.early ? 60 : 120));
          const {
            acks,
            planned,
            exports: finished,
            exportsStarted,
            reached,
            exitedEarly,
          } = await runOnce(lane.dbPath, step.seed, step.day, delay, step.early ? 'opening' : 'ack');
          exports += finished;
          runsWithExports += exportsStarted;
          for (const [file, hash] of planned) lane.planned.set(file, (lane.planned.get(file) ?? new Set()).add(hash));
          runs++;
          if (step.early) early[reached !== 'ready' ? reached : acks.length ? 'amongSaves' : 'beforeSave']++;
          if (acks.length === 0) runsWithoutSaves++;
          if (exitedEarly) problems.push(`run ${step.seed}: writer stopped by itself (${exitedEarly})`);
          lane.acks.push(...acks);
          acknowledged += acks.length;
          for (const p of verify(lane.dbPath, acks)) problems.push(`run ${step.seed}: ${p}`);
          // A kill mid-export may leave the temporary files of that export (the next one removes them).
          for (const p of verifyExports(lane.dbPath, lane.planned, Infinity)) problems.push(`run ${step.seed}: ${p}`);
        }
      }),
    );
    // At the end, every save acknowledged in any run is still there, and every backup is whole.
    let lost = 0;
    for (const lane of lanes) {
      const end = verify(lane.dbPath, lane.acks);
      lost += end.filter((p) => p.startsWith('lost') || p.startsWith('changed')).length;
      problems.push(...end.map((p) => `final: ${p}`), ...verifyBackups(lane.dbPath));
      // One export run to its end clears what killed ones left; then the folder holds only whole files.
      const core = createCore({ dbPath: lane.dbPath, knowledgeDir: `${lane.dbPath}.knowledge`, backups: false });
      const ids = (await core.invoke('listDecisions', { limit: 5, sort: 'updated' })).items.map((d) => d.id);
      const plan = await core.invoke('planExport', { ids, dir: `${lane.dbPath}.adr` });
      for (const f of plan.files)
        lane.planned.set(f.keptAs ?? f.file, (lane.planned.get(f.keptAs ?? f.file) ?? new Set()).add(sha(f.text)));
      await core.invoke('runExport', { ids, dir: `${lane.dbPath}.adr` });
      core.close();
      problems.push(...verifyExports(lane.dbPath, lane.planned, 0).map((p) => `final: ${p}`));
    }
    const backups = lanes.reduce(
      (n, lane) =>
        n +
        (fs.existsSync(path.join(path.dirname(lane.dbPath), 'backups'))
          ? fs.readdirSync(path.join(path.dirname(lane.dbPath), 'backups')).filter((f) => f.endsWith('.bak')).length
          : 0),
      0,
    );
    recordFigures('crash', {
      runs,
      acknowledged,
      lost,
      problems: problems.length,
      killedBeforeAnySave: runsWithoutSaves,
      earlyKills: early,
      exportsCompleted: exports,
      runsWithExports,
      backupsChecked: backups,
      details: problems.slice(0, 20),
    });
    expect(problems).toEqual([]);
    expect(runs).toBe(RUNS);
    // The kills meant to land among saves did: each of those runs acknowledged at least one.
    expect(runs - runsWithoutSaves).toBeGreaterThanOrEqual(plan.filter((p) => !p.early).length);
    // And the early ones landed after the code was loaded, some of them while the store was opened.
    expect(early.loading).toBe(0);
    expect(early.opening).toBeGreaterThan(0);
  }, 180_000);
});

describe('temporary files of a killed export', () => {
  it('are removed by the next export, unless their process still runs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-sweep-'));
    try {
      // A pid far above any pid_max is certainly not running.
      const dead = `.0001-a.md.999999999-0123456789ab.cairn-tmp`;
      const alive = `.0002-b.md.${process.ppid}-0123456789ab.cairn-tmp`;
      const mine = `.0003-c.md.${process.pid}-0123456789ab.cairn-tmp`;
      for (const n of [dead, alive, mine, '0004-d.md', '.hidden-note']) fs.writeFileSync(path.join(dir, n), 'x');
      sweepStaleTemps(dir);
      expect(fs.readdirSync(dir).sort()).toEqual([alive, mine, '.hidden-note', '0004-d.md'].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
