import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects over the same files. `npm run test:fast` runs only `fast`, the daily loop (unit and
 * integration tests, ≤ 45 s on 2 cores); `vitest run` (and so `npm test`, which CI runs) runs both.
 * `heavy` holds what takes minutes by design: soak, fuzz and kill -9 runs, and the benchmark's
 * end-to-end check. New heavy tests join by their name (`*.soak.test.ts`) or folder (tests/crash/).
 *
 * `fast` runs its files one after another in each worker with one module cache (isolate: false):
 * loading the core, zod, the PDF and DOCX readers once per worker instead of once per file halves
 * the project's CPU time. So a file there leaves no global state behind: it restores its spies
 * (`vi.restoreAllMocks()` in an afterEach), does not `vi.mock` or `process.chdir`, and a shared
 * helper's per-test hook goes into tests/helpers/per-file.ts. A file that cannot live with that
 * is named `*.isolated.test.ts` and gets a fresh process of its own.
 */
const ALL = ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/crash/**/*.test.ts'];
const HEAVY = [
  'tests/**/*.soak.test.ts',
  'tests/crash/**/*.test.ts',
  'tests/integration/api-fuzz.test.ts',
  'tests/integration/crash-safety.test.ts',
  'tests/integration/bench.test.ts',
];
const ISOLATED = ['tests/**/*.isolated.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    // One worker per core: vitest's default for `run` leaves one core to itself, which on two cores
    // means one worker (75 s for `fast` instead of 57 s, measured idle); the main process mostly waits.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    // A beforeAll that bundles a process to kill (crash-safety's writer) or seeds a store can pass
    // the default 10 s on a loaded two-core machine; a hook that hangs still fails.
    hookTimeout: 60_000,
    // Bundles the CLI once per run for every test that starts the `cairn` process (cli-bundle.ts).
    globalSetup: ['tests/helpers/vitest-setup.ts'],
    setupFiles: ['tests/helpers/per-file.ts'],
    projects: [
      { extends: true, test: { name: 'fast', include: ALL, exclude: [...HEAVY, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'fast-isolated', include: ISOLATED, exclude: HEAVY } },
      { extends: true, test: { name: 'heavy', include: HEAVY } },
    ],
  },
});
