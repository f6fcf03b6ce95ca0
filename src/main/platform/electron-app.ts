import { app, dialog, Menu } from 'electron';

import { handedOverArgs, launchArgs } from '../command-line/launch-args';
import { mergeFeatures } from '../shortcut/chromium-features';

/** The slice of Electron's `app` the composition root needs, so index.ts never imports electron. */
export const electronApp = {
  /** Returns false when another Attune is already running; it gets this launch's arguments and acts on them. */
  requestSingleInstance(onSecondInstance: (args: readonly string[]) => void): boolean {
    const defaultApp = process.defaultApp === true;
    if (!app.requestSingleInstanceLock({ args: [...launchArgs(process.argv, defaultApp)] })) return false;
    app.on('second-instance', (_event, argv, _workingDirectory, additionalData) =>
      onSecondInstance(handedOverArgs(additionalData, argv, defaultApp)),
    );
    return true;
  },
  launchArgs: () => launchArgs(process.argv, process.defaultApp === true),
  preferredLanguages: (): readonly string[] => app.getPreferredSystemLanguages(),
  /** Chromium keeps only the last --enable-features switch, so the value carries any given at launch. */
  enableChromiumFeatures(features: readonly string[]) {
    if (features.length === 0) return;
    app.commandLine.appendSwitch('enable-features', mergeFeatures(app.commandLine.getSwitchValue('enable-features'), features));
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
  /** The default menu carries Reload and DevTools shortcuts; keep only what the platform needs (Edit on macOS). */
  setMinimalMenu() {
    Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]) : null);
  },
  /** Start-up did not finish: one calm sentence (never a stack trace), then quit so a relaunch starts clean. */
  fatal(message: string, error: unknown) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (app.isReady()) dialog.showErrorBox(app.getName(), message);
    app.exit(1);
  },
  setAppUserModelId: (id: string) => {
    if (process.platform === 'win32') app.setAppUserModelId(id);
  },
};
