import { describe, expect, test } from 'vitest';

import { chromiumFeatures, mergeFeatures } from './chromium-features';

describe('chromiumFeatures', () => {
  test('the global-shortcuts portal on Linux under Wayland only', () => {
    expect(chromiumFeatures('linux', { XDG_SESSION_TYPE: 'wayland' })).toEqual(['GlobalShortcutsPortal']);
    expect(chromiumFeatures('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual(['GlobalShortcutsPortal']);
    expect(chromiumFeatures('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toEqual([]);
    expect(chromiumFeatures('linux', {})).toEqual([]);
    expect(chromiumFeatures('darwin', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual([]);
    expect(chromiumFeatures('win32', { XDG_SESSION_TYPE: 'wayland' })).toEqual([]);
  });
});

describe('mergeFeatures', () => {
  test('keeps the features already asked for, adds each new one once', () => {
    expect(mergeFeatures('', ['GlobalShortcutsPortal'])).toBe('GlobalShortcutsPortal');
    expect(mergeFeatures('WaylandWindowDecorations', ['GlobalShortcutsPortal'])).toBe('WaylandWindowDecorations,GlobalShortcutsPortal');
    expect(mergeFeatures('GlobalShortcutsPortal, A', ['GlobalShortcutsPortal'])).toBe('GlobalShortcutsPortal,A');
  });
});
