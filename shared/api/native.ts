/**
 * What the app asks of the machine it runs on (settings live in settings.ts).
 *
 * The native methods (`pickFolder`, `pickPackFile`, `showItemInFolder`, `openExternal`) are implemented by the
 * HOST, not the core: the Electron host answers them with the system dialog and shell; the
 * browser host and the CLI answer `unsupported`, and the UI falls back to a path field.
 * `getHostInfo` says which of them work here, so the UI never has to try.
 */
import { z } from 'zod';
import { ShortText } from '../domain.js';
import { ACTIONS } from '../shortcuts.js';
import { method } from './define.js';

export const HostInfo = z.object({
  capabilities: z.object({
    pickFolder: z.boolean(),
    /** The system open-file dialog for a pack file (the browser host offers a file input instead). */
    pickPackFile: z.boolean(),
    showItemInFolder: z.boolean(),
    openExternal: z.boolean(),
    /** An application menu whose choices arrive through `waitForMenuAction`. */
    menu: z.boolean(),
  }),
});
export type HostInfo = z.infer<typeof HostInfo>;

const FolderPath = ShortText.min(1, 'a folder path');

export const nativeMethods = {
  getHostInfo: method(
    z.object({}),
    HostInfo,
    'Which native abilities (folder dialog, file manager, browser) this host has.',
  ),
  pickFolder: method(
    z.object({ title: ShortText.optional(), defaultPath: ShortText.optional() }),
    z.object({ path: z.string().nullable() }),
    'Ask for a folder with the system dialog; path is null when the user cancels. Desktop only.',
  ),
  pickPackFile: method(
    z.object({ defaultPath: ShortText.optional() }),
    z.object({ path: z.string().nullable() }),
    'Ask for a pack file (*.json, cairn-pack/1) with the system open-file dialog; path is null when the user cancels. Desktop only; `readPackFile` imports it.',
  ),
  showItemInFolder: method(
    z.object({ path: FolderPath }),
    z.object({}),
    'Show a file or folder in the system file manager. Desktop only.',
  ),
  openExternal: method(
    z.object({ url: ShortText.min(1) }),
    z.object({}),
    'Open an http(s) or mailto link in the system browser. Desktop only.',
  ),
  waitForMenuAction: method(
    z.object({}),
    z.object({ action: z.enum(ACTIONS) }),
    'Answers with the next action chosen in the application menu (the page keeps one call waiting). Desktop only.',
  ),
};
