/**
 * What a host lends the core: the native abilities only it has (a folder dialog, the file
 * manager, the system browser) and a hook to follow setting changes. The core never imports a
 * host; each host passes its adapter to `createCore`. An ability left out answers `unsupported`.
 */
import type { Settings } from '../../../shared/api/settings.js';
import type { ActionId } from '../../../shared/shortcuts.js';

export interface HostAdapter {
  /** Shows the system folder dialog; resolves to the chosen folder, or null when cancelled. */
  pickFolder?(options: { title?: string; defaultPath?: string }): Promise<string | null>;
  /** Shows the system open-file dialog for a pack file; resolves to the chosen file, or null when cancelled. */
  pickPackFile?(options: { defaultPath?: string }): Promise<string | null>;
  /** Reveals an existing file or folder in the system file manager. */
  showItemInFolder?(path: string): void | Promise<void>;
  /** Opens a link in the system browser; the host checks the URL against its allow-list. */
  openExternal?(url: string): Promise<void>;
  /** Resolves with the next action chosen in the application menu. */
  nextMenuAction?(): Promise<ActionId>;
  /** Called after settings change (the desktop host follows the theme in native menus and dialogs). */
  settingsChanged?(settings: Settings): void;
}
