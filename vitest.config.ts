import { defineConfig } from 'vitest/config';

/**
 * Two projects over the same files. `npm run test:fast` runs only `fast`, the daily loop (unit and
 * integration tests, ≤ 45 s on 2 cores); `vitest run` (and so `npm test`, which CI runs) runs both.
 * `heavy` holds what takes minutes by design: soak, fuzz and kill -9 runs, and the benchmark's
 * end-to-end check. New heavy tests join by their name (`*.soak.test.ts`) or folder (tests/crash/).
 */
const ALL = ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/crash/**/*.test.ts'];
const HEAVY = [
  'tests/**/*.soak.test.ts',
  'tests/crash/**/*.test.ts',
  'tests/integration/api-fuzz.test.ts',
  'tests/integration/crash-safety.test.ts',
  'tests/integration/bench.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'fast', include: ALL, exclude: HEAVY } },
      { extends: true, test: { name: 'heavy', include: HEAVY } },
    ],
  },
});
