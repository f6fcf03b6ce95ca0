import { app } from 'electron';

/** The slice of Electron's `app` the composition root needs, so index.ts never imports electron. */
export const electronApp = {
  /** Returns false when another Attune is already running; it will show its prompt instead. */
  requestSingleInstance(onSecondInstance: () => void): boolean {
    if (!app.requestSingleInstanceLock()) return false;
    app.on('second-instance', onSecondInstance);
    return true;
  },
  whenReady: () => app.whenReady(),
  userDataDir: () => app.getPath('userData'),
  appDir: () => app.getAppPath(),
  isPackaged: () => app.isPackaged,
  version: () => app.getVersion(),
  name: () => app.getName(),
  quit: () => app.quit(),
  onBeforeQuit: (listener: () => void) => app.on('will-quit', listener),
  /** A tray app keeps running with no windows open. */
  keepRunningWithoutWindows: () => app.on('window-all-closed', () => undefined),
  /** macOS: no dock icon unless a normal window is open; Windows: an AppUserModelID so notifications work. */
  setDockVisible(visible: boolean) {
    if (process.platform !== 'darwin' || !app.dock) return;
    if (visible) void app.dock.show();
    else app.dock.hide();
  },
  setAppUserModelId: (id: string) => {
    if (process.platform === 'win32') app.setAppUserModelId(id);
  },
};
