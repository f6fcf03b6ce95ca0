import type { ViewId } from '../../../shared/ipc/app-contract';
import type { EventName, EventPayload, OpenReason } from '../../../shared/ipc/event-contract';
import type { WindowKind } from '../../ipc/call-context';
import { displayUnderPointer } from '../../popover/pointer-display';
import type { Rect } from '../../popover/popover-position';
import type { ScreenPort, Windows } from '../platform';
import { StandInScreen } from './stand-in-screen';

/** The app's window sizes, as the harness shows them (the same numbers as window-options). */
export const STAND_IN_WINDOW_SIZES = {
  popover: { width: 380, height: 580 },
  app: { width: 880, height: 660 },
  pause: { width: 440, height: 420 },
} as const;

/** Fixed sender ids for the stand-in windows (Electron uses webContents ids). */
export const STAND_IN_WINDOW_IDS: Record<Exclude<WindowKind, 'harness'>, number> = { popover: 1, app: 2, pause: 3 };

export interface WindowsState {
  popover: { visible: boolean; reason: OpenReason | null; trayBounds: Rect | null; shown: number };
  /** The app window (history, insights, settings, help, welcome): open with the view it was asked for. */
  app: { open: boolean; view: ViewId | null };
  pause: { open: boolean };
}

export type WindowMessage = { kind: Exclude<WindowKind, 'harness'>; event: string; payload: unknown };

/**
 * Attune's windows without Electron: the same decisions (one popover, reused;
 * one app window that is told to switch view when open; one pause window),
 * kept as state that a test, or the page mirror in the e2e fixture, watches.
 * Messages to a window go to `deliver`, which the harness routes to the pages
 * showing that window.
 */
export class StandInWindows implements Windows {
  readonly known = new Map<number, WindowKind>([[STAND_IN_WINDOW_IDS.popover, 'popover']]);
  readonly state: WindowsState = {
    popover: { visible: false, reason: null, trayBounds: null, shown: 0 },
    app: { open: false, view: null },
    pause: { open: false },
  };
  /** What was asked, in order: 'showPopover:tray', 'openView:history', 'closeWindow:app', … */
  readonly actions: string[] = [];
  /** The display (id) each window last opened on, chosen by the pointer as the Electron windows choose it. */
  readonly placedOn: { popover: number | null; pause: number | null } = { popover: null, pause: null };
  /**
   * The zoom (percent) each window shows, as Electron's setZoomFactor would leave it: null while
   * a window is closed; a window that opens gets the zoom asked for last.
   */
  readonly zoom: Record<Exclude<WindowKind, 'harness'>, number | null> = { popover: 100, app: null, pause: null };
  #zoomPercent = 100;
  #viewAsked: ViewId | null = null;
  deliver: (message: WindowMessage) => void = () => undefined;
  readonly #listeners = new Set<(state: WindowsState) => void>();

  constructor(
    private readonly onAppWindowsChanged: () => void,
    private readonly screen: ScreenPort = new StandInScreen(),
  ) {}

  onChange(listener: (state: WindowsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  showPopover(reason: OpenReason, trayBounds: Rect | null): void {
    this.actions.push(`showPopover:${reason}`);
    this.placedOn.popover = this.#pointerDisplay();
    this.state.popover = { visible: true, reason, trayBounds, shown: this.state.popover.shown + 1 };
    this.deliver({ kind: 'popover', event: 'popover.shown', payload: { reason } });
    this.#changed();
  }

  togglePopoverFromTray(trayBounds: Rect | null): void {
    if (this.state.popover.visible) this.hidePopover();
    else this.showPopover('tray', trayBounds);
  }

  hidePopover(): void {
    this.actions.push('hidePopover');
    if (!this.state.popover.visible) return;
    this.state.popover = { ...this.state.popover, visible: false };
    this.#changed();
  }

  openView(view: ViewId): void {
    this.actions.push(`openView:${view}`);
    if (view === 'check-in') return this.showPopover('menu', null);
    if (view === 'pause') return this.openPause();
    if (this.state.app.open) {
      this.state.app = { open: true, view };
      this.#viewAsked = view;
      this.deliver({ kind: 'app', event: 'view.show', payload: { view } });
    } else {
      this.state.app = { open: true, view };
      this.#viewAsked = null;
      this.known.set(STAND_IN_WINDOW_IDS.app, 'app');
      this.zoom.app = this.#zoomPercent;
      this.onAppWindowsChanged();
    }
    this.#changed();
  }

  viewAsked(): ViewId | null {
    return this.#viewAsked;
  }

  openPause(): void {
    this.actions.push('openPause');
    if (!this.state.pause.open) this.placedOn.pause = this.#pointerDisplay();
    this.state.pause = { open: true };
    this.known.set(STAND_IN_WINDOW_IDS.pause, 'pause');
    this.zoom.pause = this.#zoomPercent;
    this.#changed();
  }

  closeWindow(kind: WindowKind): void {
    this.actions.push(`closeWindow:${kind}`);
    if (kind === 'popover') return this.hidePopover();
    if (kind === 'app' && this.state.app.open) {
      this.state.app = { open: false, view: null };
      this.#viewAsked = null;
      this.known.delete(STAND_IN_WINDOW_IDS.app);
      this.zoom.app = null;
      this.onAppWindowsChanged();
    } else if (kind === 'pause' && this.state.pause.open) {
      this.state.pause = { open: false };
      this.known.delete(STAND_IN_WINDOW_IDS.pause);
      this.zoom.pause = null;
    } else return;
    this.#changed();
  }

  send<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const kind of new Set(this.known.values())) {
      if (kind !== 'harness') this.deliver({ kind, event, payload });
    }
  }

  /**
   * A page now shows this window (the harness serves windows as pages, and a page can be opened
   * at its route directly): the window is open from then on, as if Attune had created it.
   */
  attached(kind: Exclude<WindowKind, 'harness' | 'popover'>, view: ViewId | null): void {
    if (kind === 'app' && !this.state.app.open) {
      this.state.app = { open: true, view };
      this.known.set(STAND_IN_WINDOW_IDS.app, 'app');
      this.zoom.app = this.#zoomPercent;
      this.onAppWindowsChanged();
    } else if (kind === 'pause' && !this.state.pause.open) {
      this.state.pause = { open: true };
      this.known.set(STAND_IN_WINDOW_IDS.pause, 'pause');
      this.zoom.pause = this.#zoomPercent;
    } else return;
    this.#changed();
  }

  /** The last page showing this window went away (the person closed it). */
  detached(kind: Exclude<WindowKind, 'harness' | 'popover'>): void {
    const before = this.actions.length;
    this.closeWindow(kind);
    // Closing by hand is the person's doing, not something Attune asked for.
    this.actions.splice(before);
  }

  hasOpenAppWindow(): boolean {
    return this.state.app.open;
  }

  setZoom(percent: number): void {
    this.#zoomPercent = percent;
    this.zoom.popover = percent;
    if (this.state.app.open) this.zoom.app = percent;
    if (this.state.pause.open) this.zoom.pause = percent;
  }

  #pointerDisplay(): number | null {
    return displayUnderPointer(this.screen.displays(), this.screen.pointer())?.id ?? null;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener(this.state);
  }
}
