import type { OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { CairnError } from '../../shared/api/define.js';
import { METHOD_NAMES } from '../../shared/api/names.js';
import { nativeMethods } from '../../shared/api/native.js';
import { registerIpc } from '../../electron/host/ipc.js';
import { electronHostAdapter, packFileDialog, type NativeDeps } from '../../electron/host/native.js';
import { APP_ORIGIN, channelFor } from '../../electron/host/window-settings.js';
import { createMenuActionQueue } from '../../electron/host/menu-actions.js';
import { openOutside } from '../../electron/host/harden.js';

/** The OS dialogs and shell, faked: they are the one thing these tests may not touch for real. */
function fakes(
  dialogAnswer: { canceled: boolean; filePaths: string[] } = {
    canceled: false,
    filePaths: ['/home/ada/repo/docs/decisions'],
  },
) {
  const calls = { dialog: [] as OpenDialogOptions[], opened: [] as string[], shown: [] as string[], changed: 0 };
  const deps: NativeDeps = {
    showOpenDialog: async (options) => {
      calls.dialog.push(options);
      return dialogAnswer;
    },
    shell: {
      openExternal: async (url: string) => {
        calls.opened.push(url);
      },
      showItemInFolder: (p: string) => {
        calls.shown.push(p);
      },
    },
    nativeTheme: { themeSource: 'system' },
    menuActions: createMenuActionQueue(),
    onSettingsChanged: () => calls.changed++,
  };
  return { deps, calls, adapter: electronHostAdapter(deps) };
}

describe('the desktop host’s native abilities', () => {
  it('asks for a folder with the system dialog and answers the chosen path', async () => {
    const { adapter, calls } = fakes();
    expect(await adapter.pickFolder!({ title: 'Export to', defaultPath: '/home/ada' })).toBe(
      '/home/ada/repo/docs/decisions',
    );
    expect(calls.dialog[0]).toMatchObject({ title: 'Export to', defaultPath: '/home/ada' });
    expect(calls.dialog[0]!.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
  });

  it('answers null when the user cancels the dialog', async () => {
    const { adapter } = fakes({ canceled: true, filePaths: [] });
    expect(await adapter.pickFolder!({})).toBeNull();
  });

  it('opens http, https and mailto links in the browser and refuses everything else', async () => {
    const { adapter, calls } = fakes();
    await adapter.openExternal!('https://adr.github.io/');
    await adapter.openExternal!('mailto:team@example.org');
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'cairn://app/index.html',
      'https://user:pw@example.org/',
      'not a url',
      'smb://host/share',
    ]) {
      await expect(adapter.openExternal!(bad)).rejects.toSatisfy(
        (e: unknown) => e instanceof CairnError && e.code === 'forbidden',
      );
    }
    expect(calls.opened).toEqual(['https://adr.github.io/', 'mailto:team@example.org']);
  });

  it('opens links by one allow-listed way, which hands over the parsed URL', async () => {
    const opened: string[] = [];
    const opener = { openExternal: async (u: string) => void opened.push(u) };
    expect(await openOutside('  HTTPS://ADR.GITHUB.IO/a b ', opener)).toBe(true);
    expect(await openOutside('file:///etc/passwd', opener)).toBe(false);
    expect(opened).toEqual(['https://adr.github.io/a%20b']);
  });

  it('shows a file in the file manager', async () => {
    const { adapter, calls } = fakes();
    await adapter.showItemInFolder!('/home/ada/repo/docs/decisions/0001-use-postgres.md');
    expect(calls.shown).toEqual(['/home/ada/repo/docs/decisions/0001-use-postgres.md']);
  });

  it('asks for a pack file with the open-file dialog: one .json file, opened not saved, the folder offered', async () => {
    const { adapter, calls } = fakes({ canceled: false, filePaths: ['/home/ada/packs/cache.cairn-pack.json'] });
    expect(await adapter.pickPackFile!({ defaultPath: '/home/ada/packs' })).toBe(
      '/home/ada/packs/cache.cairn-pack.json',
    );
    expect(calls.dialog).toEqual([packFileDialog('/home/ada/packs')]);
    const options = packFileDialog();
    expect(options.properties).toEqual(['openFile', 'dontAddToRecent']);
    expect(options.properties).not.toContain('multiSelections');
    expect(options.filters![0]).toEqual({ name: 'Cairn pack files (cairn-pack/1)', extensions: ['json'] });
    expect(options.filters!.map((f) => f.extensions)).toEqual([['json'], ['*']]);
    expect(options).not.toHaveProperty('defaultPath');
    expect(options.title).toBe('Import a pack file');
    expect(await fakes({ canceled: true, filePaths: [] }).adapter.pickPackFile!({})).toBeNull();
  });

  it('reaches the pack-file dialog through one typed bridge channel, its input validated by the contract', async () => {
    expect(METHOD_NAMES).toContain('pickPackFile');
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const reached: unknown[] = [];
    registerIpc({ handle: (channel: string, h: never) => void handlers.set(channel, h) } as never, {
      call: async (m, i) => (reached.push([m, i]), { ok: true, value: { path: null } }),
    });
    const handler = handlers.get(channelFor('pickPackFile'));
    expect(channelFor('pickPackFile')).toBe('cairn:pickPackFile');
    const app = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };
    expect(await handler!(app, { defaultPath: '/home/ada' })).toEqual({ ok: true, value: { path: null } });
    expect(reached).toEqual([['pickPackFile', { defaultPath: '/home/ada' }]]);
    expect(await handler!({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(reached).toHaveLength(1);
    const input = nativeMethods.pickPackFile.input;
    expect(input.safeParse({}).success).toBe(true);
    expect(input.safeParse({ defaultPath: 42 }).success).toBe(false);
    expect(input.safeParse({ defaultPath: 'x'.repeat(5_000) }).success).toBe(false);
    expect(nativeMethods.pickPackFile.output.parse({ path: null })).toEqual({ path: null });
  });

  it('follows the chosen theme in native menus and dialogs, and rebuilds the menu', () => {
    const { adapter, deps, calls } = fakes();
    adapter.settingsChanged!({ theme: 'dark' });
    expect(deps.nativeTheme.themeSource).toBe('dark');
    expect(calls.changed).toBe(1);
  });
});
