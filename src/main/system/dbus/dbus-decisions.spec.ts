import { describe, expect, test } from 'vitest';

import { busIdleMilliseconds, chooseIdleSeconds, isWaylandSession, needsBusIdle } from './bus-idle-time';
import { isOwnerLine, parseSignalLine, tupleBoolean, tupleNumber } from './gdbus-output';
import { displaySessionPath, lockSignalOf, lockSources, logindSessionPath, nextLockState } from './session-lock';

describe('gdbus output', () => {
  test('a monitored signal line', () => {
    expect(parseSignalLine('/org/freedesktop/ScreenSaver: org.freedesktop.ScreenSaver.ActiveChanged (true,)')).toEqual({
      path: '/org/freedesktop/ScreenSaver',
      interface: 'org.freedesktop.ScreenSaver',
      member: 'ActiveChanged',
      args: '(true,)',
    });
    expect(parseSignalLine('/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()')).toMatchObject({
      path: '/org/freedesktop/login1/session/_32',
      member: 'Lock',
    });
    expect(parseSignalLine('Monitoring signals on object /org/gnome/ScreenSaver owned by org.gnome.ScreenSaver')).toBeNull();
  });

  test('the owner lines that say the monitor listens', () => {
    expect(isOwnerLine('The name org.gnome.ScreenSaver is owned by :1.42')).toBe(true);
    expect(isOwnerLine('The name org.gnome.ScreenSaver does not have an owner')).toBe(true);
    expect(isOwnerLine('Monitoring signals on object /org/gnome/ScreenSaver owned by org.gnome.ScreenSaver')).toBe(false);
  });

  test('call replies', () => {
    expect(tupleBoolean('(true,)\n')).toBe(true);
    expect(tupleBoolean('(false,)')).toBe(false);
    expect(tupleBoolean('(uint32 1,)')).toBeNull();
    expect(tupleNumber('(uint64 123456,)\n')).toBe(123456);
    expect(tupleNumber('(uint32 4200,)')).toBe(4200);
    expect(tupleNumber('(7,)')).toBe(7);
    expect(tupleNumber('(-7,)')).toBeNull();
    expect(tupleNumber("('x',)")).toBeNull();
    expect(tupleNumber('(uint64 99999999999999999999,)')).toBeNull();
  });
});

describe('screen lock signals', () => {
  test('logind session paths are escaped as systemd escapes them', () => {
    expect(logindSessionPath('2')).toBe('/org/freedesktop/login1/session/_32');
    expect(logindSessionPath('c2')).toBe('/org/freedesktop/login1/session/c2');
    expect(logindSessionPath('12')).toBe('/org/freedesktop/login1/session/_312');
    expect(logindSessionPath('a-b')).toBe('/org/freedesktop/login1/session/a_2db');
    expect(logindSessionPath('')).toBe('/org/freedesktop/login1/session/_');
  });

  test('logind is watched only when the session id is known', () => {
    expect(lockSources({}).map((source) => source.dest)).toEqual(['org.freedesktop.ScreenSaver', 'org.gnome.ScreenSaver']);
    expect(lockSources({ XDG_SESSION_ID: '3' }).at(-1)).toEqual({
      bus: 'system',
      dest: 'org.freedesktop.login1',
      path: '/org/freedesktop/login1/session/_33',
    });
  });

  test('without a session id, logind’s Display property names the session', () => {
    expect(displaySessionPath("(<('2', objectpath '/org/freedesktop/login1/session/_32')>,)\n")).toBe(
      '/org/freedesktop/login1/session/_32',
    );
    expect(displaySessionPath("(<('', objectpath '/')>,)")).toBeNull();
    expect(displaySessionPath('')).toBeNull();
  });

  test('what each signal says', () => {
    const signal = (iface: string, member: string, args = '()') => ({ path: '/x', interface: iface, member, args });
    expect(lockSignalOf(signal('org.freedesktop.ScreenSaver', 'ActiveChanged', '(true,)'))).toBe('locked');
    expect(lockSignalOf(signal('org.gnome.ScreenSaver', 'ActiveChanged', '(false,)'))).toBe('unlocked');
    expect(lockSignalOf(signal('org.gnome.ScreenSaver', 'WakeUpScreen'))).toBeNull();
    expect(lockSignalOf(signal('org.freedesktop.login1.Session', 'Lock'))).toBe('locked');
    expect(lockSignalOf(signal('org.freedesktop.login1.Session', 'Unlock'))).toBe('unlocked');
    expect(lockSignalOf(signal('org.freedesktop.login1.Session', 'PauseDevice'))).toBeNull();
  });

  test('only a change of state is an event: one lock seen by three services is one lock', () => {
    let state = nextLockState('unknown', 'locked');
    expect(state).toEqual({ state: 'locked', emit: 'lock-screen' });
    state = nextLockState(state.state, 'locked');
    expect(state.emit).toBeNull();
    expect(nextLockState(state.state, 'unlocked')).toEqual({ state: 'unlocked', emit: 'unlock-screen' });
  });
});

describe('idle time', () => {
  test('Wayland is told by the session type or a Wayland display', () => {
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' })).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
  });

  test('the bus is asked on Wayland, and on X11 only when Electron says 0 or nothing', () => {
    expect(needsBusIdle(12, true)).toBe(true);
    expect(needsBusIdle(12, false)).toBe(false);
    expect(needsBusIdle(0, false)).toBe(true);
    expect(needsBusIdle(null, false)).toBe(true);
  });

  test('which answer counts; nothing that can tell is null, never "in use"', () => {
    expect(chooseIdleSeconds(0, 90_000, true)).toBe(90);
    expect(chooseIdleSeconds(30, 90_000, true)).toBe(90);
    expect(chooseIdleSeconds(0, null, true)).toBeNull();
    expect(chooseIdleSeconds(30, null, true)).toBe(30);
    expect(chooseIdleSeconds(30, 90_000, false)).toBe(30);
    expect(chooseIdleSeconds(0, 90_000, false)).toBe(90);
    expect(chooseIdleSeconds(0, null, false)).toBe(0);
    expect(chooseIdleSeconds(null, null, false)).toBeNull();
  });

  test('Mutter first, then the ScreenSaver; its constant 0 ("not implemented") tells nothing', async () => {
    const replies = (mutter: string | null, screensaver: string | null) => async (_file: string, args: readonly string[]) => {
      const reply = args.includes('org.gnome.Mutter.IdleMonitor') ? mutter : screensaver;
      return reply === null ? { ok: false, stdout: '' } : { ok: true, stdout: reply };
    };
    expect(await busIdleMilliseconds(replies('(uint64 5000,)', '(uint32 9000,)'))).toBe(5000);
    expect(await busIdleMilliseconds(replies(null, '(uint32 9000,)'))).toBe(9000);
    expect(await busIdleMilliseconds(replies(null, '(uint32 0,)'))).toBeNull();
    expect(await busIdleMilliseconds(replies(null, null))).toBeNull();
    expect(
      await busIdleMilliseconds(async () => {
        throw new Error('spawn failed');
      }),
    ).toBeNull();
  });
});
