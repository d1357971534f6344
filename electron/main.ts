/**
 * The Electron host: one window, the app served from a private scheme, the core behind IPC.
 * Keep it thin: everything testable lives in core/ and host/ and is tested without Electron.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './core/core.js';
import { openCoreHost, type CoreHost } from './core/recovery.js';
import { resolveDbPath } from './core/paths.js';
import { serveAppRequest } from './host/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from './host/csp.js';
import { hardenSession, hardenWebContents } from './host/harden.js';
import { registerIpc } from './host/ipc.js';
import { APP_ORIGIN, APP_SCHEME, webPreferences } from './host/window-settings.js';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const knowledgeDir = app.isPackaged ? path.join(process.resourcesPath, 'knowledge') : path.join(appRoot, 'knowledge');

/** better-sqlite3 built for Electron's ABI, placed by `npm run dist` / `electron-rebuild`. */
function electronNativeBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.join(appRoot, 'dist', 'native', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

let core: CoreHost | null = null;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    title: 'Cairn',
    show: false,
    webPreferences: webPreferences(path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

// Every web contents, the window's and any other, gets the navigation, window and webview policy.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));

void app.whenReady().then(() => {
  const dbPath = resolveDbPath(process.env.CAIRN_DB, process.env);
  const nativeBinding = electronNativeBinding();
  // A damaged database does not stop the app: the window opens on the restore page instead.
  core = openCoreHost(() => createCore({ dbPath, knowledgeDir, nativeBinding }), dbPath, { nativeBinding });
  registerIpc(ipcMain, core);
  hardenSession(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => core?.close());
