/**
 * Playwright's global setup: every CLI call runs one CLI bundle built here once per run
 * (tests/helpers/cli-bundle.ts), not a fresh tsx compile per process; every test's `cairn serve`
 * runs in its worker's serve-many process (tests/e2e/serve-many.ts), bundled here too.
 */
import { setupCliBundle, setupServeManyBundle } from '../helpers/cli-bundle.js';

export default async function globalSetup(): Promise<void> {
  await Promise.all([setupCliBundle(), setupServeManyBundle()]);
}
