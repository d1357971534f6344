/**
 * The Electron security policy for every web contents and the session, as functions a test can
 * call with fake objects (the Electron binary cannot run in CI). Policy, after the official
 * Electron security checklist: the renderer may show only the app itself; navigation, redirects
 * and new windows are refused; webviews cannot attach; every permission is denied; requests to
 * anything but the app are cancelled; outside links go to the system browser only through
 * `externalUrl`, which parses them properly.
 */
import type { Session, WebContents } from 'electron';
import { externalUrl, isAppUrl } from './window-settings.js';

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/**
 * Opens an outside link in the system browser if it passes the allow-list, as the parsed and
 * normalised URL; the one way to the system browser (windows, the menu and the API use it).
 */
export function openOutside(raw: string, opener: ExternalOpener): Promise<boolean> {
  const target = externalUrl(raw);
  if (!target) return Promise.resolve(false);
  return opener.openExternal(target).then(() => true);
}

/** Locks down one web contents; called from `app.on('web-contents-created')`, so none escapes it. */
export function hardenWebContents(contents: WebContents, opener: ExternalOpener): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, opener).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** True for the requests the app's pages may make: the app's own files, and DevTools. */
export function isAllowedRequest(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  try {
    return new URL(raw).protocol === 'devtools:';
  } catch {
    return false;
  }
}

/** Denies every permission and device, and cancels requests that leave the app. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
