/**
 * Composition root: wires the platform adapters (the only code that touches
 * Electron) to the domain services. Each step is one call, in the order it
 * must happen; decisions live in the modules, not here.
 */
import { join } from 'node:path';
import { APP_ORIGIN } from '../shared/csp';
import { allowedExternalUrls, crisisData } from '../shared/crisis';
import { CHANNEL_NAMES } from '../shared/ipc/channel-names';
import { contract } from '../shared/ipc/contract';
import { createDispatch } from './ipc/dispatch';
import { createHandlerTable } from './ipc/handler-table';
import { createFileLogger } from './log/logger';
import { registerAppScheme, serveRendererFrom } from './platform/app-protocol';
import { electronApp } from './platform/electron-app';
import { electronGlobalShortcut } from './platform/global-shortcut';
import { registerIpc } from './platform/ipc-main-bridge';
import { devServerOrigin } from './platform/renderer-url';
import { applySecurityRestrictions } from './platform/security';
import { createSafeStorageKeychain } from './platform/safe-storage-keychain';
import { openElectronSettingsStore } from './platform/settings-store';
import { createTray } from './platform/tray';
import { type Windows, createWindows } from './platform/windows';
import { openSettings } from './settings/open-settings';
import { ShortcutManager } from './shortcut/shortcut-manager';
import { type TrayAction, trayMenuModel } from './tray/tray-menu-model';
import { VaultService } from './vault/vault-service';

const here = import.meta.dirname;
let windows: Windows | null = null;

// Custom schemes must be registered before 'ready'.
registerAppScheme();

// One Attune at a time: a second launch opens the check-in in the first one and exits.
if (!electronApp.requestSingleInstance(() => windows?.showPopover('second-instance', null))) {
  electronApp.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const devOrigin = devServerOrigin();
  // Deny navigation, new windows, webviews and permission requests for every web contents.
  applySecurityRestrictions(devOrigin, allowedExternalUrls(crisisData));
  electronApp.setAppUserModelId('org.attune.app');
  electronApp.keepRunningWithoutWindows();
  await electronApp.whenReady();

  const dataDir = electronApp.userDataDir();
  const log = createFileLogger(join(dataDir, 'logs', 'attune.log'));
  serveRendererFrom(join(here, '../renderer'));

  // The settings file is checked (and migrated or set aside) before the store opens.
  const { settings, notice } = openSettings(dataDir, openElectronSettingsStore, log);

  // The encrypted history; its keychain is the OS one (safeStorage), used only when it really protects.
  const vault = new VaultService({
    dir: join(dataDir, 'vault'),
    keychain: createSafeStorageKeychain(),
    onBackgroundError: (error) => log.warn('vault: background compaction will be retried', { error: String(error) }),
  });
  await vault.open().catch((error: unknown) => log.error('vault: could not open at start-up', { error: String(error) }));

  const shown = createWindows(join(here, '../preload/index.cjs'), () => electronApp.setDockVisible(shown.hasOpenAppWindow()));
  windows = shown;
  const shortcut = new ShortcutManager(electronGlobalShortcut, () => shown.showPopover('shortcut', null), log);
  shortcut.start(settings.get().shortcut);
  settings.addApplier((next, previous) => {
    if (next.shortcut !== previous.shortcut) shortcut.change(next.shortcut);
  });

  const onTrayAction = (action: TrayAction): void => {
    const actions: Partial<Record<TrayAction, () => void>> = {
      'check-in': () => shown.showPopover('tray', tray.bounds()),
      history: () => shown.openView('history'),
      settings: () => shown.openView('settings'),
      'fix-shortcut': () => shown.openView('settings'),
      help: () => shown.openView('help'),
      quit: () => electronApp.quit(),
    };
    actions[action]?.();
  };
  const tray = createTray(join(electronApp.appDir(), 'resources'), process.platform, onTrayAction, (bounds) =>
    shown.togglePopoverFromTray(bounds),
  );
  const refreshTray = (): void => {
    const status = shortcut.status();
    tray.setMenu(
      trayMenuModel({
        platform: process.platform,
        activeShortcut: status.active,
        takenShortcut: status.taken,
        features: { pauses: false, history: false, lock: false, help: false },
        nextPauseLabel: null,
        remindersOn: false,
        locked: false,
      }),
    );
  };
  refreshTray();
  settings.onChange((next) => {
    refreshTray();
    shown.send('settings.changed', next);
  });

  const dispatch = createDispatch(
    contract,
    createHandlerTable({
      settings,
      vault,
      ui: { hidePopover: () => shown.hidePopover(), openView: (view) => shown.openView(view) },
      info: () => ({
        name: electronApp.name(),
        version: electronApp.version(),
        platform: process.platform === 'darwin' || process.platform === 'win32' || process.platform === 'linux' ? process.platform : 'other',
        dataDir,
        activeShortcut: shortcut.status().active,
        notice,
      }),
    }),
    log,
  );
  registerIpc(CHANNEL_NAMES, dispatch, shown.known, devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]);
  electronApp.onBeforeQuit(() => {
    void vault.close();
    shortcut.stop();
    tray.destroy();
  });
  // Hooks for the Electron end-to-end test only (tests/e2e/electron-app.spec.ts); absent otherwise.
  if (process.env.ATTUNE_E2E === '1') {
    Object.assign(globalThis, { __attuneE2E: { hasTray: () => true, pressShortcut: () => shown.showPopover('shortcut', null) } });
  }
  log.info('started', { version: electronApp.version() });
}
