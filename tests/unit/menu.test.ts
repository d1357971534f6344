import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { ADR_HELP_URL, menuTemplate, type MenuContext } from '../../electron/host/menu.js';
import { isAllowedExternalUrl } from '../../electron/host/window-settings.js';
import { menuAccelerator, SHORTCUTS, type ActionId } from '../../shared/shortcuts.js';

function context(over: Partial<MenuContext> = {}) {
  const sent: ActionId[] = [];
  const opened: string[] = [];
  const ctx: MenuContext = {
    platform: 'linux',
    appName: 'Cairn',
    theme: 'system',
    isPackaged: true,
    send: (a) => sent.push(a),
    openExternal: (u) => opened.push(u),
    ...over,
  };
  return { ctx, sent, opened };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('the application menu', () => {
  it('has the standard roles on Linux and Windows, with Quit in File', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const items = flatten(menuTemplate(context({ platform }).ctx));
      const roles = items.map((i) => i.role).filter(Boolean);
      expect(roles).toEqual(
        expect.arrayContaining([
          'editMenu',
          'windowMenu',
          'help',
          'quit',
          'togglefullscreen',
          'zoomIn',
          'zoomOut',
          'resetZoom',
        ]),
      );
      expect(roles).not.toContain('appMenu');
    }
  });

  it('starts with the app menu on macOS, and File closes the window instead of quitting', () => {
    const top = menuTemplate(context({ platform: 'darwin' }).ctx);
    expect(top[0]).toMatchObject({ role: 'appMenu', label: 'Cairn' });
    const roles = flatten(top).map((i) => i.role);
    expect(roles).toContain('close');
    expect(roles).not.toContain('quit');
  });

  it('offers every shortcut action once, with the key from the shortcut table, and sends it when chosen', () => {
    const { ctx, sent } = context();
    const items = flatten(menuTemplate(ctx));
    for (const s of SHORTCUTS) {
      const found = items.filter((i) => i.id === s.action);
      expect(found, s.action).toHaveLength(1);
      expect(found[0]!.accelerator ?? null).toBe(menuAccelerator(s));
      click(found[0]!);
      expect(sent.at(-1)).toBe(s.action);
    }
  });

  it('never shows one accelerator twice', () => {
    const accelerators = flatten(menuTemplate(context().ctx))
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('marks the current theme and switches it through the page', () => {
    const { ctx, sent } = context({ theme: 'dark' });
    const items = flatten(menuTemplate(ctx));
    const theme = ['themeSystem', 'themeLight', 'themeDark'].map((id) => items.find((i) => i.id === id)!);
    expect(theme.map((i) => [i.type, i.checked])).toEqual([
      ['radio', false],
      ['radio', false],
      ['radio', true],
    ]);
    click(theme[1]!);
    expect(sent).toEqual(['themeLight']);
  });

  it('keeps reload and developer tools out of a packaged app', () => {
    const roles = (packaged: boolean) =>
      flatten(menuTemplate(context({ isPackaged: packaged }).ctx)).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('opens its help link in the browser, and the link passes the window’s allow-list', () => {
    const { ctx, opened } = context();
    const about = flatten(menuTemplate(ctx)).find((i) => i.label === 'About Architecture Decision Records')!;
    click(about);
    expect(opened).toEqual([ADR_HELP_URL]);
    expect(isAllowedExternalUrl(ADR_HELP_URL)).toBe(true);
  });
});
