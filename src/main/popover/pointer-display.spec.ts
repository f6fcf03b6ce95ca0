import { describe, expect, test } from 'vitest';

import { centeredOnPointerDisplay, displayUnderPointer, type ScreenDisplay } from './pointer-display';

const display = (id: number, x: number, y: number, width: number, height: number, primary = false): ScreenDisplay => ({
  id,
  primary,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
});

// A laptop (primary) with a taller monitor to its left and a small one above it.
const laptop = display(1, 0, 0, 1920, 1080, true);
const left = display(2, -2560, -360, 2560, 1440);
const above = display(3, 320, -900, 1440, 900);
const desk = [left, laptop, above];

describe('displayUnderPointer', () => {
  test('the display that holds the pointer, at negative coordinates too', () => {
    expect(displayUnderPointer(desk, { x: 500, y: 500 })?.id).toBe(1);
    expect(displayUnderPointer(desk, { x: -1, y: 0 })?.id).toBe(2);
    expect(displayUnderPointer(desk, { x: -2560, y: -360 })?.id).toBe(2);
    expect(displayUnderPointer(desk, { x: 1000, y: -1 })?.id).toBe(3);
  });

  test('edges belong to one display only: the right and bottom edges are the next display’s', () => {
    expect(displayUnderPointer(desk, { x: 0, y: 100 })?.id).toBe(1);
    expect(displayUnderPointer(desk, { x: 320, y: 0 })?.id).toBe(1);
    expect(displayUnderPointer(desk, { x: 320, y: -900 })?.id).toBe(3);
  });

  test('a pointer in a gap between displays goes to the nearest one', () => {
    // Above the laptop, left of the small monitor: that monitor's left edge is nearer than the big one's top.
    expect(displayUnderPointer(desk, { x: 10, y: -800 })?.id).toBe(3);
    expect(displayUnderPointer(desk, { x: -5, y: -370 })?.id).toBe(2);
    // Far below everything: the laptop is nearest.
    expect(displayUnderPointer(desk, { x: 900, y: 5000 })?.id).toBe(1);
  });

  test('a tie between displays goes to the primary one', () => {
    const a = display(7, 0, 0, 1000, 1000);
    const b = display(8, 1100, 0, 1000, 1000, true);
    // In the 100-pixel gap, halfway: as far from the one as from the other.
    expect(displayUnderPointer([a, b], { x: 1049.5, y: 500 })?.id).toBe(8);
    expect(displayUnderPointer([a, b], { x: 1040, y: 500 })?.id).toBe(7);
  });

  test('no pointer position: the primary display; no primary flagged: the first; no displays: null', () => {
    expect(displayUnderPointer(desk, null)?.id).toBe(1);
    expect(displayUnderPointer([left, above], null)?.id).toBe(2);
    expect(displayUnderPointer([], { x: 0, y: 0 })).toBeNull();
  });
});

describe('centeredOnPointerDisplay', () => {
  test('centres a window in the work area of the display the person is on', () => {
    expect(centeredOnPointerDisplay({ width: 440, height: 420 }, desk, { x: -100, y: 900 })).toEqual({ x: -1500, y: 130 });
    expect(centeredOnPointerDisplay({ width: 440, height: 420 }, desk, { x: 1000, y: -10 })).toEqual({ x: 820, y: -680 });
    expect(centeredOnPointerDisplay({ width: 440, height: 420 }, [], null)).toBeNull();
  });
});
