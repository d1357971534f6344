/**
 * The app's settings (theme) and the ADR folders used lately, kept in the store.
 */
import { z } from 'zod';
import { ShortText } from '../domain.js';
import { method } from './define.js';
import { THEMES } from '../vocabulary.js';

export { THEMES };
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  /** `system` follows the operating system's light or dark mode. */
  theme: Theme,
});
export type Settings = z.infer<typeof Settings>;

export const RecentFolder = z.object({
  path: z.string(),
  usedAt: z.string(),
  /** False when the folder has gone since it was used (moved, deleted, unmounted). */
  exists: z.boolean(),
});
export type RecentFolder = z.infer<typeof RecentFolder>;

/** How many recent folders are kept. */
export const RECENT_FOLDERS_KEPT = 10;

const FolderPath = ShortText.min(1, 'a folder path');

export const settingsMethods = {
  getSettings: method(z.object({}), Settings, 'The app settings (theme).'),
  updateSettings: method(z.object({ theme: Theme.optional() }), Settings, 'Change some settings; returns them all.'),
  getRecentFolders: method(
    z.object({}),
    z.array(RecentFolder),
    'ADR folders used lately for import or export, newest first.',
  ),
  addRecentFolder: method(
    z.object({ path: FolderPath }),
    z.array(RecentFolder),
    'Remember a folder as just used (an absolute path); returns the list.',
  ),
  removeRecentFolder: method(
    z.object({ path: FolderPath }),
    z.array(RecentFolder),
    'Forget a recent folder; returns the list.',
  ),
};
