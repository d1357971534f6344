import { chromium, defineConfig } from '@playwright/test';
import os from 'node:os';
import { chromiumForTests } from './scripts/chromium.js';

// End-to-end tests drive a Chromium against `cairn serve`, each test with its own data folder
// (see tests/e2e/fixtures.ts). Which Chromium: CHROMIUM_PATH, Playwright's own, or the system's,
// as scripts/chromium.ts finds it (`npm test` first gets one if the machine has none); with none
// the run stops here with one sentence saying what to run, instead of failing every test.
const browser = chromiumForTests(chromium.executablePath());
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Pictures for the README only when asked for (`npm run screenshots` sets the folder): a test
  // run checks screens, it does not photograph them.
  testIgnore: process.env.CAIRN_SCREENSHOTS_DIR ? [] : ['**/screenshots.spec.ts'],
  // Bundles the CLI once for every test's `cairn serve` and CLI calls (tests/e2e/fixtures.ts).
  globalSetup: './tests/e2e/global-setup.ts',
  // Beside, not over, test-results/trust (figures from vitest for the trust report).
  outputDir: 'test-results/playwright',
  // Generous, as four browsers share two cores: a test that seeds thousands of decisions took 18 s
  // alone and over a minute on a machine loaded by other work; a hang still fails.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two browsers per core: each test has its own server and data folder, so they do not meet, and a
  // test spends most of its time waiting (a page load, the app's debounces), not computing: on two
  // cores, 75 tests used 164 CPU-seconds in 290 s with two workers. PLAYWRIGHT_WORKERS overrides.
  workers: Number(process.env.PLAYWRIGHT_WORKERS) || Math.min(8, 2 * os.availableParallelism()),
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: browser.executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
});
