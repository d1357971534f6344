/** vitest's global setup: the CLI bundle the process tests run, built once per run (see cli-bundle.ts). */
import { setupCliBundle } from './cli-bundle.js';

export default async function setup(): Promise<void> {
  await setupCliBundle();
}
