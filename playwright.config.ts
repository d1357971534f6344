import { chromium, defineConfig } from '@playwright/test';
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
  // Generous for a machine loaded by other work: a test that seeds thousands of decisions took 18 s
  // alone and over a minute there; a hang still fails.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two browsers at once: each test has its own server and data folder, so they do not meet. More
  // only fight over two cores, as each browser renders on the CPU: four workers (with the checks
  // running beside them at a low priority) took 379 s where two alone took 290 s. PLAYWRIGHT_WORKERS overrides (e.g. 1 on a busy machine).
  workers: Number(process.env.PLAYWRIGHT_WORKERS) || 2,
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
