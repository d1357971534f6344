/**
 * The packaging config exactly as electron-builder finds and reads it (its own loader picks
 * electron-builder.yml before .json, and so on), so tests check the file that is used, not one
 * that happens to sit in the repository.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(repoRoot, 'package.json'));

export async function packagingConfig(): Promise<
  Record<string, unknown> & { appId?: string; electronFuses?: Record<string, boolean> }
> {
  const { getConfig } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(dir: string, file: string | null, extra: null): Promise<Record<string, unknown>>;
  };
  return getConfig(repoRoot, null, null);
}

/** The packaging config files present in the repository root. */
export function packagingConfigFiles(): string[] {
  return fs.readdirSync(repoRoot).filter((n) => /^electron-builder\.(ya?ml|json5?|toml|js|cjs|mjs|ts)$/.test(n));
}
