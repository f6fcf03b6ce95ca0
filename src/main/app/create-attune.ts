import { join } from 'node:path';

import { appCopy } from '../../shared/copy';
import { allowedExternalUrls, crisisData } from '../../shared/crisis';
import { APP_ORIGIN } from '../../shared/csp';
import { useEnglishNow } from '../../shared/i18n/english-now';
import { useSystemLanguages } from '../../shared/i18n/format-locale';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { contract } from '../../shared/ipc/contract';
import type { OpenReason } from '../../shared/ipc/event-contract';
import { chooseLoginItem } from '../autostart/choose-login-item';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { createHandlerTable } from '../ipc/handler-table';
import { RecoveryClipboard } from '../ipc/recovery-clipboard';
import type { Logger } from '../log/logger';
import { createPauses } from '../pauses/create-pauses';
import type { PauseDriver } from '../pauses/pause-driver';
import { AutoLock } from '../privacy/auto-lock';
import { rendererSource } from '../protocol/renderer-source';
import { openSettings } from '../settings/open-settings';
import type { SettingsService } from '../settings/settings-service';
import { chromiumFeatures } from '../shortcut/chromium-features';
import { ShortcutManager } from '../shortcut/shortcut-manager';
import { machineId } from '../sync/machine-id';
import { SyncDriver } from '../sync/sync-driver';
import { trayMenuModel } from '../tray/tray-menu-model';
import { DeferredDeletes } from '../vault/deferred-deletes';
import { VaultService } from '../vault/vault-service';
import { createCommandLineHandler } from './command-line-wiring';
import { createMainLanguage } from './main-language';
import type { AttunePlatform, TrayPort, Windows } from './platform';
import { createTrayActions, trayStateOf, type VaultState } from './tray-wiring';

/** A running Attune: what the harness and tests reach into; the Electron entry only starts it. */
export interface Attune {
  readonly dataDir: string;
  readonly dispatch: Dispatch;
  readonly windows: Windows;
  readonly tray: TrayPort;
  readonly vault: VaultService;
  readonly settings: SettingsService;
  readonly pauses: PauseDriver;
  readonly log: Logger;
  /** Stops every service (what quitting does); the windows are left to the platform. */
  stop(): Promise<void>;
}

export type StartOutcome = { kind: 'started'; attune: Attune } | { kind: 'second-instance' } | { kind: 'failed'; error: unknown };

/**
 * The composition root: every service, the handler table, the tray, the lock
 * and the pause driver, built from the platform's ports in the order start-up
 * needs. The Electron app and the browser harness both call this, so the
 * harness walks the start-up a person gets. Decisions live in the modules;
 * this function only sequences them.
 */
export const createAttune = async (platform: AttunePlatform): Promise<StartOutcome> => {
  // English at once, before anything could speak; the chosen language follows once the settings are read.
  useEnglishNow();
  // One Attune at a time: a second launch hands its arguments (`attune --check-in`) to the first one and exits.
  // Launches that arrive while this one is still starting wait until it can act on them.
  const handedOver: (readonly string[])[] = [];
  let onSecondInstance: (args: readonly string[]) => void = (args) => void handedOver.push(args);
  if (!platform.app.requestSingleInstance((args = []) => onSecondInstance(args))) {
    platform.app.quit();
    return { kind: 'second-instance' };
  }
  // Custom schemes must be registered before 'ready'.
  platform.registerAppScheme();
  // Wayland: the check-in shortcut goes through the desktop portal (also before 'ready').
  platform.app.enableChromiumFeatures(chromiumFeatures(platform.os, platform.env));
  try {
    const attune = await start(platform, (handle) => {
      onSecondInstance = (args) => handle(args, 'second-instance');
      for (const args of handedOver.splice(0)) handle(args, 'second-instance');
    });
    return { kind: 'started', attune };
  } catch (error) {
    platform.app.fatal(appCopy.cannotStart.fatal, error);
    return { kind: 'failed', error };
  }
};

const start = async (
  platform: AttunePlatform,
  commandLineReady: (handle: ReturnType<typeof createCommandLineHandler>) => void,
): Promise<Attune> => {
  const { app } = platform;
  // The dev server (npm run dev) is trusted beside app:// only when not packaged, whatever the environment says.
  const devOrigin = rendererSource(platform.env, app.isPackaged()).devOrigin;
  platform.applySecurity(devOrigin, allowedExternalUrls(crisisData));
  app.setAppUserModelId('org.attune.app');
  app.keepRunningWithoutWindows();
  await app.whenReady();

  const dataDir = app.userDataDir();
  const log = platform.createLogger(join(dataDir, 'logs', 'attune.log'));
  platform.serveRenderer();

  // The settings file is checked (and migrated or set aside) before the store opens.
  const { settings, notice, firstRun } = openSettings(dataDir, (dir) => platform.openSettingsStore(dir), log);
  // Main speaks the chosen language (or the system's) from here on: the tray, notifications and dialogs read it when shown.
  useSystemLanguages(platform.app.preferredLanguages());
  const language = createMainLanguage({ preferred: () => platform.app.preferredLanguages(), log });
  await language.apply(settings.get().appearance.language);

  // The encrypted history; its keychain is the OS one, used only when it really protects.
  const vault = new VaultService({
    dir: join(dataDir, 'vault'),
    keychain: platform.keychain(),
    ...(platform.vaultFs ? { fs: platform.vaultFs } : {}),
    ...(platform.vaultClock ? { clock: platform.vaultClock } : {}),
    // Compaction, or writing the history mark: the data is safe either way, and each is tried again later.
    onBackgroundError: (error) => log.warn('vault: background work failed; it is tried again later', { error: String(error) }),
  });
  const opened = await vault.open().catch((error: unknown) => {
    log.error('vault: could not open at start-up', { error: String(error) });
    return null;
  });
  const deferredDeletes = new DeferredDeletes(join(dataDir, 'pending-deletes.json'), log);
  // Sync through a folder the person already syncs: runs only while the history is unlocked and a folder is linked.
  // This machine's id is read once (on macOS and Windows it is a child process).
  let thisMachine: Promise<string | undefined> | undefined;
  // Windows are made below; a pass at a keychain unlock before then has no window to tell.
  let historyChanged = (): void => undefined;
  const sync = new SyncDriver({
    vault,
    vaultDir: join(dataDir, 'vault'),
    timer: platform.timer,
    log,
    machineId: () => (thisMachine ??= machineId(platform.os)),
    onHistoryChanged: () => historyChanged(),
  });
  // With the OS keychain, logging in to the computer is the unlock.
  if (opened?.state === 'locked' && opened.methods.keychain && opened.keychainAvailable) {
    await vault
      .unlock({ method: 'keychain' })
      .then(() => sync.vaultStateChanged('unlocked'))
      .then(() => deferredDeletes.carryOut((id) => sync.delete(id)))
      .catch((error: unknown) => log.warn('vault: keychain unlock did not work', { error: String(error) }));
  }

  app.setMinimalMenu();
  const shown = platform.createWindows(() => app.setDockVisible(shown.hasOpenAppWindow()));
  historyChanged = () => shown.send('history.changed', {});
  // IPC is registered as soon as the windows exist (the popover starts loading at once); calls that
  // arrive before the services below are wired wait for them rather than finding no handler.
  let resolveDispatch: (dispatch: Dispatch) => void = () => undefined;
  const dispatchReady = new Promise<Dispatch>((resolve) => (resolveDispatch = resolve));
  const dispatch: Dispatch = async (channel, payload, context) => (await dispatchReady)(channel, payload, context);
  platform.registerIpc(CHANNEL_NAMES, dispatch, shown.known, devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]);

  const openPopover = (reason: OpenReason) => shown.showPopover(reason, null);
  const shortcut = new ShortcutManager(platform.globalShortcut, () => openPopover('shortcut'), log);
  shortcut.start(settings.get().shortcut);
  settings.addApplier((next, previous) => {
    if (next.shortcut !== previous.shortcut) shortcut.change(next.shortcut);
  });
  // Start at login: off until chosen; an XDG autostart file on Linux, Electron's login item elsewhere.
  const loginItem = chooseLoginItem({
    platform: platform.os,
    env: platform.env,
    home: platform.home,
    execPath: platform.execPath,
    isPackaged: app.isPackaged(),
    appPath: app.appDir(),
    electron: platform.electronLoginItem,
  });
  settings.addApplier((next, previous) => {
    if (loginItem && next.system.startAtLogin !== previous.system.startAtLogin) loginItem.set(next.system.startAtLogin);
  });

  const adapters = platform.pauseAdapters(() => settings.get().appearance.discreet);
  // Scheduled pauses: one driver, one timer; its memory lives in its own small file.
  const pauses = createPauses({
    settings,
    dataDir,
    ...adapters,
    timer: platform.timer,
    localClock: platform.localClock,
    log,
    onStartPause: () => shown.openPause(),
    onChanged: () => void refreshTray(),
  });

  /** Every window and the tray follow the history's state (locked windows show only unlock and help). */
  const vaultStateChanged = (state: VaultState): void => {
    shown.send('vault.changed', { state });
    void sync.vaultStateChanged(state).catch((error: unknown) => log.warn('sync: could not follow the vault', { error: String(error) }));
    if (state === 'unlocked') autoLock.unlocked();
    void refreshTray();
  };
  const lock = async () => vaultStateChanged((await vault.lock()).state);
  const autoLock = new AutoLock(
    {
      timer: platform.timer,
      power: adapters.power,
      idleSeconds: () => adapters.attention.idleSeconds(),
      isUnlocked: async () => (await vault.status()).state === 'unlocked',
      lock,
    },
    settings.get().privacy,
  );
  settings.onChange((next) => autoLock.update(next.privacy));

  const trayActions = createTrayActions({
    windows: shown,
    trayBounds: () => tray.bounds(),
    pauses,
    settings,
    lock,
    quit: () => app.quit(),
    log,
  });
  const tray = platform.createTray(
    (action) => trayActions[action](),
    (bounds) => shown.togglePopoverFromTray(bounds),
  );
  /** The tray menu is rebuilt from state on every change (never polled). */
  async function refreshTray(): Promise<void> {
    const vaultState = (await vault.status().catch(() => null))?.state ?? 'locked';
    const now = platform.timer.now();
    tray.setMenu(
      trayMenuModel(trayStateOf({ platform: platform.os, shortcut: shortcut.status(), pauses, settings: settings.get(), vaultState, now })),
    );
  }
  void refreshTray();
  tray.setDiscreet(settings.get().appearance.discreet);
  // Zoom is main's to apply (Ctrl+=/-/0 in any window saves it): every window shows the same size.
  shown.setZoom(settings.get().appearance.zoomPercent);
  settings.addApplier((next, previous) => {
    if (next.appearance.zoomPercent !== previous.appearance.zoomPercent) shown.setZoom(next.appearance.zoomPercent);
  });
  settings.onChange((next) => {
    tray.setDiscreet(next.appearance.discreet);
    void refreshTray();
    shown.send('settings.changed', next);
    // The next tray menu and notification speak a newly chosen language; windows switch on the settings event.
    void language.apply(next.appearance.language).then(async (changed) => {
      if (changed) await refreshTray();
    });
  });
  await pauses.start();

  let trayAvailable: boolean | null = null;
  // A recovery key copied at set-up leaves the clipboard a minute later, or when Attune quits first.
  const recoveryClipboard = new RecoveryClipboard(platform.clipboard, platform.timer);
  resolveDispatch(
    createDispatch(
      contract,
      createHandlerTable({
        settings,
        vault,
        pauses,
        dialog: platform.saveDialog,
        clipboard: recoveryClipboard,
        deferredDeletes,
        sync,
        folderDialog: platform.folderDialog,
        onVaultStateChanged: vaultStateChanged,
        onHistoryChanged: () => historyChanged(),
        ...(platform.now ? { now: platform.now } : {}),
        ui: {
          hidePopover: () => shown.hidePopover(),
          openView: (view) => shown.openView(view),
          viewAsked: () => shown.viewAsked(),
          closeWindow: (kind) => shown.closeWindow(kind),
        },
        info: async () => ({
          name: app.name(),
          version: app.version(),
          platform: platform.os === 'darwin' || platform.os === 'win32' || platform.os === 'linux' ? platform.os : 'other',
          dataDir,
          activeShortcut: shortcut.status().active,
          trayAvailable,
          // Asked each time: a desktop can start answering (or stop) while Attune runs.
          idleTime: (await adapters.attention.idleSeconds()) === null ? 'unknown' : 'known',
          notice,
        }),
      }),
      log,
    ),
  );
  // First run: a short, skippable welcome in the app window. Nothing is switched on behind the person's back.
  // Where the desktop shows no tray icons, the app window opens at every start instead, and says why.
  trayAvailable = await platform.hasTrayHost();
  if (firstRun && opened?.state === 'not-set-up') shown.openView('welcome');
  else if (trayAvailable === false) shown.openView('history');
  // `attune --check-in` and the other command-line actions, at this start and from later launches.
  const commandLine = createCommandLineHandler({ windows: shown, pauses, lock, log });
  commandLine(app.launchArgs(), 'first-start');
  commandLineReady(commandLine);

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      autoLock.stop();
      shortcut.stop();
      tray.destroy();
      await Promise.allSettled([pauses.stop(), sync.stop().then(() => vault.close()), recoveryClipboard.clearNow()]);
    })());
  app.onBeforeQuit(() => void stop());
  log.info('started', { version: app.version() });
  return { dataDir, dispatch, windows: shown, tray, vault, settings, pauses, log, stop };
};
