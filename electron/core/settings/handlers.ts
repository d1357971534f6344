/**
 * The app's settings and the ADR folders used lately, kept in the store's settings table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Handlers } from '../../../shared/api/index.js';
import { CairnError } from '../../../shared/api/define.js';
import {
  RECENT_FOLDERS_KEPT,
  Settings,
  type RecentFolder,
  type settingsMethods,
} from '../../../shared/api/settings.js';
import type { CoreContext } from '../context.js';
import type { HostAdapter } from '../native/adapter.js';
import type { SettingsStore } from './settings.js';

const DEFAULT_SETTINGS: Settings = { theme: 'system' };
const StoredRecent = z.array(z.object({ path: z.string(), usedAt: z.string() }));

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** An absolute, normalised folder path; a relative one is refused because it means nothing to another process. */
export function normaliseFolder(raw: string): string {
  const trimmed = raw.trim();
  if (!path.isAbsolute(trimmed)) {
    throw new CairnError(
      'invalid_input',
      `"${raw}" is not a full path. Give the folder's absolute path, e.g. /home/me/project/docs/decisions.`,
    );
  }
  const resolved = path.resolve(trimmed);
  return resolved.length > 1 ? resolved.replace(/[\\/]+$/, '') : resolved;
}

export function settingsHandlers(
  ctx: CoreContext,
  settings: SettingsStore,
  adapter: HostAdapter,
): Pick<Handlers, keyof typeof settingsMethods> {
  const readSettings = (): Settings => ({ theme: settings.get('theme', Settings.shape.theme, DEFAULT_SETTINGS.theme) });
  const readRecent = () => settings.get('recentFolders', StoredRecent, []);
  const recentView = (): RecentFolder[] => readRecent().map((r) => ({ ...r, exists: isDirectory(r.path) }));
  const writeRecent = (list: z.infer<typeof StoredRecent>) =>
    settings.set('recentFolders', list.slice(0, RECENT_FOLDERS_KEPT));

  return {
    getSettings: () => readSettings(),
    updateSettings: (change) => {
      if (change.theme !== undefined) settings.set('theme', change.theme);
      const next = readSettings();
      adapter.settingsChanged?.(next);
      return next;
    },
    getRecentFolders: () => recentView(),
    addRecentFolder: ({ path: raw }) => {
      const folder = normaliseFolder(raw);
      const usedAt = ctx.platform.now().toISOString();
      writeRecent([{ path: folder, usedAt }, ...readRecent().filter((r) => r.path !== folder)]);
      return recentView();
    },
    removeRecentFolder: ({ path: raw }) => {
      const folder = path.isAbsolute(raw.trim()) ? normaliseFolder(raw) : raw;
      writeRecent(readRecent().filter((r) => r.path !== folder));
      return recentView();
    },
  };
}
