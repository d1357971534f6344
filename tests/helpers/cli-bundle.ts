/**
 * The `cairn` command as a real process: electron/cli.ts bundled once per test file (a fresh tsx
 * per run would cost more than the tests), inside the checkout so better-sqlite3 resolves.
 */
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export async function bundleCli(name: string): Promise<string> {
  const outfile = path.join(root, 'test-results', `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, 'electron/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}
