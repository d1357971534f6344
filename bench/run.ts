/**
 * `npm run bench`: generates data deterministically, measures each operation in its own process
 * (so peak memory is that operation's own), and prints one table with, for each operation, the
 * bare engine doing the same work in the same run and the ratio between them.
 *   npm run bench               the table
 *   npm run bench -- --json     the same figures as JSON
 *   npm run bench -- --only search,list
 *   npm run bench -- --only import --profile   also writes bench-profiles/import.cpuprofile
 *   npm run bench -- --scale 0.01              every size at 1 %: checks the benchmark runs, measures nothing
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSeed, exportOnce, OPS, type OpName, type OpResult } from './ops.js';

const args = process.argv.slice(2);
if (args.includes('--scale')) process.env.CAIRN_BENCH_SCALE = args[args.indexOf('--scale') + 1];

async function child(op: OpName): Promise<void> {
  const result = await OPS[op].run();
  process.stdout.write('\n@@RESULT@@' + JSON.stringify(result) + '\n');
}

function runInChild(op: OpName, runDir: string): OpResult {
  // --profile: the operation's process writes a V8 CPU profile (open it in Chrome's DevTools).
  const profile = args.includes('--profile')
    ? ['--cpu-prof', '--cpu-prof-dir', path.resolve('bench-profiles'), '--cpu-prof-name', `${op}.cpuprofile`]
    : [];
  const out = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', ...profile, process.argv[1]!, '--child', op],
    {
      encoding: 'utf8',
      env: { ...process.env, CAIRN_BENCH_RUN: runDir },
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = out.stdout.split('\n').find((l) => l.startsWith('@@RESULT@@'));
  if (out.status !== 0 || !line)
    throw new Error(`bench operation "${op}" failed (exit ${out.status}):\n${out.stdout.slice(-2000)}`);
  return JSON.parse(line.slice('@@RESULT@@'.length)) as OpResult;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function table(results: OpResult[]): string {
  const rows = [['op', 'n', 'median ms', 'p95 ms', 'per second', 'peak MB', 'engine/s', 'ratio', 'target', 'met']];
  for (const r of results) {
    rows.push([
      r.op,
      String(r.n),
      fmt(r.median_ms, 2),
      fmt(r.p95_ms, 2),
      fmt(r.per_second, 0),
      fmt(r.peak_mb, 0),
      fmt(r.engine_per_second, 0),
      fmt(r.ratio, 2),
      r.target,
      r.met ? 'yes' : 'NO',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map(
      (row, j) =>
        row.map((c, i) => (i === 0 || i >= 8 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ') +
        (j === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : ''),
    )
    .join('\n');
}

async function main() {
  const childAt = args.indexOf('--child');
  if (childAt !== -1) return child(args[childAt + 1] as OpName);
  const seedAt = args.indexOf('--seed');
  if (seedAt !== -1) return buildSeed(args[seedAt + 1]!, Number(args[seedAt + 2]), Number(args[seedAt + 3]));
  const exportAt = args.indexOf('--export');
  if (exportAt !== -1) return exportOnce(args[exportAt + 1]!, args[exportAt + 2]!);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
  const names = (Object.keys(OPS) as OpName[]).filter((n) => !only || only.includes(n));
  const results: OpResult[] = [];
  // The run's folder: the stores operations start from, built once, and every operation's working
  // folder, all removed after the last operation (see workDir in ops.ts for why not before).
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
  try {
    for (const name of names) {
      if (!args.includes('--json')) process.stderr.write(`measuring ${name}…\n`);
      try {
        results.push(runInChild(name, runDir));
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    }
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  if (args.includes('--json')) {
    process.stdout.write(
      JSON.stringify(
        results.map(({ target: _t, met: _m, ...r }) => r),
        null,
        2,
      ) + '\n',
    );
  } else {
    process.stdout.write(table(results) + '\n');
    process.stdout.write(
      'ratio = engine per second / Cairn per second: how many times slower Cairn is than the bare engine doing the same work.\n',
    );
  }
}

await main();
