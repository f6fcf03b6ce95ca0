import type { BrowserWindowConstructorOptions } from 'electron';

import { appCopy } from '../../shared/copy';

export type WindowRole = 'popover' | 'pause' | 'app';

/** Sizes in CSS pixels; the popover is small on purpose. */
export const WINDOW_SIZES: Record<WindowRole, { width: number; height: number }> = {
  popover: { width: 380, height: 580 },
  pause: { width: 440, height: 420 },
  app: { width: 880, height: 660 },
};

/**
 * The one place BrowserWindow options are made, so a unit test can pin the
 * security settings for every window. Never `sandbox: false`, never
 * nodeIntegration, never webviews.
 * @see https://www.electronjs.org/docs/latest/tutorial/security
 */
export const windowOptions = (
  role: WindowRole,
  preloadPath: string,
  backgroundColor: string,
  devTools = false,
): BrowserWindowConstructorOptions => {
  const secure: BrowserWindowConstructorOptions['webPreferences'] = {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    enableWebSQL: false,
    safeDialogs: true,
    // Closed in the shipped app: DevTools could read a window's memory while Attune is locked.
    devTools,
    // Middle-click would otherwise open links in new windows (denied anyway by setWindowOpenHandler).
    // @see https://github.com/doyensec/electronegativity/wiki/AUXCLICK_JS_CHECK
    disableBlinkFeatures: 'Auxclick',
  };
  const common: BrowserWindowConstructorOptions = {
    ...WINDOW_SIZES[role],
    title: appCopy.windowTitle,
    show: false,
    backgroundColor,
    webPreferences: secure,
  };
  switch (role) {
    case 'popover':
      return {
        ...common,
        frame: false,
        resizable: false,
        movable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        skipTaskbar: true,
        alwaysOnTop: true,
        transparent: false,
      };
    case 'pause':
      return {
        ...common,
        resizable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        skipTaskbar: false,
        autoHideMenuBar: true,
      };
    case 'app':
      return { ...common, minWidth: 560, minHeight: 480, autoHideMenuBar: true };
  }
};
