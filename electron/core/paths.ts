/**
 * Where Cairn keeps its data by default: the same per-user folder Electron's `userData` uses,
 * so the desktop app, `cairn serve` and the CLI share one store.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Cairn';
export const DB_FILE = 'cairn.db';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}

/** `--db PATH` wins, then `CAIRN_DB`, then the per-user default. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.CAIRN_DB) return path.resolve(env.CAIRN_DB);
  return path.join(defaultDataDir(env), DB_FILE);
}
