// Bundles the Electron main process, the sandboxed preload (which cannot load local modules)
// and the CLI into dist/. Native and Electron modules stay external.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/electron', { recursive: true, force: true });
rmSync('dist/cli', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};
await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    minify: true,
  }),
  build({
    ...common,
    entryPoints: ['electron/cli.ts'],
    outfile: 'dist/cli/cairn.mjs',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
]);
