import type { WebPreferences } from 'electron';

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
    enableWebSQL: false,
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  } as const satisfies WebPreferences;
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

/**
 * The URL to hand to the system browser for a link the user followed, or null to ignore it.
 * Parsed with the WHATWG URL parser (the one Chromium uses), never matched as text: only http(s)
 * with a host and no credentials, or mailto with an address. The normalised form is returned,
 * so what is opened is exactly what was checked.
 */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0 ? url.href : null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

export function isAllowedExternalUrl(raw: string): boolean {
  return externalUrl(raw) !== null;
}

/** The IPC channel of one API method. */
export const channelFor = (method: string) => `cairn:${method}`;
