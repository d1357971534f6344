/**
 * The machine's own abilities (folder dialog, file manager, system browser, application menu),
 * lent by the host through its adapter; hosts without them answer `unsupported`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../../shared/api/index.js';
import { CairnError } from '../../../shared/api/define.js';
import type { nativeMethods } from '../../../shared/api/native.js';
import type { HostAdapter } from './adapter.js';

function unsupported(what: string, instead: string): never {
  throw new CairnError('unsupported', `${what} needs the Cairn desktop app; ${instead}`);
}

export function nativeHandlers(adapter: HostAdapter): Pick<Handlers, keyof typeof nativeMethods> {
  return {
    getHostInfo: () => ({
      capabilities: {
        pickFolder: !!adapter.pickFolder,
        pickPackFile: !!adapter.pickPackFile,
        showItemInFolder: !!adapter.showItemInFolder,
        openExternal: !!adapter.openExternal,
        menu: !!adapter.nextMenuAction,
      },
    }),
    pickFolder: async ({ title, defaultPath }) => {
      if (!adapter.pickFolder) unsupported('Choosing a folder with the system dialog', 'type the folder path instead.');
      return { path: await adapter.pickFolder({ title, defaultPath }) };
    },
    pickPackFile: async ({ defaultPath }) => {
      if (!adapter.pickPackFile)
        unsupported('Choosing a pack file with the system dialog', 'choose it with the file field or type its path.');
      return { path: await adapter.pickPackFile({ defaultPath }) };
    },
    showItemInFolder: async ({ path: target }) => {
      if (!adapter.showItemInFolder)
        unsupported('Showing a file in the file manager', 'open the folder yourself; its path is shown.');
      const file = path.resolve(target);
      if (!path.isAbsolute(target) || !fs.existsSync(file)) {
        throw new CairnError(
          'not_found',
          `${target} does not exist (any more). Export again to write it, or check the folder.`,
        );
      }
      await adapter.showItemInFolder(file);
      return {};
    },
    openExternal: async ({ url }) => {
      if (!adapter.openExternal) unsupported('Opening links in the system browser', 'open the link in your browser.');
      await adapter.openExternal(url);
      return {};
    },
    waitForMenuAction: async () => {
      if (!adapter.nextMenuAction) unsupported('An application menu', 'use the keyboard shortcuts (Help lists them).');
      return { action: await adapter.nextMenuAction() };
    },
  };
}
