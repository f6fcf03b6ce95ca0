import { describe, expect, test } from 'vitest';

import { type DisplayArea, popoverBesideTray, popoverCentered, taskbarSide } from './popover-position';

const size = { width: 380, height: 520 };
const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const withTaskbar = (workArea: DisplayArea['workArea']): DisplayArea => ({ bounds: screen, workArea });

describe('popoverBesideTray', () => {
  test('macOS-style menu bar at the top: under the icon, centred on it', () => {
    const display = withTaskbar({ x: 0, y: 25, width: 1920, height: 1055 });
    const tray = { x: 1500, y: 0, width: 24, height: 25 };
    expect(popoverBesideTray(tray, { x: 0, y: 0 }, size, display)).toEqual({ x: 1322, y: 31 });
  });

  test('Windows taskbar at the bottom: above the icon', () => {
    const display = withTaskbar({ x: 0, y: 0, width: 1920, height: 1040 });
    const tray = { x: 1700, y: 1045, width: 32, height: 32 };
    expect(popoverBesideTray(tray, { x: 0, y: 0 }, size, display)).toEqual({ x: 1526, y: 514 });
  });

  test('taskbar on the left: to the right of it, vertically centred on the icon', () => {
    const display = withTaskbar({ x: 60, y: 0, width: 1860, height: 1080 });
    const tray = { x: 14, y: 900, width: 32, height: 32 };
    // Centred on the icon would run past the bottom, so it is clamped to the work area.
    expect(popoverBesideTray(tray, { x: 0, y: 0 }, size, display)).toEqual({ x: 66, y: 560 });
  });

  test('taskbar on the right: to the left of it, clamped so it stays on screen', () => {
    const display = withTaskbar({ x: 0, y: 0, width: 1860, height: 1080 });
    const tray = { x: 1874, y: 1040, width: 32, height: 32 };
    expect(popoverBesideTray(tray, { x: 0, y: 0 }, size, display)).toEqual({ x: 1474, y: 560 });
  });

  test('icon near a corner: the window is clamped into the work area', () => {
    const display = withTaskbar({ x: 0, y: 25, width: 1920, height: 1055 });
    const tray = { x: 1900, y: 0, width: 20, height: 25 };
    const { x } = popoverBesideTray(tray, { x: 0, y: 0 }, size, display);
    expect(x).toBe(1920 - 380);
  });

  test('a second display to the left has negative coordinates', () => {
    const display: DisplayArea = {
      bounds: { x: -1280, y: -200, width: 1280, height: 1024 },
      workArea: { x: -1280, y: -200, width: 1280, height: 984 },
    };
    const tray = { x: -300, y: 790, width: 30, height: 30 };
    expect(popoverBesideTray(tray, { x: 0, y: 0 }, size, display)).toEqual({ x: -475, y: 258 });
  });

  test('no tray bounds (Linux): placed from the cursor instead', () => {
    const display = withTaskbar({ x: 0, y: 32, width: 1920, height: 1048 });
    expect(popoverBesideTray(null, { x: 1800, y: 10 }, size, display)).toEqual({ x: 1540, y: 38 });
    expect(popoverBesideTray({ x: 0, y: 0, width: 0, height: 0 }, { x: 1800, y: 10 }, size, display)).toEqual({ x: 1540, y: 38 });
  });

  test('auto-hidden taskbar: the nearest edge to the icon wins', () => {
    const display = withTaskbar(screen);
    expect(taskbarSide(display, { x: 1000, y: 1075 })).toBe('bottom');
    expect(taskbarSide(display, { x: 5, y: 500 })).toBe('left');
  });

  test('always integers, even with fractional scale factors', () => {
    const display = withTaskbar({ x: 0, y: 0, width: 1536.5, height: 824.25 });
    const point = popoverBesideTray({ x: 1400.3, y: 830.7, width: 24.5, height: 30 }, { x: 0, y: 0 }, size, display);
    expect(Number.isInteger(point.x) && Number.isInteger(point.y)).toBe(true);
  });
});

describe('popoverCentered', () => {
  test('centres in the work area of the display under the cursor', () => {
    expect(popoverCentered(size, withTaskbar({ x: 0, y: 0, width: 1920, height: 1040 }))).toEqual({ x: 770, y: 260 });
    const left: DisplayArea = {
      bounds: { x: -1280, y: 0, width: 1280, height: 800 },
      workArea: { x: -1280, y: 0, width: 1280, height: 800 },
    };
    expect(popoverCentered(size, left)).toEqual({ x: -830, y: 140 });
  });

  test('a display smaller than the window: pinned to the top-left of the work area', () => {
    expect(popoverCentered(size, withTaskbar({ x: 10, y: 20, width: 300, height: 400 }))).toEqual({ x: 10, y: 20 });
  });
});
