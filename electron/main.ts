/**
 * The Electron host: one window, the app served from a private scheme, the core behind IPC.
 * Keep it thin: every decision (menu, window placement, second launch, native abilities) is
 * data or a pure function in host/ and tested without Electron; this file only wires them.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, net, protocol, screen, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isActionId, type ActionId } from '../shared/shortcuts.js';
import { createCore, type Core } from './core/core.js';
import { resolveDbPath } from './core/paths.js';
import { CONTENT_SECURITY_POLICY } from './host/csp.js';
import { registerIpc } from './host/ipc.js';
import { menuTemplate } from './host/menu.js';
import { electronHostAdapter } from './host/native.js';
import { secondInstanceSteps } from './host/single-instance.js';
import { captureWindowState, restoreWindowState, WINDOW_STATE_KEY, WindowState } from './host/window-state.js';
import { ACTION_CHANNEL, APP_SCHEME, isAllowedExternalUrl, isAppUrl, webPreferences } from './host/window-settings.js';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

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

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function sendAction(action: ActionId): void {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (win && isActionId(action)) win.webContents.send(ACTION_CHANNEL, action);
}

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

async function buildMenu(): Promise<void> {
  if (!core) return;
  const { theme } = await core.invoke('getSettings', {});
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, appName: app.name, theme, isPackaged: app.isPackaged, send: sendAction, openExternal })));
}

function createWindow(c: Core): void {
  const placement = restoreWindowState(
    c.settings.get(WINDOW_STATE_KEY, WindowState, null),
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
    if (!win.isDestroyed()) c.settings.set(WINDOW_STATE_KEY, captureWindowState(win.getNormalBounds(), win.isMaximized(), win.isFullScreen()));
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
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_SCHEME}://app/index.html`);
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  for (const step of secondInstanceSteps(win && { minimized: win.isMinimized(), visible: win.isVisible() })) {
    if (step === 'create' && core) createWindow(core);
    if (step === 'restore') win?.restore();
    if (step === 'show') win?.show();
    if (step === 'focus') win?.focus();
  }
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
});

void app.whenReady().then(async () => {
  const dbPath = resolveDbPath(process.env.CAIRN_DB, process.env);
  const nativeBinding = electronNativeBinding();
  if (app.isPackaged && !nativeBinding) {
    dialog.showErrorBox('Cairn cannot open its database', 'This build lacks resources/native/better_sqlite3.node (the database driver built for Electron). Rebuild it with `npm run dist`.');
    app.quit();
    return;
  }
  const host = electronHostAdapter({
    showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    shell,
    nativeTheme,
    onSettingsChanged: () => void buildMenu(),
  });
  core = createCore({ dbPath, knowledgeDir, nativeBinding, host });
  nativeTheme.themeSource = (await core.invoke('getSettings', {})).theme;
  registerIpc(ipcMain, core);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  await buildMenu();
  createWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) createWindow(core);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => core?.close());
