import { beforeEach, describe, expect, test, vi } from 'vitest';

import type { CommandResult, RunCommand } from '../system/run-command';
import { linuxDoNotDisturb, linuxFullScreen } from './linux-attention';

/** Answers per command line; anything else fails like a missing command. */
const commands = (answers: Record<string, CommandResult>): RunCommand =>
  vi.fn((file: string, args: readonly string[]) => Promise.resolve(answers[[file, ...args].join(' ')] ?? { ok: false, stdout: '' }));

const GNOME = 'gsettings get org.gnome.desktop.notifications show-banners';
const INHIBITED =
  'gdbus call --session --dest org.freedesktop.Notifications --object-path /org/freedesktop/Notifications --method org.freedesktop.DBus.Properties.Get org.freedesktop.Notifications Inhibited';

beforeEach(() => {
  vi.resetAllMocks();
});

describe('linuxDoNotDisturb', () => {
  test('dunst answers first', async () => {
    await expect(linuxDoNotDisturb({ run: commands({ 'dunstctl is-paused': { ok: true, stdout: 'true\n' } }), env: {} })).resolves.toBe(
      'yes',
    );
    await expect(linuxDoNotDisturb({ run: commands({ 'dunstctl is-paused': { ok: true, stdout: 'false\n' } }), env: {} })).resolves.toBe(
      'no',
    );
  });

  test('GNOME banners off means do-not-disturb, but only inside GNOME', async () => {
    const run = commands({ [GNOME]: { ok: true, stdout: 'false\n' } });
    await expect(linuxDoNotDisturb({ run, env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' } })).resolves.toBe('yes');
    await expect(linuxDoNotDisturb({ run, env: { XDG_CURRENT_DESKTOP: 'KDE' } })).resolves.toBe('unknown');
  });

  test("KDE and others: the notification server's Inhibited property", async () => {
    await expect(
      linuxDoNotDisturb({ run: commands({ [INHIBITED]: { ok: true, stdout: '(<true>,)\n' } }), env: { XDG_CURRENT_DESKTOP: 'KDE' } }),
    ).resolves.toBe('yes');
    await expect(linuxDoNotDisturb({ run: commands({ [INHIBITED]: { ok: true, stdout: '(<false>,)\n' } }), env: {} })).resolves.toBe('no');
  });

  test('nothing answers: unknown, which never holds a pause back', async () => {
    await expect(linuxDoNotDisturb({ run: commands({}), env: {} })).resolves.toBe('unknown');
  });
});

describe('linuxFullScreen', () => {
  const x11 = { DISPLAY: ':0', XDG_SESSION_TYPE: 'x11' };
  const ACTIVE = 'xprop -root -notype -f _NET_ACTIVE_WINDOW 32x  $0\n _NET_ACTIVE_WINDOW';

  test('the active X11 window in full-screen state', async () => {
    const run = commands({
      [ACTIVE]: { ok: true, stdout: '_NET_ACTIVE_WINDOW 0x3a00007\n' },
      'xprop -id 0x3a00007 _NET_WM_STATE': { ok: true, stdout: '_NET_WM_STATE(ATOM) = _NET_WM_STATE_FULLSCREEN, _NET_WM_STATE_FOCUSED\n' },
    });
    await expect(linuxFullScreen({ run, env: x11 })).resolves.toBe('yes');
  });

  test('a normal window, no focused window, no window manager, Wayland', async () => {
    const normal = commands({
      [ACTIVE]: { ok: true, stdout: '_NET_ACTIVE_WINDOW 0x3a00007\n' },
      'xprop -id 0x3a00007 _NET_WM_STATE': { ok: true, stdout: '_NET_WM_STATE(ATOM) = _NET_WM_STATE_FOCUSED\n' },
    });
    await expect(linuxFullScreen({ run: normal, env: x11 })).resolves.toBe('no');
    const none = commands({ [ACTIVE]: { ok: true, stdout: '_NET_ACTIVE_WINDOW 0x0\n' } });
    await expect(linuxFullScreen({ run: none, env: x11 })).resolves.toBe('no');
    const noWm = commands({ [ACTIVE]: { ok: true, stdout: '_NET_ACTIVE_WINDOW:  not found.\n' } });
    await expect(linuxFullScreen({ run: noWm, env: x11 })).resolves.toBe('unknown');
    await expect(linuxFullScreen({ run: normal, env: { DISPLAY: ':0', XDG_SESSION_TYPE: 'wayland' } })).resolves.toBe('unknown');
    await expect(linuxFullScreen({ run: normal, env: {} })).resolves.toBe('unknown');
  });
});
