/**
 * Playwright's global setup: every test's `cairn serve` and CLI call run one CLI bundle built here
 * once per run (tests/helpers/cli-bundle.ts), not a fresh tsx compile per process.
 */
import { setupCliBundle } from '../helpers/cli-bundle.js';

export default async function globalSetup(): Promise<void> {
  await setupCliBundle();
}
