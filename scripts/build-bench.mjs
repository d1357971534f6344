// Bundles the benchmark the way the app's own code is bundled (scripts/build-electron.mjs), so
// `npm run bench` measures the shipped JavaScript in plain Node: no TypeScript loader in the
// process, its time or its memory. Native modules and the browser driver stay external.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/bench', { recursive: true, force: true });
await build({
  entryPoints: ['bench/run.ts'],
  outfile: 'dist/bench/run.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', '@playwright/test', 'playwright', 'playwright-core'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
