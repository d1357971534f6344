// Runs shell commands side by side, as many at once as the machine has cores, and prints each
// one's output whole when it ends (so the log stays readable). Exits 1 when any command failed,
// after all have run, naming them. Used by `npm run check`:
//   node scripts/parallel.mjs "tsc -b" "eslint ."
import os from 'node:os';
import { runLanes } from './commands.mjs';

const slots = Math.max(1, Number(process.env.CAIRN_PARALLEL) || os.availableParallelism());
const failed = await runLanes(process.argv.slice(2), slots);
if (failed.length) {
  console.error(`Failed: ${failed.join('; ')}`);
  process.exit(1);
}
