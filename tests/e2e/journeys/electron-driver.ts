import { resolve } from 'node:path';

import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';

import type { ElectronHooks } from '../../electron/electron-hooks';
import type { Desktop } from '../desktop';
import type { Launch } from './attune-driver';

/**
 * The journeys on the real Electron app: the test build (out-e2e, made by the
 * e2e global set-up where a binary exists) with hooks for what happens outside
 * the windows. Windows are Electron's own BrowserWindows, found by their route.
 */
const ENTRY = resolve(import.meta.dirname, '../../../out-e2e/main/index.js');
const ROUTES = { popover: '#popover', app: '#app/', pause: '#pause' } as const;
type Kind = keyof typeof ROUTES;

/** Calls one of the test entry's hooks in Electron's main process. */
const call = <K extends keyof ElectronHooks>(
  app: ElectronApplication,
  name: K,
  ...args: Parameters<ElectronHooks[K]>
): Promise<Awaited<ReturnType<ElectronHooks[K]>>> =>
  app.evaluate(
    (_electron, [hook, values]) => {
      const all = (globalThis as unknown as { __attuneE2E: Record<string, (...a: unknown[]) => unknown> }).__attuneE2E;
      return all[hook]!(...values) as Awaited<ReturnType<ElectronHooks[K]>>;
    },
    [name as string, args as unknown[]] as const,
  );

const electronDesktop = (app: ElectronApplication): Desktop => {
  const open = (kind: Kind): Page | undefined => app.windows().find((page) => !page.isClosed() && page.url().includes(ROUTES[kind]));
  const pageOf = async (kind: Kind): Promise<Page> => {
    for (;;) {
      const page = open(kind);
      if (page) return page;
      await app.waitForEvent('window', { timeout: 0 }).catch(() => undefined);
    }
  };
  let popover: Page | null = null;
  return {
    get popover() {
      popover ??= open('popover') ?? null;
      if (!popover) throw new Error('the popover window is not created yet');
      return popover;
    },
    app: () => pageOf('app'),
    pause: () => pageOf('pause'),
    isOpen: (kind) => open(kind) !== undefined,
    dispose: async () => undefined,
  };
};

export const launchOnElectron =
  (binary: string, onPageProblem: (text: string) => void): Launch =>
  async (options) => {
    const app = await electron.launch({
      executablePath: binary,
      args: [ENTRY, `--user-data-dir=${options.dataDir}`],
      env: { ...process.env, ...(options.trayAvailable === false ? { ATTUNE_E2E_TRAY: 'absent' } : {}) },
    });
    let exited = false;
    app.on('close', () => (exited = true));
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') onPageProblem(message.text());
      });
      page.on('pageerror', (error) => onPageProblem(error.message));
    };
    app.windows().forEach(watch);
    app.on('window', watch);
    const outcome = await call(app, 'outcome');
    if (outcome === 'started') {
      // The popover is created (hidden) at start-up.
      while (!app.windows().some((page) => page.url().includes(ROUTES.popover))) await app.waitForEvent('window');
    }
    const desktop = electronDesktop(app);
    const windowMatching = (route: string) =>
      app.evaluate(({ BrowserWindow }, match) => {
        const found = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && w.webContents.getURL().includes(match));
        if (!found) return null;
        const [width = 0, height = 0] = found.getContentSize();
        return { visible: found.isVisible(), width, height };
      }, route);
    return {
      runsOn: 'electron',
      desktop,
      outcome: async () => outcome,
      fatalDialogs: () => call(app, 'fatalDialogs'),
      uiActions: () => call(app, 'uiActions'),
      popover: async () => ({
        visible: (await windowMatching(ROUTES.popover))?.visible ?? false,
        reason: await call(app, 'popoverReason'),
      }),
      windowSize: async (kind) => {
        const found = await windowMatching(ROUTES[kind]);
        return found ? { width: found.width, height: found.height } : null;
      },
      tray: {
        labels: () => call(app, 'trayLabels'),
        isEnabled: (id) => call(app, 'trayItemEnabled', id),
        click: (id) => call(app, 'clickTray', id),
      },
      pressShortcut: () => call(app, 'pressShortcut'),
      launchAgain: () => call(app, 'secondInstance'),
      power: (event) => call(app, 'power', event),
      advanceClock: (ms) => call(app, 'advanceClock', ms),
      notificationsOffered: () => call(app, 'notificationsOffered'),
      answerNotification: (response) => call(app, 'answerNotification', response),
      dispatch: (channel, request, window = 'app') => call(app, 'dispatch', channel, request, window),
      settings: () => call(app, 'settings'),
      hasQuit: async () => exited,
      close: async () => {
        if (!exited) await app.close();
        exited = true;
      },
    };
  };
