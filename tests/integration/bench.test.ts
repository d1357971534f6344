/**
 * The benchmark's contract, not its figures: `npm run bench -- --json` prints one object per
 * operation with the fields the issue names. Run at 1 % of every size, so it checks that each
 * operation still works end to end (the figures mean nothing at that size and are not asserted).
 * `robustness` runs at full size whatever the scale (one decision, 10,000 draws). The Chromium operations (ui-list, ui-open, ui-evidence, ui-accept) are left to `npm run bench`
 * itself: they need the built renderer and a browser, which vitest runs before `npm test` has built.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
const OPS = ['import', 'search', 'list', 'export', 'reexport', 'index', 'precedents', 'facets', 'render', 'robustness'];
const FIELDS = ['op', 'n', 'median_ms', 'p95_ms', 'per_second', 'peak_mb', 'engine_per_second', 'ratio'];

it('prints one JSON object per operation with the contract fields, each operation run end to end', () => {
  execFileSync(process.execPath, ['scripts/build-bench.mjs'], { cwd: ROOT });
  const out = execFileSync(
    process.execPath,
    ['dist/bench/run.mjs', '--json', '--scale', '0.01', '--only', OPS.join(',')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const rows = JSON.parse(out) as Record<string, unknown>[];
  expect(rows.map((r) => r.op)).toEqual(OPS);
  for (const row of rows) {
    expect(Object.keys(row)).toEqual(FIELDS);
    for (const field of FIELDS.slice(1)) {
      const value = row[field];
      expect(
        typeof value === 'number' && Number.isFinite(value) && value > 0,
        `${String(row.op)}.${field} = ${String(value)}`,
      ).toBe(true);
    }
  }
  // The sizes follow the scale: 1 % of 10,000 decisions or files, of 5,000 index entries.
  expect(rows.find((r) => r.op === 'import')!.n).toBe(100);
  expect(rows.find((r) => r.op === 'index')!.n).toBe(50);
}, 240_000);
