/**
 * Composition root: wires the platform adapters (the only code that touches
 * Electron) to the domain services. Each step is one call, in the order it
 * must happen; decisions live in the modules, not here.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { appCopy } from '../shared/copy';
import { APP_ORIGIN } from '../shared/csp';
import { allowedExternalUrls, crisisData } from '../shared/crisis';
import { CHANNEL_NAMES } from '../shared/ipc/channel-names';
import { contract } from '../shared/ipc/contract';
import { chooseLoginItem } from './autostart/choose-login-item';
import { type Dispatch, createDispatch } from './ipc/dispatch';
import { createHandlerTable } from './ipc/handler-table';
import { createFileLogger } from './log/logger';
import { registerAppScheme, serveRendererFrom } from './platform/app-protocol';
import { electronApp } from './platform/electron-app';
import { electronGlobalShortcut } from './platform/global-shortcut';
import { registerIpc } from './platform/ipc-main-bridge';
import { electronLoginItem } from './platform/login-item';
import { electronPauseAdapters } from './platform/pause-adapters';
import { electronSaveDialog } from './platform/save-dialog';
import { devServerOrigin } from './platform/renderer-url';
import { applySecurityRestrictions } from './platform/security';
import { createSafeStorageKeychain } from './platform/safe-storage-keychain';
import { openElectronSettingsStore } from './platform/settings-store';
import { createTray } from './platform/tray';
import { type Windows, createWindows } from './platform/windows';
import { systemClock } from './pauses/local-clock';
import { createPauses } from './pauses/create-pauses';
import { systemTimerClock } from './pauses/ports';
import { AutoLock } from './privacy/auto-lock';
import { openSettings } from './settings/open-settings';
import { ShortcutManager } from './shortcut/shortcut-manager';
import { runCommand } from './pauses/linux-attention';
import { nextPauseLabel } from './tray/next-pause-label';
import { hasTrayHost } from './tray/tray-host';
import { type TrayAction, trayMenuModel } from './tray/tray-menu-model';
import { VaultService } from './vault/vault-service';

const here = import.meta.dirname;
let windows: Windows | null = null;

// A stray error after start-up is logged (locally), never shown as Electron's stack-trace dialog.
const logStray = (kind: string) => (error: unknown) =>
  process.stderr.write(`attune: ${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
process.on('uncaughtException', logStray('uncaught exception'));
process.on('unhandledRejection', logStray('unhandled rejection'));

// Custom schemes must be registered before 'ready'.
registerAppScheme();

// One Attune at a time: a second launch opens the check-in in the first one and exits.
if (!electronApp.requestSingleInstance(() => windows?.showPopover('second-instance', null))) {
  electronApp.quit();
} else {
  start().catch((error: unknown) => electronApp.fatal(appCopy.cannotStart.fatal, error));
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
  const { settings, notice, firstRun } = openSettings(dataDir, openElectronSettingsStore, log);

  // The encrypted history; its keychain is the OS one (safeStorage), used only when it really protects.
  const vault = new VaultService({
    dir: join(dataDir, 'vault'),
    keychain: createSafeStorageKeychain(),
    onBackgroundError: (error) => log.warn('vault: background compaction will be retried', { error: String(error) }),
  });
  const opened = await vault.open().catch((error: unknown) => {
    log.error('vault: could not open at start-up', { error: String(error) });
    return null;
  });
  // With the OS keychain, logging in to the computer is the unlock.
  if (opened?.state === 'locked' && opened.methods.keychain && opened.keychainAvailable) {
    await vault.unlock({ method: 'keychain' }).catch((error: unknown) => log.warn('vault: keychain unlock did not work', { error: String(error) }));
  }

  // No default menu (it carries Reload and DevTools); macOS keeps Edit so copy and paste work.
  electronApp.setMinimalMenu();
  const shown = createWindows(join(here, '../preload/index.cjs'), electronApp.isPackaged(), () => electronApp.setDockVisible(shown.hasOpenAppWindow()));
  windows = shown;
  // IPC is registered as soon as the windows exist (the popover starts loading at once); calls that
  // arrive before the services below are wired wait for them rather than finding no handler.
  let resolveDispatch: (dispatch: Dispatch) => void = () => undefined;
  const dispatchReady = new Promise<Dispatch>((resolve) => (resolveDispatch = resolve));
  registerIpc(CHANNEL_NAMES, async (channel, payload, context) => (await dispatchReady)(channel, payload, context), shown.known, devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]);
  let trayAvailable: boolean | null = null;
  const shortcut = new ShortcutManager(electronGlobalShortcut, () => shown.showPopover('shortcut', null), log);
  shortcut.start(settings.get().shortcut);
  settings.addApplier((next, previous) => {
    if (next.shortcut !== previous.shortcut) shortcut.change(next.shortcut);
  });
  // Start at login: off until chosen; an XDG autostart file on Linux, Electron's login item elsewhere.
  const loginItem = chooseLoginItem({
    platform: process.platform,
    env: process.env,
    home: homedir(),
    execPath: process.execPath,
    isPackaged: electronApp.isPackaged(),
    appPath: electronApp.appDir(),
    electron: electronLoginItem,
  });
  settings.addApplier((next, previous) => {
    if (loginItem && next.system.startAtLogin !== previous.system.startAtLogin) loginItem.set(next.system.startAtLogin);
  });

  const adapters = electronPauseAdapters(() => settings.get().appearance.discreet);
  // Scheduled pauses: one driver, one timer; its memory lives in its own small file.
  const pauses = createPauses({
    settings,
    dataDir,
    ...adapters,
    timer: systemTimerClock,
    localClock: systemClock,
    log,
    onStartPause: () => shown.openPause(),
    onChanged: () => void refreshTray(),
  });

  /** Every window and the tray follow the history's state (locked windows show only unlock and help). */
  const vaultStateChanged = (state: 'not-set-up' | 'locked' | 'unlocked'): void => {
    shown.send('vault.changed', { state });
    if (state === 'unlocked') autoLock.unlocked();
    void refreshTray();
  };
  const autoLock = new AutoLock(
    {
      timer: systemTimerClock,
      power: adapters.power,
      idleSeconds: () => adapters.attention.idleSeconds(),
      isUnlocked: async () => (await vault.status()).state === 'unlocked',
      lock: async () => vaultStateChanged((await vault.lock()).state),
    },
    settings.get().privacy,
  );
  settings.onChange((next) => autoLock.update(next.privacy));

  const trayActions: Record<TrayAction, () => void> = {
    'check-in': () => shown.showPopover('tray', tray.bounds()),
    'pause-now': () => void pauses.startNow(),
    'start-pending-pause': () => void pauses.respond('start'),
    'reminders-1h': () => void pauses.command('for-1-hour'),
    'reminders-tomorrow': () => void pauses.command('until-tomorrow'),
    'reminders-off': () => void pauses.command('off'),
    // Turning reminders on from the tray also turns on scheduled pauses if they were never enabled.
    'reminders-on': () =>
      void (settings.get().pauses.enabled ? pauses.command('on') : settings.set({ pauses: { ...settings.get().pauses, enabled: true } })).catch(
        (error: unknown) => log.warn('tray: could not turn reminders on', { error: String(error) }),
      ),
    history: () => shown.openView('history'),
    settings: () => shown.openView('settings'),
    'fix-shortcut': () => shown.openView('settings'),
    help: () => shown.openView('help'),
    lock: () => void vault.lock().then((status) => vaultStateChanged(status.state)),
    quit: () => electronApp.quit(),
  };
  const tray = createTray(join(electronApp.appDir(), 'resources'), process.platform, (action) => trayActions[action](), (bounds) =>
    shown.togglePopoverFromTray(bounds),
  );
  /** The tray menu is rebuilt from state on every change (never polled). */
  async function refreshTray(): Promise<void> {
    const status = shortcut.status();
    const view = pauses.view();
    const vaultState = (await vault.status().catch(() => null))?.state ?? 'locked';
    tray.setMenu(
      trayMenuModel({
        platform: process.platform,
        activeShortcut: status.active,
        takenShortcut: status.taken,
        features: { pauses: true, history: true, lock: vaultState === 'unlocked', help: true },
        nextPauseLabel: nextPauseLabel(view, Date.now(), undefined),
        remindersOn: settings.get().pauses.enabled && !view.remindersOff,
        pendingPause: view.pending?.delivered === false,
        locked: vaultState === 'locked',
      }),
    );
  }
  void refreshTray();
  tray.setDiscreet(settings.get().appearance.discreet);
  settings.onChange((next) => {
    tray.setDiscreet(next.appearance.discreet);
    void refreshTray();
    shown.send('settings.changed', next);
  });
  await pauses.start();
  // First run: a short, skippable welcome in the app window. Nothing is switched on behind the person's back.
  // Where the desktop shows no tray icons, the app window opens at every start instead, and says why.
  const dispatch = createDispatch(
    contract,
    createHandlerTable({
      settings,
      vault,
      pauses,
      dialog: electronSaveDialog,
      onVaultStateChanged: vaultStateChanged,
      ui: {
        hidePopover: () => shown.hidePopover(),
        openView: (view) => shown.openView(view),
        closeWindow: (kind) => shown.closeWindow(kind),
      },
      info: () => ({
        name: electronApp.name(),
        version: electronApp.version(),
        platform: process.platform === 'darwin' || process.platform === 'win32' || process.platform === 'linux' ? process.platform : 'other',
        dataDir,
        activeShortcut: shortcut.status().active,
        trayAvailable,
        notice,
      }),
    }),
    log,
  );
  resolveDispatch(dispatch);
  trayAvailable = await hasTrayHost(process.platform, runCommand);
  if (firstRun && opened?.state === 'not-set-up') shown.openView('welcome');
  else if (trayAvailable === false) shown.openView('history');
  electronApp.onBeforeQuit(() => {
    void pauses.stop();
    autoLock.stop();
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
