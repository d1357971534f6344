/**
 * The trust tests write what they measured here; `scripts/trust-report.mjs` joins the files into
 * the suite's one-line report and fails when one is missing. `npm test` clears the folder first,
 * so every figure comes from the current run.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FIGURES_DIR = path.resolve(import.meta.dirname, '../../test-results/trust');

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  const file = path.join(FIGURES_DIR, `${name}.json`);
  fs.writeFileSync(file + '.tmp', JSON.stringify({ ...figures, recordedAt: new Date().toISOString() }, null, 2) + '\n');
  fs.renameSync(file + '.tmp', file);
}
