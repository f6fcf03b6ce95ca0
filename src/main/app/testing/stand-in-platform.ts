import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { LoginItemPort } from '../../autostart/login-item';
import { type FsPort, nodeFs } from '../../fs/fs-port';
import type { WindowKind } from '../../ipc/call-context';
import type { Dispatch } from '../../ipc/dispatch';
import { createFileLogger } from '../../log/logger';
import type { Notifier } from '../../notify/notifier';
import { systemLocalClock } from '../../pauses/local-clock';
import { FakeAttention, FakeNotifier, FakePowerEvents } from '../../pauses/testing/fakes';
import { openConfSettingsStore } from '../../settings/settings-store-options';
import type { GlobalShortcutPort } from '../../shortcut/shortcut-manager';
import { noKeychain } from '../../vault/keychain';
import type { AttunePlatform } from '../platform';
import { MovableClock } from './movable-clock';
import { StandInScreen } from './stand-in-screen';
import { StandInTray } from './stand-in-tray';
import { StandInWindows } from './stand-in-windows';

/** The global shortcut without a desktop: a test presses it, or says another app holds one. */
export class StandInShortcut implements GlobalShortcutPort {
  readonly registered = new Map<string, () => void>();
  /** Accelerators another app holds: registering them fails, as it would. */
  readonly taken = new Set<string>();

  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }

  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }

  /** The person presses the check-in shortcut: false when none is registered. */
  press(): boolean {
    const [callback] = this.registered.values();
    callback?.();
    return callback !== undefined;
  }
}

export interface StandInOptions {
  dataDir: string;
  /** The platform to decide for (default linux, where the harness runs). */
  os?: NodeJS.Platform;
  /** What the tray-host probe answers (default: a tray exists). */
  trayAvailable?: boolean | null;
  /** False: another Attune already runs, so this one hands over and quits. */
  primaryInstance?: boolean;
  /** Where pause notifications go; default: recorded for the test to answer. */
  notifier?: Notifier;
  clock?: MovableClock;
  /** The process environment Attune sees (default: empty). */
  env?: Record<string, string>;
  /** Whether Attune runs as a packaged app (default: not, as in development). */
  packaged?: boolean;
  /** This launch's arguments, e.g. ['--check-in'] (default: none). */
  args?: readonly string[];
  /** The system's preferred languages (default: US English). */
  preferredLanguages?: readonly string[];
}

/** What a stand-in platform lets a test see and do, beside the ports it hands to createAttune. */
export interface StandIns {
  /** Start-up steps in the order they happened, to check the order createAttune keeps. */
  readonly startup: string[];
  /** Messages shown in the calm start-up failure dialog. */
  readonly fatalDialogs: string[];
  quits: number;
  readonly clock: MovableClock;
  readonly power: FakePowerEvents;
  readonly attention: FakeAttention;
  readonly notifier: Notifier;
  readonly shortcut: StandInShortcut;
  /** Chromium features Attune turned on before ready (e.g. the Wayland global-shortcuts portal). */
  readonly chromiumFeatures: string[];
  /** The displays and where the pointer is; windows open on the display under it. */
  readonly screen: StandInScreen;
  readonly loginItem: LoginItemPort & { enabled: boolean };
  windows(): StandInWindows;
  tray(): StandInTray;
  ipc(): { dispatch: Dispatch; known: ReadonlyMap<number, WindowKind>; origins: readonly string[] };
  /** A second launch of Attune (e.g. from the app menu, or `attune --check-in`) while this one runs. */
  secondInstance(args?: readonly string[]): void;
  /** The next write the vault makes fails with ENOSPC (a full disk), once — a fault at the fs boundary. */
  failNextVaultWrite(): void;
  /** What the save dialog answers next: a path, or null for "cancelled"; unset, it saves into <dataDir>/exports/. */
  nextSavePath: string | null | undefined;
  /** The folder the next folder dialog answers (once); it is cancelled when unset. */
  nextFolder: string | undefined;
  /** The clipboard: what it holds now, and every text written to it in order ('' for a clear). */
  readonly clipboard: { text: string; readonly writes: string[] };
  quitListeners: (() => void)[];
  /** Runs `work` with the vault's clock set to a past instant (seeding a made-up history). */
  atVaultTime<T>(time: { at: number; offsetMinutes: number }, work: () => Promise<T>): Promise<T>;
}

/**
 * Stand-ins for every Electron port, real wherever this machine allows: the
 * real file system under `dataDir`, conf for settings (electron-store's engine),
 * the real logger, the XDG autostart file under a home inside `dataDir`.
 * Only what needs a desktop (windows, tray, shortcut, power events, the
 * keychain) is stood in for, and each can be driven by the test.
 */
export const standInPlatform = (options: StandInOptions): AttunePlatform & { standIns: StandIns } => {
  const clock = options.clock ?? new MovableClock();
  let windows: StandInWindows | null = null;
  let tray: StandInTray | null = null;
  let ipc: ReturnType<StandIns['ipc']> | null = null;
  let onSecondInstance: (args?: readonly string[]) => void = () => undefined;
  let failNextWrite = false;
  let writingAt: { at: number; offsetMinutes: number } | undefined;
  const faultIfAsked = (): void => {
    if (!failNextWrite) return;
    failNextWrite = false;
    throw Object.assign(new Error('ENOSPC: no space left on device (stand-in fault)'), { code: 'ENOSPC' });
  };
  const vaultFs: FsPort = {
    ...nodeFs,
    write: async (...args) => {
      faultIfAsked();
      return nodeFs.write(...args);
    },
    writeSync: (...args) => {
      faultIfAsked();
      return nodeFs.writeSync(...args);
    },
  };
  const startup: string[] = [];
  const step = (name: string) => startup.push(name);
  const loginItem = {
    enabled: false,
    set(enabled: boolean) {
      this.enabled = enabled;
    },
    get() {
      return this.enabled;
    },
  };
  const standIns: StandIns = {
    startup,
    fatalDialogs: [],
    quits: 0,
    clock,
    power: new FakePowerEvents(),
    attention: new FakeAttention(() => clock.now()),
    notifier: options.notifier ?? new FakeNotifier(() => clock.now()),
    shortcut: new StandInShortcut(),
    screen: new StandInScreen(),
    chromiumFeatures: [],
    loginItem,
    windows: () => required(windows, 'windows'),
    tray: () => required(tray, 'tray'),
    ipc: () => required(ipc, 'IPC'),
    secondInstance: (args = []) => onSecondInstance(args),
    failNextVaultWrite: () => {
      failNextWrite = true;
    },
    nextSavePath: undefined,
    nextFolder: undefined,
    clipboard: { text: '', writes: [] },
    quitListeners: [],
    atVaultTime: async (time, work) => {
      writingAt = time;
      try {
        return await work();
      } finally {
        writingAt = undefined;
      }
    },
  };
  const platform: AttunePlatform & { standIns: StandIns } = {
    standIns,
    os: options.os ?? 'linux',
    env: options.env ?? {},
    home: join(options.dataDir, 'home'),
    execPath: '/opt/Attune/attune',
    app: {
      name: () => 'Attune',
      version: () => '0.0.0-stand-in',
      isPackaged: () => options.packaged ?? false,
      appDir: () => '/opt/Attune/resources/app.asar',
      userDataDir: () => options.dataDir,
      requestSingleInstance: (listener) => {
        step('single-instance');
        onSecondInstance = listener;
        return options.primaryInstance ?? true;
      },
      launchArgs: () => options.args ?? [],
      preferredLanguages: () => options.preferredLanguages ?? ['en-US'],
      enableChromiumFeatures: (features) => void standIns.chromiumFeatures.push(...features),
      whenReady: async () => void step('ready'),
      quit: () => {
        standIns.quits += 1;
        for (const listener of standIns.quitListeners) listener();
      },
      onBeforeQuit: (listener) => void standIns.quitListeners.push(listener),
      keepRunningWithoutWindows: () => undefined,
      setDockVisible: () => undefined,
      setMinimalMenu: () => undefined,
      setAppUserModelId: () => undefined,
      fatal: (message) => void standIns.fatalDialogs.push(message),
    },
    registerAppScheme: () => void step('app-scheme'),
    serveRenderer: () => void step('serve-renderer'),
    applySecurity: () => void step('security'),
    screen: standIns.screen,
    createWindows: (onAppWindowsChanged) => {
      step('windows');
      windows = new StandInWindows(onAppWindowsChanged, standIns.screen);
      return windows;
    },
    registerIpc: (_channels, dispatch, known, origins) => {
      step('ipc');
      ipc = { dispatch, known, origins };
    },
    createTray: (onAction, onClick) => {
      step('tray');
      tray = new StandInTray(onAction, onClick);
      return tray;
    },
    globalShortcut: standIns.shortcut,
    pauseAdapters: () => ({ power: standIns.power, attention: standIns.attention, notifier: standIns.notifier }),
    electronLoginItem: loginItem,
    keychain: () => noKeychain,
    saveDialog: {
      chooseSavePath: async (name) => {
        const chosen = standIns.nextSavePath;
        standIns.nextSavePath = undefined;
        if (chosen !== undefined) return chosen;
        mkdirSync(join(options.dataDir, 'exports'), { recursive: true });
        return join(options.dataDir, 'exports', name);
      },
    },
    folderDialog: {
      chooseFolder: async () => {
        const chosen = standIns.nextFolder;
        standIns.nextFolder = undefined;
        return chosen ?? null;
      },
    },
    clipboard: {
      writeText: async (text) => {
        standIns.clipboard.text = text;
        standIns.clipboard.writes.push(text);
      },
      readText: async () => standIns.clipboard.text,
      clear: () => {
        standIns.clipboard.text = '';
        standIns.clipboard.writes.push('');
      },
    },
    openSettingsStore: openConfSettingsStore,
    hasTrayHost: async () => (options.trayAvailable === undefined ? true : options.trayAvailable),
    timer: clock,
    localClock: systemLocalClock,
    vaultClock: {
      now: () => writingAt?.at ?? clock.now(),
      offsetMinutes: (at) => writingAt?.offsetMinutes ?? clock.vaultClock().offsetMinutes(at),
    },
    now: () => clock.now(),
    vaultFs,
    createLogger: (file) => createFileLogger(file),
  };
  return platform;
};

const required = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`the ${what} stand-in is not created yet (createAttune has not got that far)`);
  return value;
};
