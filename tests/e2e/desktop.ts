import type { BrowserContext, Page } from '@playwright/test';

import { STAND_IN_WINDOW_SIZES, type WindowsState } from '../../src/main/app/testing/stand-in-windows';
import type { Harness } from '../harness/harness-server';

/**
 * Attune's windows as Chromium pages at the app's real sizes: the popover
 * (created at start-up, as the app creates it hidden), and the app and pause
 * windows, opened when Attune asks for them and closed when it closes them.
 * A test uses the pages as a person uses the windows.
 */
export interface Desktop {
  readonly popover: Page;
  /** The app window's page, once Attune has opened it. */
  app(): Promise<Page>;
  /** The pause window's page, once Attune has opened it. */
  pause(): Promise<Page>;
  isOpen(kind: 'app' | 'pause'): boolean;
  dispose(): Promise<void>;
}

type Managed = 'app' | 'pause';
const routeOf = (kind: Managed, state: WindowsState) => (kind === 'app' ? `app/${state.app.view ?? 'history'}` : 'pause');
const isOpenIn = (kind: Managed, state: WindowsState) => (kind === 'app' ? state.app.open : state.pause.open);

export const openDesktop = async (context: BrowserContext, harness: Harness): Promise<Desktop> => {
  const pages: Record<Managed, Promise<Page> | null> = { app: null, pause: null };
  const waiting: Record<Managed, ((page: Promise<Page>) => void)[]> = { app: [], pause: [] };

  const open = (kind: Managed, state: WindowsState) => {
    const opening = (async () => {
      const page = await context.newPage();
      await page.setViewportSize(STAND_IN_WINDOW_SIZES[kind]);
      await page.goto(`${harness.url}/#${routeOf(kind, state)}`);
      // The person closed the window (or Attune did): it is gone until Attune opens it again.
      page.on('close', () => {
        if (pages[kind] === opening) pages[kind] = null;
      });
      return page;
    })();
    pages[kind] = opening;
    for (const resolve of waiting[kind].splice(0)) resolve(opening);
  };
  // A window Attune shows is focused, as showPopover and openView focus theirs: bring its page to the front.
  let popoverShown = 0;
  let appView: string | null = null;
  const focusWhatAttuneShows = (state: WindowsState) => {
    if (state.popover.shown > popoverShown && state.popover.visible) void popover.bringToFront();
    popoverShown = state.popover.shown;
    if (state.app.open && state.app.view !== appView) void pages.app?.then((page) => page.bringToFront());
    appView = state.app.view;
  };
  const follow = (state: WindowsState) => {
    focusWhatAttuneShows(state);
    for (const kind of ['app', 'pause'] as const) {
      const page = pages[kind];
      if (isOpenIn(kind, state) && !page) open(kind, state);
      else if (!isOpenIn(kind, state) && page) {
        pages[kind] = null;
        void page.then((p) => p.close());
      }
    }
  };

  const popover = await context.newPage();
  await popover.setViewportSize(STAND_IN_WINDOW_SIZES.popover);
  await popover.goto(`${harness.url}/#popover`);
  const unsubscribe = harness.attune ? harness.windows().onChange(follow) : () => undefined;
  if (harness.attune) follow(harness.windows().state);

  const pageOf = (kind: Managed): Promise<Page> =>
    pages[kind] ?? new Promise<Promise<Page>>((resolve) => waiting[kind].push(resolve)).then((p) => p);
  return {
    popover,
    app: () => pageOf('app'),
    pause: () => pageOf('pause'),
    isOpen: (kind) => pages[kind] !== null,
    dispose: async () => {
      unsubscribe();
      await Promise.all([popover, ...(await Promise.all(Object.values(pages).filter((p) => p !== null)))].map((page) => page.close()));
    },
  };
};
