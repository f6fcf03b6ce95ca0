/**
 * Pure placement of the popover window. Electron gives tray bounds on macOS and
 * Windows (often nothing useful on Linux), the display's bounds and its workArea
 * (bounds minus taskbar/menu bar). Coordinates can be negative on multi-display
 * setups; Electron wants integers.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface DisplayArea {
  bounds: Rect;
  workArea: Rect;
}
export type TaskbarSide = 'top' | 'bottom' | 'left' | 'right';

const GAP = 6;

const center = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Which edge the taskbar/menu bar is on: from the workArea inset, else from where the anchor sits. */
export const taskbarSide = (display: DisplayArea, anchor: Point): TaskbarSide => {
  const { bounds: b, workArea: w } = display;
  if (w.y > b.y) return 'top';
  if (w.x > b.x) return 'left';
  if (w.y + w.height < b.y + b.height) return 'bottom';
  if (w.x + w.width < b.x + b.width) return 'right';
  // Auto-hidden taskbar: the nearest edge to the icon (or cursor) is where it lives.
  const distances: [TaskbarSide, number][] = [
    ['top', anchor.y - b.y],
    ['bottom', b.y + b.height - anchor.y],
    ['left', anchor.x - b.x],
    ['right', b.x + b.width - anchor.x],
  ];
  distances.sort((a, c) => a[1] - c[1]);
  return (distances[0] as [TaskbarSide, number])[0];
};

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

const clampInto = (position: Point, size: Size, area: Rect): Point => ({
  x: Math.round(clamp(position.x, area.x, area.x + area.width - size.width)),
  y: Math.round(clamp(position.y, area.y, area.y + area.height - size.height)),
});

/** Tray bounds of zero size (Linux, some Windows setups) carry no position: fall back to the cursor. */
const usableTrayBounds = (tray: Rect | null): Rect | null => (tray && tray.width > 0 && tray.height > 0 ? tray : null);

export const popoverBesideTray = (tray: Rect | null, cursor: Point, size: Size, display: DisplayArea): Point => {
  const trayRect = usableTrayBounds(tray);
  const anchor = trayRect ? center(trayRect) : cursor;
  const side = taskbarSide(display, anchor);
  const w = display.workArea;
  const byside: Record<TaskbarSide, Point> = {
    top: { x: anchor.x - size.width / 2, y: w.y + GAP },
    bottom: { x: anchor.x - size.width / 2, y: w.y + w.height - size.height - GAP },
    left: { x: w.x + GAP, y: anchor.y - size.height / 2 },
    right: { x: w.x + w.width - size.width - GAP, y: anchor.y - size.height / 2 },
  };
  return clampInto(byside[side], size, w);
};

/** For the global shortcut: centred in the workArea of the display under the cursor. */
export const popoverCentered = (size: Size, display: DisplayArea): Point => {
  const w = display.workArea;
  return clampInto({ x: w.x + (w.width - size.width) / 2, y: w.y + (w.height - size.height) / 2 }, size, w);
};
