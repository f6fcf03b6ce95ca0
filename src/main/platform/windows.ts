import { BrowserWindow, nativeTheme } from 'electron';

import type { ViewId } from '../../shared/ipc/app-contract';
import type { EventName, EventPayload, OpenReason } from '../../shared/ipc/event-contract';
import type { ScreenPort, Windows } from '../app/platform';
import type { WindowKind } from '../ipc/call-context';
import { centeredOnPointerDisplay, displayUnderPointer } from '../popover/pointer-display';
import { popoverBesideTray, popoverCentered, type Rect } from '../popover/popover-position';
export type { Windows };
import { rendererUrl } from './renderer-url';
import { WINDOW_SIZES, windowOptions, type WindowRole } from './window-options';

/** Hide the popover a moment after it loses focus, so a click that moves focus inside it is not a close. */
const BLUR_HIDE_MS = 100;
/** A tray click arrives just after the blur it caused; treat it as "close", not "open again". */
const TRAY_CLICK_AFTER_BLUR_MS = 300;

const background = () => (nativeTheme.shouldUseDarkColors ? '#1b1d22' : '#f7f5f1');

export const createWindows = (preloadPath: string, isPackaged: boolean, onAppWindowsChanged: () => void, screen: ScreenPort): Windows => {
  const known = new Map<number, WindowKind>();
  let lastBlurHideAt = 0;
  let appWindow: BrowserWindow | null = null;
  let pauseWindow: BrowserWindow | null = null;
  let zoomFactor = 1;

  const create = (role: WindowRole, route: string): BrowserWindow => {
    const window = new BrowserWindow(windowOptions(role, preloadPath, background(), !isPackaged));
    const id = window.webContents.id;
    known.set(id, role);
    window.on('closed', () => known.delete(id));
    // Each load starts at the page's default zoom: give it the person's zoom before it shows.
    window.webContents.on('did-finish-load', () => window.webContents.setZoomFactor(zoomFactor));
    void window.loadURL(rendererUrl(route, isPackaged));
    return window;
  };

  // Created hidden at start-up and reused, so opening it is instant.
  const popover = create('popover', 'popover');
  popover.on('blur', () => {
    setTimeout(() => {
      if (!popover.isDestroyed() && !popover.isFocused() && popover.isVisible()) {
        popover.hide();
        lastBlurHideAt = Date.now();
      }
    }, BLUR_HIDE_MS);
  });

  const send = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (known.has(window.webContents.id)) window.webContents.send(event, payload);
    }
  };

  const showPopover = (reason: OpenReason, trayBounds: Rect | null) => {
    // The shortcut, the command line and a second launch open it on the display the person is on.
    const pointer = screen.pointer();
    const display = displayUnderPointer(screen.displays(), pointer);
    const size = WINDOW_SIZES.popover;
    if (display) {
      const position =
        reason === 'tray' ? popoverBesideTray(trayBounds, pointer ?? { x: 0, y: 0 }, size, display) : popoverCentered(size, display);
      popover.setBounds({ ...position, ...size });
    }
    popover.webContents.send('popover.shown', { reason });
    popover.show();
    popover.focus();
  };

  const openPause = () => {
    if (pauseWindow && !pauseWindow.isDestroyed()) {
      pauseWindow.show();
      pauseWindow.focus();
      return;
    }
    const window = create('pause', 'pause');
    pauseWindow = window;
    const position = centeredOnPointerDisplay(WINDOW_SIZES.pause, screen.displays(), screen.pointer());
    if (position) window.setPosition(position.x, position.y);
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('closed', () => {
      pauseWindow = null;
    });
  };

  const closeWindow = (kind: WindowKind) => {
    if (kind === 'popover') popover.hide();
    else if (kind === 'pause') pauseWindow?.close();
    else if (kind === 'app') appWindow?.close();
  };

  /** Kept for a window still loading: a `view.show` sent before its page listens is lost, so the page asks. */
  let viewAsked: ViewId | null = null;
  const openView = (view: ViewId) => {
    if (view === 'check-in') return showPopover('menu', null);
    if (view === 'pause') return openPause();
    if (appWindow && !appWindow.isDestroyed()) {
      viewAsked = view;
      appWindow.webContents.send('view.show', { view });
    } else {
      viewAsked = null;
      appWindow = create('app', `app/${view}`);
      appWindow.once('ready-to-show', () => appWindow?.show());
      // App windows are destroyed on close: nothing private stays in memory longer than needed.
      appWindow.on('closed', () => {
        appWindow = null;
        viewAsked = null;
        onAppWindowsChanged();
      });
      onAppWindowsChanged();
    }
    appWindow.show();
    appWindow.focus();
  };

  return {
    known,
    showPopover,
    togglePopoverFromTray(trayBounds) {
      if (popover.isVisible()) return popover.hide();
      if (Date.now() - lastBlurHideAt < TRAY_CLICK_AFTER_BLUR_MS) return;
      showPopover('tray', trayBounds);
    },
    hidePopover: () => popover.hide(),
    openView,
    viewAsked: () => viewAsked,
    openPause,
    closeWindow,
    send,
    hasOpenAppWindow: () => appWindow !== null && !appWindow.isDestroyed(),
    setZoom(percent) {
      zoomFactor = percent / 100;
      for (const window of BrowserWindow.getAllWindows()) {
        if (known.has(window.webContents.id)) window.webContents.setZoomFactor(zoomFactor);
      }
    },
  };
};
