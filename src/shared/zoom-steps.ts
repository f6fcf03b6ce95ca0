import { DEFAULT_ZOOM, ZOOM_STEPS } from './settings-limits';

/** One of the zoom steps settings accept. */
export type ZoomPercent = (typeof ZOOM_STEPS)[number];
const [LOWEST] = ZOOM_STEPS;
const HIGHEST = ZOOM_STEPS[ZOOM_STEPS.length - 1] as ZoomPercent;

/** What a zoom key asks for. */
export type ZoomAction = 'in' | 'out' | 'reset';

/** The parts of a keydown that decide zoom (a KeyboardEvent has them all). */
export interface ZoomKeyEvent {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Ctrl (or Cmd) with `=`/`+` (Shift+= on most layouts), `-` or `0`, on the main keys or the
 * number pad, as browsers zoom. Alt is left alone: Ctrl+Alt is AltGr on many keyboards and
 * types characters. Either modifier counts, so the same keys work on every platform.
 */
export const zoomActionOf = (event: ZoomKeyEvent): ZoomAction | null => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '=' || event.key === '+' || event.code === 'NumpadAdd') return 'in';
  if (event.key === '-' || event.key === '_' || event.code === 'NumpadSubtract') return 'out';
  if (event.key === '0' || event.code === 'Numpad0' || event.code === 'Digit0') return 'reset';
  return null;
};

/**
 * The next step from `current`: one up or down ZOOM_STEPS (staying put at the ends), or back to
 * 100%. A percent between steps (a hand-edited file) moves to the nearest step in that direction.
 */
export const nextZoom = (action: ZoomAction, current: number): ZoomPercent => {
  if (action === 'reset') return DEFAULT_ZOOM;
  if (action === 'in') return ZOOM_STEPS.find((step) => step > current) ?? HIGHEST;
  return ZOOM_STEPS.findLast((step) => step < current) ?? LOWEST;
};
