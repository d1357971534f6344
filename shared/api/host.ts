/**
 * What the app asks of the machine it runs on, and the settings kept for it.
 *
 * The native methods (`pickFolder`, `showItemInFolder`, `openExternal`) are implemented by the
 * HOST, not the core: the Electron host answers them with the system dialog and shell; the
 * browser host and the CLI answer `unsupported`, and the UI falls back to a path field.
 * `getHostInfo` says which of them work here, so the UI never has to try.
 */
import { z } from 'zod';
import { Decision, Id, ShortText } from '../domain.js';
import { ACTIONS } from '../shortcuts.js';
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

export const HostInfo = z.object({
  capabilities: z.object({
    pickFolder: z.boolean(),
    showItemInFolder: z.boolean(),
    openExternal: z.boolean(),
    /** An application menu whose choices arrive through `waitForMenuAction`. */
    menu: z.boolean(),
  }),
});
export type HostInfo = z.infer<typeof HostInfo>;

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

export const hostMethods = {
  getHostInfo: method(z.object({}), HostInfo, 'Which native abilities (folder dialog, file manager, browser) this host has.'),
  pickFolder: method(
    z.object({ title: ShortText.optional(), defaultPath: ShortText.optional() }),
    z.object({ path: z.string().nullable() }),
    'Ask for a folder with the system dialog; path is null when the user cancels. Desktop only.',
  ),
  showItemInFolder: method(z.object({ path: FolderPath }), z.object({}), 'Show a file or folder in the system file manager. Desktop only.'),
  openExternal: method(z.object({ url: ShortText.min(1) }), z.object({}), 'Open an http(s) or mailto link in the system browser. Desktop only.'),
  waitForMenuAction: method(
    z.object({}),
    z.object({ action: z.enum(ACTIONS) }),
    'Answers with the next action chosen in the application menu (the page keeps one call waiting). Desktop only.',
  ),
  getSettings: method(z.object({}), Settings, 'The app settings (theme).'),
  updateSettings: method(z.object({ theme: Theme.optional() }), Settings, 'Change some settings; returns them all.'),
  getRecentFolders: method(z.object({}), z.array(RecentFolder), 'ADR folders used lately for import or export, newest first.'),
  addRecentFolder: method(z.object({ path: FolderPath }), z.array(RecentFolder), 'Remember a folder as just used (an absolute path); returns the list.'),
  removeRecentFolder: method(z.object({ path: FolderPath }), z.array(RecentFolder), 'Forget a recent folder; returns the list.'),
  createSampleDecision: method(
    z.object({ pack: Id.optional() }),
    Decision,
    'Create a finished sample decision from a knowledge pack (default backend-runtime): weighted drivers, options, claims, scores, outcome; the existing sample when there is one.',
  ),
};
