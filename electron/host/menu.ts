/**
 * The application menu, as data: the standard roles (edit, window, app menu on macOS) plus
 * Cairn's own actions, whose labels and keys come from the one shortcut table.
 *
 * Policy: on the desktop the menu owns the keys it shows (a click or its accelerator sends the
 * action to the page); the page handles only the keys the menu does not show, such as `?`.
 * So a key press runs its action once, whichever way the OS delivers it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Theme } from '../../shared/api/settings.js';
import { menuAccelerator, shortcutFor, type ActionId } from '../../shared/shortcuts.js';

export const ADR_HELP_URL = 'https://adr.github.io/';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  theme: Theme;
  /** Developer tools and reload only in a development build. */
  isPackaged: boolean;
  /** Sends an action to the focused window's page. */
  send(action: ActionId): void;
  openExternal(url: string): void;
}

function actionItem(action: ActionId, ctx: MenuContext, label?: string): MenuItemConstructorOptions {
  const shortcut = shortcutFor(action);
  const accelerator = shortcut ? menuAccelerator(shortcut) : null;
  return {
    id: action,
    label: label ?? shortcut?.label ?? action,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.send(action),
  };
}

const THEME_ITEMS: [Theme, ActionId, string][] = [
  ['system', 'themeSystem', 'Follow the System'],
  ['light', 'themeLight', 'Light'],
  ['dark', 'themeDark', 'Dark'],
];

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      actionItem('newDecision', ctx),
      actionItem('importRepository', ctx),
      actionItem('export', ctx),
      sep,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      actionItem('search', ctx),
      sep,
      {
        label: 'Theme',
        submenu: THEME_ITEMS.map(([theme, action, label]) => ({
          ...actionItem(action, ctx, label),
          type: 'radio' as const,
          checked: ctx.theme === theme,
        })),
      },
      sep,
      ...(ctx.isPackaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, sep]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: [
      actionItem('goDecisions', ctx),
      actionItem('goLibrary', ctx),
      sep,
      actionItem('previousStep', ctx),
      actionItem('nextStep', ctx),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      actionItem('showHelp', ctx),
      { label: 'About Architecture Decision Records', click: () => ctx.openExternal(ADR_HELP_URL) },
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' as const, label: ctx.appName }] : []),
    file,
    { role: 'editMenu' },
    view,
    go,
    { role: 'windowMenu' },
    help,
  ];
}
