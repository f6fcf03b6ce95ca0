import { type DisplayArea, type Point, popoverCentered, type Rect, type Size } from './popover-position';

/**
 * Pure: which display the person is on, judged by the pointer. Electron's
 * `screen` gives every display's bounds in one desktop coordinate space, where
 * a display left of or above the primary one has negative coordinates.
 */
export interface ScreenDisplay extends DisplayArea {
  readonly id: number;
  readonly primary: boolean;
}

const contains = (rect: Rect, point: Point): boolean =>
  point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height;

/** Distance from a point to the nearest edge of a rectangle (0 inside it). */
const distance = (rect: Rect, point: Point): number => {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.width - 1));
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.height - 1));
  return Math.hypot(dx, dy);
};

/**
 * The display under the pointer; when the pointer is in none (a gap between
 * displays of different sizes, or a stale position after a display went away)
 * the nearest one, the primary display winning a tie; with no pointer position
 * at all (some Wayland sessions), the primary display. Null only when there
 * are no displays.
 */
export const displayUnderPointer = <D extends ScreenDisplay>(displays: readonly D[], pointer: Point | null): D | null => {
  const primary = displays.find((display) => display.primary) ?? displays[0] ?? null;
  if (pointer === null) return primary;
  const under = displays.find((display) => contains(display.bounds, pointer));
  if (under) return under;
  let nearest = primary;
  let best = nearest ? distance(nearest.bounds, pointer) : Infinity;
  for (const display of displays) {
    const d = distance(display.bounds, pointer);
    if (d < best) {
      best = d;
      nearest = display;
    }
  }
  return nearest;
};

/** Where a window of `size` goes when it opens centred on the person's display (null: no displays known). */
export const centeredOnPointerDisplay = (size: Size, displays: readonly ScreenDisplay[], pointer: Point | null): Point | null => {
  const display = displayUnderPointer(displays, pointer);
  return display ? popoverCentered(size, display) : null;
};
