#!/usr/bin/env node
import { runCli } from './cli/main.js';
import { quietWriter } from './cli/terminal.js';

const code = await runCli(process.argv.slice(2), {
  out: quietWriter(process.stdout),
  err: quietWriter(process.stderr),
});
process.exitCode = code;
