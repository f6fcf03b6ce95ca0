import { describe, expect, test, vi } from 'vitest';

vi.mock(import('electron'), () => ({}) as never);
const { trayIconFile } = await import('./tray');

describe('trayIconFile', () => {
  test('discreet (the default): a plain glyph; the coloured icon only when discreet mode is off', () => {
    expect(trayIconFile('/r', 'linux')).toBe('/r/tray-light.png');
    expect(trayIconFile('/r', 'win32', true)).toBe('/r/tray-light.png');
    expect(trayIconFile('/r', 'win32', false)).toBe('/r/tray-color.png');
    expect(trayIconFile('/r', 'linux', false)).toBe('/r/tray-color.png');
  });

  test('macOS always uses the template image the system tints', () => {
    expect(trayIconFile('/r', 'darwin', false)).toBe('/r/trayTemplate.png');
  });
});
