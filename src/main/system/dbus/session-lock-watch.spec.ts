import { describe, expect, test } from 'vitest';

import type { SpawnLines, SpawnLinesOptions } from '../spawn-lines';
import { watchSessionLock } from './session-lock-watch';

/** gdbus monitor stood in for: the test writes its lines and ends it. */
const fakeMonitors = () => {
  const started: { args: readonly string[]; options: SpawnLinesOptions; stopped: boolean }[] = [];
  const spawn: SpawnLines = (_file, args, options) => {
    const entry = { args, options, stopped: false };
    started.push(entry);
    return { stop: () => void (entry.stopped = true) };
  };
  return { started, spawn };
};
const noReply = async () => ({ ok: false, stdout: '' });

describe('watchSessionLock', () => {
  test('one monitor per source; a signal on another object is not this session’s', async () => {
    const { started, spawn } = fakeMonitors();
    const watch = watchSessionLock({ env: { XDG_SESSION_ID: '2' }, spawn, run: noReply });
    expect(started.map((monitor) => monitor.args.slice(0, 3))).toEqual([
      ['monitor', '--session', '--dest'],
      ['monitor', '--session', '--dest'],
      ['monitor', '--system', '--dest'],
    ]);
    const events: string[] = [];
    watch.on('lock-screen', () => events.push('lock'));
    const logind = started[2]?.options;
    logind?.onLine('/org/freedesktop/login1/session/_33: org.freedesktop.login1.Session.Lock ()');
    expect(events).toEqual([]);
    logind?.onLine('/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()');
    expect(events).toEqual(['lock']);
    expect(watch.locked()).toBe('yes');
    watch.stop();
    expect(started.every((monitor) => monitor.stopped)).toBe(true);
  });

  test('a monitor that cannot run (no gdbus, no bus) is reported once and does not keep ready() waiting', async () => {
    const { started, spawn } = fakeMonitors();
    const gone: string[] = [];
    const watch = watchSessionLock({ env: {}, spawn, run: noReply, onGone: (source) => gone.push(source.dest) });
    for (const monitor of started) monitor.options.onExit(null);
    await watch.ready();
    expect(gone).toEqual(['org.freedesktop.ScreenSaver', 'org.gnome.ScreenSaver']);
    expect(watch.locked()).toBe('unknown');
  });

  test('the starting state comes from GetActive, until a signal says otherwise', async () => {
    const { started, spawn } = fakeMonitors();
    const watch = watchSessionLock({ env: {}, spawn, run: async () => ({ ok: true, stdout: '(true,)\n' }) });
    for (const monitor of started) monitor.options.onLine('The name org.freedesktop.ScreenSaver is owned by :1.7');
    await watch.ready();
    expect(watch.locked()).toBe('yes');
  });
});
