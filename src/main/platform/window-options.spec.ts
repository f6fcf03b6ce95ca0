import { describe, expect, test } from 'vitest';

import { windowOptions, type WindowRole } from './window-options';

const roles: WindowRole[] = ['popover', 'pause', 'app'];

describe('windowOptions', () => {
  test.each(roles)('%s window: sandboxed, isolated, no Node, no webviews', (role) => {
    const options = windowOptions(role, '/app/out/preload/index.cjs', '#000');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Attune');
  });

  test('DevTools only when asked for (development builds)', () => {
    expect(windowOptions('app', 'p', '#fff', true).webPreferences?.devTools).toBe(true);
  });

  test('popover: frameless, fixed, off the taskbar, on top', () => {
    expect(windowOptions('popover', 'p', '#fff')).toMatchObject({
      frame: false,
      resizable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      fullscreenable: false,
    });
  });

  test('pause window: small and never full-screen', () => {
    const options = windowOptions('pause', 'p', '#fff');
    expect(options.fullscreenable).toBe(false);
    expect(options.width).toBeLessThanOrEqual(480);
  });
});
