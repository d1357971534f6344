#!/usr/bin/env node
// The installed `cairn` command: runs the bundled CLI (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/cairn.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(
    'cairn: the CLI is not built. Run `npm run build` in the Cairn folder, or use `npm run cairn -- ARGS` in a checkout.\n',
  );
  process.exit(1);
}
await import(cli);
