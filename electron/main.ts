/**
 * The Electron host: one window, the app served from a private scheme, the core behind IPC.
 * Keep it thin: every decision (menu, window placement, second launch, native abilities,
 * hardening) is data or a pure function in host/ and tested without Electron; this file only
 * wires them.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Theme } from '../shared/api/settings.js';
import type { ActionId } from '../shared/shortcuts.js';
import { createCore } from './core/core.js';
import { openCoreHost, type CoreHost } from './core/recovery.js';
import { resolveDbPath } from './core/paths.js';
import { serveAppRequest } from './host/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from './host/csp.js';
import { hardenSession, hardenWebContents, openOutside } from './host/harden.js';
import { registerIpc } from './host/ipc.js';
import { menuTemplate } from './host/menu.js';
import { createMenuActionQueue } from './host/menu-actions.js';
import { electronHostAdapter } from './host/native.js';
import { secondInstanceSteps } from './host/single-instance.js';
import { captureWindowState, restoreWindowState, WINDOW_STATE_KEY, WindowState } from './host/window-state.js';
import { APP_ORIGIN, APP_SCHEME, webPreferences } from './host/window-settings.js';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const knowledgeDir = app.isPackaged ? path.join(process.resourcesPath, 'knowledge') : path.join(appRoot, 'knowledge');

/** better-sqlite3 built for Electron's ABI, placed by `npm run build:native` (and shipped by `npm run dist`). */
function electronNativeBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.join(appRoot, 'dist', 'native', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

let core: CoreHost | null = null;
let mainWindow: BrowserWindow | null = null;
const menuActions = createMenuActionQueue();

function sendAction(action: ActionId): void {
  menuActions.push(action);
}

function openExternal(url: string): void {
  openOutside(url, shell).catch(() => undefined);
}

/** The stored theme; `system` while the database is damaged (the restore page is showing). */
async function currentTheme(): Promise<Theme> {
  const result = await core?.call('getSettings', {});
  return result?.ok ? (result.value as { theme: Theme }).theme : 'system';
}

async function buildMenu(): Promise<void> {
  const theme = await currentTheme();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        appName: app.name,
        theme,
        isPackaged: app.isPackaged,
        send: sendAction,
        openExternal,
      }),
    ),
  );
}

function createWindow(): void {
  const settings = core?.current()?.settings ?? null;
  const placement = restoreWindowState(
    settings?.get(WINDOW_STATE_KEY, WindowState, null) ?? null,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: placement.minWidth,
    minHeight: placement.minHeight,
    title: 'Cairn',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16191d' : '#f7f7f5',
    webPreferences: webPreferences(path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs')),
  });
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    if (placement.fullScreen) win.setFullScreen(true);
    win.show();
  });
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveState = () => {
    clearTimeout(saveTimer);
    const store = core?.current()?.settings;
    if (store && !win.isDestroyed())
      store.set(WINDOW_STATE_KEY, captureWindowState(win.getNormalBounds(), win.isMaximized(), win.isFullScreen()));
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveState, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('enter-full-screen', saveSoon);
  win.on('leave-full-screen', saveSoon);
  win.on('close', saveState);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  for (const step of secondInstanceSteps(win && { minimized: win.isMinimized(), visible: win.isVisible() })) {
    if (step === 'create' && core) createWindow();
    if (step === 'restore') win?.restore();
    if (step === 'show') win?.show();
    if (step === 'focus') win?.focus();
  }
});

// Every web contents, the window's and any other, gets the navigation, window and webview policy.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));

void app.whenReady().then(async () => {
  const dbPath = resolveDbPath(process.env.CAIRN_DB, process.env);
  const nativeBinding = electronNativeBinding();
  if (app.isPackaged && !nativeBinding) {
    dialog.showErrorBox(
      'Cairn cannot open its database',
      'This build lacks resources/native/better_sqlite3.node (the database driver built for Electron). Rebuild it with `npm run dist`.',
    );
    app.quit();
    return;
  }
  const host = electronHostAdapter({
    showOpenDialog: (options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    shell,
    nativeTheme,
    menuActions,
    onSettingsChanged: () => void buildMenu(),
  });
  // A damaged database does not stop the app: the window opens on the restore page instead.
  try {
    core = openCoreHost(() => createCore({ dbPath, knowledgeDir, nativeBinding, host }), dbPath, {
      nativeBinding,
      holder: 'the Cairn app',
    });
  } catch (e) {
    // Another process owns the database (see electron/core/store/lock.ts), or it cannot be opened at all.
    dialog.showErrorBox('Cairn cannot open its database', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  nativeTheme.themeSource = await currentTheme();
  registerIpc(ipcMain, core);
  hardenSession(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  await buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => core?.close());
