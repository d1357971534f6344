/**
 * The security settings of every Cairn window, as data so a test can hold them without
 * launching Electron. Policy: context isolation and the sandbox on, no Node in the renderer,
 * no webview, no remote content.
 */
export function webPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  } as const;
}

/** The renderer is served from this privileged scheme; nothing else may be navigated to. */
export const APP_SCHEME = 'cairn';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** True when a frame URL is the app itself; every other navigation is refused. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}

/** External links open in the system browser only when they parse as http(s) or mailto. */
export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === 'mailto:') return url.pathname.length > 0;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    return url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The IPC channel of one API method. */
export const channelFor = (method: string) => `cairn:${method}`;

/** The one channel the main process uses to send the page a menu action (an id from shared/shortcuts.ts). */
export const ACTION_CHANNEL = 'cairn-action';
