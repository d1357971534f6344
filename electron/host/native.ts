/**
 * The desktop host's native abilities for the core: the system folder and pack-file dialogs, the file
 * manager, the system browser, and the OS theme. Electron's objects are passed in, so a test
 * holds fakes (the OS dialogs are the one thing tests fake). Policy: a link opens only if it
 * passes the same allow-list as links in the window (`openOutside`), and it is the parsed,
 * normalised URL that is opened.
 */
import type { Dialog, NativeTheme, OpenDialogOptions, Shell } from 'electron';
import { CairnError } from '../../shared/api/define.js';
import type { HostAdapter } from '../core/native/adapter.js';
import { openOutside } from './harden.js';
import type { MenuActionQueue } from './menu-actions.js';

export interface NativeDeps {
  showOpenDialog: (options: OpenDialogOptions) => ReturnType<Dialog['showOpenDialog']>;
  shell: Pick<Shell, 'openExternal' | 'showItemInFolder'>;
  nativeTheme: Pick<NativeTheme, 'themeSource'>;
  menuActions: Pick<MenuActionQueue, 'next'>;
  /** Called after the theme changed (the menu shows the current one). */
  onSettingsChanged?: () => void;
}

/** The open-file dialog for a pack file: one `.json` file (a cairn-pack/1 file is `ID.cairn-pack.json`). */
export function packFileDialog(defaultPath?: string): OpenDialogOptions {
  return {
    title: 'Import a pack file',
    buttonLabel: 'Import',
    ...(defaultPath ? { defaultPath } : {}),
    filters: [
      { name: 'Cairn pack files (cairn-pack/1)', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['openFile', 'dontAddToRecent'],
  };
}

export function electronHostAdapter(deps: NativeDeps): HostAdapter {
  return {
    async pickFolder({ title, defaultPath }) {
      const result = await deps.showOpenDialog({
        title: title ?? 'Choose a folder',
        ...(defaultPath ? { defaultPath } : {}),
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickPackFile({ defaultPath }) {
      const result = await deps.showOpenDialog(packFileDialog(defaultPath));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showItemInFolder(path) {
      deps.shell.showItemInFolder(path);
    },
    async openExternal(url) {
      if (!(await openOutside(url, deps.shell))) {
        throw new CairnError(
          'forbidden',
          `Cairn opens only http, https and mailto links in the browser, not "${url.slice(0, 200)}".`,
        );
      }
    },
    nextMenuAction: () => deps.menuActions.next(),
    settingsChanged(settings) {
      deps.nativeTheme.themeSource = settings.theme;
      deps.onSettingsChanged?.();
    },
  };
}
