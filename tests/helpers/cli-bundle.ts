/**
 * The `cairn` command as a real process: electron/cli.ts bundled with esbuild, the way
 * `npm run build` bundles it (dist/cli/cairn.mjs), and run with plain `node`. A fresh tsx per
 * process would compile the whole CLI again each time, seconds per start on two cores.
 *
 * The global setups of vitest (tests/helpers/vitest-setup.ts) and Playwright
 * (tests/e2e/global-setup.ts) build it once per run and pass its path in CAIRN_TEST_CLI; a test
 * file run without them builds its own. It lives inside the checkout so better-sqlite3 resolves
 * from node_modules.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const CLI_BUNDLE_ENV = 'CAIRN_TEST_CLI';
/** The end-to-end tests' server process (tests/e2e/serve-many.ts), bundled the same way. */
export const SERVE_MANY_BUNDLE_ENV = 'CAIRN_TEST_SERVE_MANY';
const SERVE_MANY = 'tests/e2e/serve-many.ts';

/** Bundles electron/cli.ts (or another entry) into `outfile`, written whole or not at all. */
export async function buildBundle(outfile: string, entry = 'electron/cli.ts', minify = false): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify,
    write: false,
    external: ['better-sqlite3'],
    // CommonJS dependencies (yaml) call require(); an ES module bundle has to provide one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  // Two runs (or two vitest projects) may build at once: each writes its own file and renames it.
  const tmp = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, result.outputFiles[0]!.contents);
  fs.renameSync(tmp, outfile);
  return outfile;
}

/** The run's CLI bundle: the one the global setup built, or one built now for this file. */
export async function bundleCli(name: string): Promise<string> {
  const shared = process.env[CLI_BUNDLE_ENV];
  if (shared && fs.existsSync(shared)) return shared;
  return buildBundle(path.join(root, 'test-results', 'bundles', `${name}.mjs`));
}

/** The run's serve-many bundle: the one Playwright's global setup built, or one built now. */
export async function bundleServeMany(): Promise<string> {
  const shared = process.env[SERVE_MANY_BUNDLE_ENV];
  if (shared && fs.existsSync(shared)) return shared;
  return buildBundle(path.join(root, 'test-results', 'bundles', `serve-many.${process.pid}.mjs`), SERVE_MANY);
}

/** Builds the serve-many bundle once for the Playwright run and publishes its path to the workers. */
export async function setupServeManyBundle(): Promise<void> {
  process.env[SERVE_MANY_BUNDLE_ENV] = await buildBundle(
    path.join(root, 'test-results', 'bundles', 'serve-many.mjs'),
    SERVE_MANY,
  );
}

/** Builds the run's one CLI bundle and publishes its path to the test processes. */
export async function setupCliBundle(): Promise<void> {
  process.env[CLI_BUNDLE_ENV] = await buildBundle(path.join(root, 'test-results', 'bundles', 'cairn.mjs'));
}
