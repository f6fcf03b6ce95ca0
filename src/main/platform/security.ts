import { app, type Session, shell, type WebContents } from 'electron';

import { APP_ORIGIN } from '../../shared/csp';

/**
 * Electron security checklist items that apply to every window and session.
 * Each rule cites the checklist item it implements.
 */

/** Pure: may a window be at this URL? Only Attune's own pages (or the dev server in development). */
export const isAllowedAppUrl = (url: string, devOrigin: string | null): boolean => {
  try {
    const parsed = new URL(url);
    const origin = `${parsed.protocol}//${parsed.host}`;
    return origin === APP_ORIGIN || (devOrigin !== null && origin === devOrigin);
  } catch {
    return false;
  }
};

/**
 * Pure: the only external links Attune opens — after a click — are the help
 * resources it ships (an exact allow-list built from the crisis data).
 * @see https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export const isAllowedExternalUrl = (url: string, allowed: ReadonlySet<string>): boolean => {
  try {
    const parsed = new URL(url);
    const safeScheme = parsed.protocol === 'https:' || parsed.protocol === 'tel:' || parsed.protocol === 'sms:';
    return safeScheme && allowed.has(url);
  } catch {
    return false;
  }
};

/** @see https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content */
export const denyAllPermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
};

/**
 * @see https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 * @see https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
 * @see https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
 */
export const lockDownWebContents = (contents: WebContents, devOrigin: string | null, allowedExternal: ReadonlySet<string>): void => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedAppUrl(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedAppUrl(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link the person clicked (e.g. a crisis line's website) opens in their browser, never in Attune.
    if (isAllowedExternalUrl(url, allowedExternal)) void shell.openExternal(url);
    return { action: 'deny' };
  });
};

export const applySecurityRestrictions = (devOrigin: string | null, allowedExternal: ReadonlySet<string>): void => {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, devOrigin, allowedExternal));
  app.on('session-created', (session) => denyAllPermissions(session));
};
