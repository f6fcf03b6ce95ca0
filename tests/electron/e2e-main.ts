/**
 * The Electron entry for end-to-end tests only: the real Electron platform,
 * with a few of its ports wrapped so a test can do what a person does outside
 * the windows — click a tray item, press the shortcut, launch Attune again,
 * put the machine to sleep, let time pass, answer a notification. Built into
 * out-e2e/ (ATTUNE_BUILD=e2e), never into out/: production-bundle.spec.ts
 * checks that none of this reaches the shipped main process.
 *
 * A test reaches the hooks through Playwright's `electronApp.evaluate`, which
 * runs in this process: `globalThis.__attuneE2E`.
 */
import { createAttune } from '../../src/main/app/create-attune';
import type { AttunePlatform, Windows } from '../../src/main/app/platform';
import { MovableClock } from '../../src/main/app/testing/movable-clock';
import type { PauseResponse } from '../../src/main/notify/notifier';
import type { PowerEventName } from '../../src/main/pauses/ports';
import { electronPlatform } from '../../src/main/platform/electron-platform';
import type { TrayAction, TrayMenuItem } from '../../src/main/tray/tray-menu-model';
import { AnswerableNotifier } from '../harness/answerable-notifier';
import type { ElectronHooks } from './electron-hooks';

const platform: AttunePlatform = electronPlatform(import.meta.dirname);
const clock = new MovableClock();
const powerListeners = new Map<PowerEventName, Set<() => void>>();
let trayMenu: TrayMenuItem[] = [];
let onTrayAction: (action: TrayAction) => void = () => undefined;
let shortcut: (() => void) | null = null;
let onSecondInstance: (args: readonly string[]) => void = () => undefined;
let notifier: AnswerableNotifier | null = null;
const uiActions: string[] = [];
const fatalDialogs: string[] = [];
let popoverReason: string | null = null;

const findItem = (items: TrayMenuItem[], id: TrayAction): TrayMenuItem | undefined => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? findItem(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
};
const labels = (items: TrayMenuItem[], depth = 0): string[] =>
  items.flatMap((item) =>
    item.id === 'separator'
      ? []
      : [`${'  '.repeat(depth)}${item.enabled ? item.label : `[${item.label}]`}`, ...(item.submenu ? labels(item.submenu, depth + 1) : [])],
  );

/** Records what Attune asks of its windows, as the harness's stand-in windows do. */
const recorded = (windows: Windows): Windows => ({
  known: windows.known,
  showPopover: (reason, bounds) => {
    uiActions.push(`showPopover:${reason}`);
    popoverReason = reason;
    windows.showPopover(reason, bounds);
  },
  togglePopoverFromTray: (bounds) => {
    uiActions.push('togglePopover');
    popoverReason = 'tray';
    windows.togglePopoverFromTray(bounds);
  },
  hidePopover: () => {
    uiActions.push('hidePopover');
    windows.hidePopover();
  },
  openView: (view) => {
    uiActions.push(`openView:${view}`);
    windows.openView(view);
  },
  viewAsked: () => windows.viewAsked(),
  openPause: () => {
    uiActions.push('openPause');
    windows.openPause();
  },
  closeWindow: (kind) => {
    uiActions.push(`closeWindow:${kind}`);
    windows.closeWindow(kind);
  },
  send: (event, payload) => windows.send(event, payload),
  hasOpenAppWindow: () => windows.hasOpenAppWindow(),
  setZoom: (percent) => windows.setZoom(percent),
});

const hooked: AttunePlatform = {
  ...platform,
  app: {
    ...platform.app,
    requestSingleInstance: (listener) => {
      onSecondInstance = listener;
      return platform.app.requestSingleInstance(listener);
    },
    // The dialog would wait for a click: the test reads what it said, then closes the app (as the click would).
    fatal: (message, error) => {
      fatalDialogs.push(message);
      process.stderr.write(`attune-e2e: fatal dialog: ${message}\n${String(error)}\n`);
    },
  },
  createWindows: (onChanged) => recorded(platform.createWindows(onChanged)),
  createTray: (onAction, onClick) => {
    onTrayAction = onAction;
    const tray = platform.createTray(onAction, onClick);
    return {
      ...tray,
      setMenu: (items) => {
        trayMenu = items;
        tray.setMenu(items);
      },
      setDiscreet: (discreet) => tray.setDiscreet(discreet),
      bounds: () => tray.bounds(),
      destroy: () => tray.destroy(),
    };
  },
  globalShortcut: {
    register: (accelerator, callback) => {
      const registered = platform.globalShortcut.register(accelerator, callback);
      // A test presses the shortcut even where the desktop did not grant it (a headless X server).
      shortcut = callback;
      return registered;
    },
    unregister: (accelerator) => {
      shortcut = null;
      platform.globalShortcut.unregister(accelerator);
    },
  },
  pauseAdapters: (isDiscreet) => {
    const real = platform.pauseAdapters(isDiscreet);
    notifier = new AnswerableNotifier(() => clock.now(), real.notifier);
    return {
      attention: real.attention,
      notifier,
      power: {
        on: (event, listener) => {
          const off = real.power.on(event, listener);
          const set = powerListeners.get(event) ?? new Set();
          set.add(listener);
          powerListeners.set(event, set);
          return () => {
            off();
            set.delete(listener);
          };
        },
      },
    };
  },
  hasTrayHost: async () => (process.env.ATTUNE_E2E_TRAY === 'absent' ? false : platform.hasTrayHost()),
  timer: clock,
  vaultClock: clock.vaultClock(),
  now: () => clock.now(),
};

const outcome = createAttune(hooked);

const hooks: ElectronHooks = {
  outcome: async () => (await outcome).kind,
  fatalDialogs: () => [...fatalDialogs],
  uiActions: () => [...uiActions],
  popoverReason: () => popoverReason,
  trayLabels: () => labels(trayMenu),
  trayItemEnabled: (id) => findItem(trayMenu, id)?.enabled ?? false,
  clickTray: (id) => {
    const item = findItem(trayMenu, id);
    if (!item) throw new Error(`the tray menu has no item '${id}' now (it shows: ${labels(trayMenu).join(' | ')})`);
    if (!item.enabled) throw new Error(`the tray menu item '${id}' is disabled`);
    onTrayAction(id);
  },
  pressShortcut: () => {
    if (!shortcut) return false;
    shortcut();
    return true;
  },
  secondInstance: (args = []) => onSecondInstance(args),
  power: (event) => {
    for (const listener of powerListeners.get(event) ?? []) listener();
  },
  advanceClock: (ms) => clock.advance(ms),
  notificationsOffered: () => notifier?.shown.length ?? 0,
  answerNotification: (response: PauseResponse) => notifier?.answer(response) ?? false,
  dispatch: async (channel, request, window) => {
    const started = await outcome;
    if (started.kind !== 'started') throw new Error('Attune did not start');
    return started.attune.dispatch(channel, request, { window });
  },
  settings: async () => {
    const started = await outcome;
    if (started.kind !== 'started') throw new Error('Attune did not start');
    return started.attune.settings.get();
  },
};
(globalThis as { __attuneE2E?: ElectronHooks }).__attuneE2E = hooks;
