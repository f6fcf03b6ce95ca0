import type { BrowserContext } from '@playwright/test';

import { STAND_IN_WINDOW_SIZES } from '../../../src/main/app/testing/stand-in-windows';
import type { WindowKind } from '../../../src/main/ipc/call-context';
import type { PauseResponse } from '../../../src/main/notify/notifier';
import type { PowerEventName } from '../../../src/main/pauses/ports';
import type { TrayAction } from '../../../src/main/tray/tray-menu-model';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { Settings } from '../../../src/shared/settings-schema';
import { startHarness } from '../../harness/harness-server';
import { type Desktop, openDesktop } from '../desktop';

/**
 * Attune as a journey sees it: its windows (as pages) and what a person does
 * outside them — the tray, the shortcut, launching it again, sleep, time
 * passing, a notification. One set of journey steps runs on two drivers: the
 * browser harness (here, every run) and the real Electron app (where a binary
 * exists; electron-driver.ts). Everything is async because Electron's answers
 * come from another process.
 */
export interface AttuneDriver {
  readonly runsOn: 'harness' | 'electron';
  /** The windows as pages; only once start-up has finished ('started'). */
  readonly desktop: Desktop;
  outcome(): Promise<'started' | 'second-instance' | 'failed'>;
  /** What the one calm start-up dialog said, if start-up failed. */
  fatalDialogs(): Promise<string[]>;
  /** What Attune asked of its windows: 'showPopover:tray', 'openView:settings', 'openPause', … */
  uiActions(): Promise<string[]>;
  popover(): Promise<{ visible: boolean; reason: string | null }>;
  /** The size of a window's content, as the person sees it. */
  windowSize(kind: 'popover' | 'app' | 'pause'): Promise<{ width: number; height: number } | null>;
  readonly tray: {
    labels(): Promise<string[]>;
    isEnabled(id: TrayAction): Promise<boolean>;
    click(id: TrayAction): Promise<void>;
  };
  /** The check-in shortcut: false when none is registered. */
  pressShortcut(): Promise<boolean>;
  /** Attune is launched again while it runs. */
  launchAgain(): Promise<void>;
  power(event: PowerEventName): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  notificationsOffered(): Promise<number>;
  answerNotification(response: PauseResponse): Promise<boolean>;
  /** A call through main's IPC gate, as the named window would make it. */
  dispatch(channel: string, request: unknown, window?: WindowKind): Promise<IpcResult<unknown>>;
  settings(): Promise<Settings>;
  /** Quit has ended Attune: the tray is gone and nothing keeps running. */
  hasQuit(): Promise<boolean>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  dataDir: string;
  /** What the tray-host probe reports (default: a tray exists). */
  trayAvailable?: boolean;
  /** 'deliver': pause notifications reach the session's notification daemon. */
  notifications?: 'record' | 'deliver';
}

export type Launch = (options: LaunchOptions) => Promise<AttuneDriver>;

export const launchOnHarness =
  (context: BrowserContext): Launch =>
  async (options) => {
    const harness = await startHarness({
      dataDir: options.dataDir,
      ...(options.trayAvailable !== undefined ? { trayAvailable: options.trayAvailable } : {}),
      ...(options.notifications ? { notifications: options.notifications } : {}),
    });
    const desktop = harness.outcome === 'started' ? await openDesktop(context, harness) : null;
    let closed = false;
    const running = () => {
      if (!harness.attune) throw new Error('Attune did not start');
      return harness.attune;
    };
    return {
      runsOn: 'harness',
      get desktop() {
        if (!desktop) throw new Error(`Attune did not start (${harness.outcome}): it has no windows`);
        return desktop;
      },
      outcome: async () => harness.outcome,
      fatalDialogs: async () => [...harness.standIns.fatalDialogs],
      uiActions: async () => [...harness.uiActions],
      popover: async () => {
        const { visible, reason } = harness.windows().state.popover;
        return { visible, reason };
      },
      windowSize: async (kind) => {
        // Open as Attune sees it (the popover exists from start-up, shown or not).
        if (!desktop || (kind !== 'popover' && !harness.windows().state[kind].open)) return null;
        // A page the person just closed is still open to Attune for a moment (a reload may bring it back).
        const page = kind === 'popover' ? desktop.popover : desktop.isOpen(kind) ? await desktop[kind]() : null;
        return page?.viewportSize() ?? STAND_IN_WINDOW_SIZES[kind];
      },

      tray: {
        labels: async () => harness.tray().labels(),
        isEnabled: async (id) => {
          const find = (items = harness.tray().menu): boolean =>
            items.some((item) => (item.id === id && item.enabled) || (item.submenu ? find(item.submenu) : false));
          return find();
        },
        click: async (id) => harness.tray().click(id),
      },
      pressShortcut: async () => harness.standIns.shortcut.press(),
      launchAgain: async () => harness.standIns.secondInstance(),
      power: async (event) => harness.standIns.power.emit(event),
      advanceClock: async (ms) => harness.advanceClock(ms),
      notificationsOffered: async () => harness.notifications,
      answerNotification: async (response) => harness.answerNotification(response),
      dispatch: (channel, request, window = 'app') => running().dispatch(channel, request, { window }),
      settings: async () => running().settings.get(),
      hasQuit: async () => harness.standIns.quits > 0 && harness.tray().destroyed,
      close: async () => {
        if (closed) return;
        closed = true;
        await desktop?.dispose();
        await harness.close();
      },
    };
  };
