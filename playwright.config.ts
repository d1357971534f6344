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
  // Beside, not over, test-results/trust (figures from vitest for the trust report).
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: browser.executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
});
