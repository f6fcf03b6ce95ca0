import type { ViewId } from '../../shared/ipc/app-contract';
import type { EventName, EventPayload, OpenReason } from '../../shared/ipc/event-contract';
import type { LoginItemPort } from '../autostart/login-item';
import type { FsPort } from '../fs/fs-port';
import type { WindowKind } from '../ipc/call-context';
import type { FolderDialogPort } from '../ipc/devices-handlers';
import type { Dispatch } from '../ipc/dispatch';
import type { SaveDialogPort } from '../ipc/export-handlers';
import type { ClipboardPort } from '../ipc/recovery-clipboard';
import type { Logger } from '../log/logger';
import type { Notifier } from '../notify/notifier';
import type { LocalClock } from '../pauses/local-clock';
import type { AttentionState, PowerEvents, TimerClock } from '../pauses/ports';
import type { ScreenDisplay } from '../popover/pointer-display';
import type { Point, Rect } from '../popover/popover-position';
import type { SettingsStore } from '../settings/settings-service';
import type { GlobalShortcutPort } from '../shortcut/shortcut-manager';
import type { TrayAction, TrayMenuItem } from '../tray/tray-menu-model';
import type { Keychain } from '../vault/keychain';
import type { VaultClock } from '../vault/vault-clock';

/**
 * Everything Attune needs from the world outside its own code, as small ports.
 * The Electron app passes real adapters (src/main/platform/electron-platform.ts);
 * the browser harness and the unit tests pass stand-ins. `createAttune` is the
 * one place that wires them to the domain, so all three run the same start-up.
 */

/** Attune's three kinds of window, whatever shows them (BrowserWindows, or pages in the harness). */
export interface Windows {
  /** Which senders may call IPC, and as which window (webContents id → kind). */
  readonly known: ReadonlyMap<number, WindowKind>;
  showPopover(reason: OpenReason, trayBounds: Rect | null): void;
  /** A click on the tray icon: opens the popover beside it, or closes it when it is open. */
  togglePopoverFromTray(trayBounds: Rect | null): void;
  hidePopover(): void;
  openView(view: ViewId): void;
  /**
   * The section last asked of the app window while it was open, after the one it opened with (null
   * once it closes): a window still loading missed that `view.show` and asks for it.
   */
  viewAsked(): ViewId | null;
  /** The pause window: one at a time, focused (it is only opened when the person chose to start). */
  openPause(): void;
  closeWindow(kind: WindowKind): void;
  send<E extends EventName>(event: E, payload: EventPayload<E>): void;
  hasOpenAppWindow(): boolean;
  /** Page zoom in percent (settings.appearance.zoomPercent) for every window open now and every one opened later. */
  setZoom(percent: number): void;
}

/** The displays and the pointer, read when a window opens (after ready). */
export interface ScreenPort {
  /** Where the pointer is in desktop coordinates; null where the system does not say. */
  pointer(): Point | null;
  displays(): readonly ScreenDisplay[];
}

export interface TrayPort {
  setMenu(items: TrayMenuItem[]): void;
  setDiscreet(discreet: boolean): void;
  bounds(): Rect | null;
  destroy(): void;
}

export interface AppPort {
  name(): string;
  version(): string;
  isPackaged(): boolean;
  /** Where the app's own files are (resources/ lives below it). */
  appDir(): string;
  userDataDir(): string;
  /**
   * Returns false when another Attune already runs; that one is told through `onSecondInstance`,
   * with the second launch's arguments (after the executable), e.g. ['--check-in']; none given is none.
   */
  requestSingleInstance(onSecondInstance: (args?: readonly string[]) => void): boolean;
  /** This launch's arguments after the executable (and the app path in development). */
  launchArgs(): readonly string[];
  /** The system's preferred languages, most preferred first (BCP 47 tags): what "the system's language" follows. */
  preferredLanguages(): readonly string[];
  /** Turns Chromium features on (`--enable-features`); only before ready. */
  enableChromiumFeatures(features: readonly string[]): void;
  whenReady(): Promise<void>;
  quit(): void;
  onBeforeQuit(listener: () => void): void;
  /** A tray app keeps running with no windows open. */
  keepRunningWithoutWindows(): void;
  setDockVisible(visible: boolean): void;
  /** No default menu (it carries Reload and DevTools). */
  setMinimalMenu(): void;
  setAppUserModelId(id: string): void;
  /** Start-up did not finish: one calm dialog with this message (never a stack trace), then exit. */
  fatal(message: string, error: unknown): void;
}

export interface AttunePlatform {
  /** process.platform of the machine (the harness may pretend to be another). */
  os: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  execPath: string;
  app: AppPort;
  /** Registers the app:// scheme; must run before the app is ready. */
  registerAppScheme(): void;
  /** Serves the built renderer (app:// in the app); called once the app is ready. */
  serveRenderer(): void;
  /** Deny navigation, new windows, webviews and permissions for every web contents. */
  applySecurity(devOrigin: string | null, allowedExternalUrls: ReadonlySet<string>): void;
  /** The windows open on the display the person is on (see src/main/popover/pointer-display.ts). */
  screen: ScreenPort;
  createWindows(onAppWindowsChanged: () => void): Windows;
  /** Registers every channel; the sender is identified against `known` and `origins` before `dispatch` runs. */
  registerIpc(channels: readonly string[], dispatch: Dispatch, known: ReadonlyMap<number, WindowKind>, origins: readonly string[]): void;
  createTray(onAction: (action: TrayAction) => void, onClick: (bounds: Rect | null) => void): TrayPort;
  globalShortcut: GlobalShortcutPort;
  /** Sleep, lock and idle events, what the system can tell about attention, and the pause notifier. Called after ready. */
  pauseAdapters(isDiscreet: () => boolean): { power: PowerEvents; attention: AttentionState; notifier: Notifier };
  /** Electron's login item (macOS, Windows); Linux uses an XDG autostart file instead. */
  electronLoginItem: LoginItemPort;
  /** The OS keychain; called after ready. */
  keychain(): Keychain;
  saveDialog: SaveDialogPort;
  /** The system's folder picker, for the sync folder (Settings › Devices). */
  folderDialog: FolderDialogPort;
  /** Only for the recovery key shown at set-up (main clears it again after a minute). */
  clipboard: ClipboardPort;
  openSettingsStore(dir: string): SettingsStore;
  /** Does this desktop show tray icons? null when it cannot be told. */
  hasTrayHost(): Promise<boolean | null>;
  timer: TimerClock;
  localClock: LocalClock;
  vaultClock?: VaultClock;
  /** The clock handlers decide with (follow-up timing, recency). */
  now?: () => number;
  vaultFs?: FsPort;
  createLogger(file: string): Logger;
}
