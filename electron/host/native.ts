/**
 * The desktop host's native abilities for the core: the system folder dialog, the file
 * manager, the system browser, and the OS theme. Electron's objects are passed in, so a test
 * holds fakes (the OS dialogs are the one thing tests fake). Policy: a link opens only if it
 * passes the same allow-list as links in the window (`isAllowedExternalUrl`).
 */
import type { Dialog, NativeTheme, OpenDialogOptions, Shell } from 'electron';
import { CairnError } from '../../shared/api/define.js';
import type { HostAdapter } from '../core/host-adapter.js';
import { isAllowedExternalUrl } from './window-settings.js';

export interface NativeDeps {
  showOpenDialog: (options: OpenDialogOptions) => ReturnType<Dialog['showOpenDialog']>;
  shell: Pick<Shell, 'openExternal' | 'showItemInFolder'>;
  nativeTheme: Pick<NativeTheme, 'themeSource'>;
  /** Called after the theme changed (the menu shows the current one). */
  onSettingsChanged?: () => void;
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
    showItemInFolder(path) {
      deps.shell.showItemInFolder(path);
    },
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) {
        throw new CairnError('forbidden', `Cairn opens only http, https and mailto links in the browser, not "${url.slice(0, 200)}".`);
      }
      await deps.shell.openExternal(url);
    },
    settingsChanged(settings) {
      deps.nativeTheme.themeSource = settings.theme;
      deps.onSettingsChanged?.();
    },
  };
}
