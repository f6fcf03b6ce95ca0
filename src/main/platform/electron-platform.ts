import { homedir } from 'node:os';
import { join } from 'node:path';

import type { AttunePlatform } from '../app/platform';
import { createFileLogger } from '../log/logger';
import { systemLocalClock } from '../pauses/local-clock';
import { systemTimerClock } from '../pauses/ports';
import { runCommand } from '../system/run-command';
import { hasTrayHost } from '../tray/tray-host';
import { registerAppScheme, serveRendererFrom } from './app-protocol';
import { electronClipboard } from './clipboard';
import { electronApp } from './electron-app';
import { electronFolderDialog } from './folder-dialog';
import { electronGlobalShortcut } from './global-shortcut';
import { registerIpc } from './ipc-main-bridge';
import { electronLoginItem } from './login-item';
import { electronPauseAdapters } from './pause-adapters';
import { createSafeStorageKeychain } from './safe-storage-keychain';
import { electronSaveDialog } from './save-dialog';
import { electronScreen } from './screen';
import { applySecurityRestrictions } from './security';
import { openElectronSettingsStore } from './settings-store';
import { createTray } from './tray';
import { createWindows } from './windows';

/**
 * The real ports: Electron's app, windows, tray, shortcut, power monitor,
 * notifications, safeStorage and dialogs. `mainDir` is where the built main
 * script lives (out/main); the preload and renderer sit beside it.
 */
export const electronPlatform = (mainDir: string): AttunePlatform => ({
  os: process.platform,
  env: process.env,
  home: homedir(),
  execPath: process.execPath,
  app: electronApp,
  registerAppScheme,
  serveRenderer: () => serveRendererFrom(join(mainDir, '../renderer')),
  applySecurity: applySecurityRestrictions,
  screen: electronScreen,
  createWindows: (onAppWindowsChanged) =>
    createWindows(join(mainDir, '../preload/index.cjs'), electronApp.isPackaged(), onAppWindowsChanged, electronScreen),
  registerIpc,
  createTray: (onAction, onClick) => createTray(join(electronApp.appDir(), 'resources'), process.platform, onAction, onClick),
  globalShortcut: electronGlobalShortcut,
  pauseAdapters: electronPauseAdapters,
  electronLoginItem,
  keychain: () => createSafeStorageKeychain(),
  saveDialog: electronSaveDialog,
  folderDialog: electronFolderDialog,
  clipboard: electronClipboard,
  openSettingsStore: openElectronSettingsStore,
  hasTrayHost: () => hasTrayHost(process.platform, runCommand),
  timer: systemTimerClock,
  localClock: systemLocalClock,
  createLogger: (file) => createFileLogger(file),
});
