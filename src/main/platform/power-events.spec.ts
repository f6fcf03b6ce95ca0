import { EventEmitter } from 'node:events';

import { beforeEach, describe, expect, test, vi } from 'vitest';

import { PAUSE_DETECTION } from '../../shared/pauses/pause-detection';
import { createAttentionState, createPowerEvents } from './power-events';

/** A stand-in for Electron's powerMonitor. */
class FakePowerMonitor extends EventEmitter {
  idleState: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  idleTime = 12;
  getSystemIdleState(): 'active' | 'idle' | 'locked' | 'unknown' {
    return this.idleState;
  }
  getSystemIdleTime(): number {
    return this.idleTime;
  }
}

let monitor: FakePowerMonitor;
const adapt = () => monitor as unknown as Parameters<typeof createPowerEvents>[0];

beforeEach(() => {
  vi.resetAllMocks();
  monitor = new FakePowerMonitor();
});

describe('createPowerEvents', () => {
  test('maps suspend/resume/lock/unlock; the unsubscribe really unsubscribes', () => {
    const events = createPowerEvents(adapt());
    const seen: string[] = [];
    const offs = (['suspend', 'resume', 'lock-screen', 'unlock-screen'] as const).map((name) => events.on(name, () => seen.push(name)));
    for (const name of ['suspend', 'resume', 'lock-screen', 'unlock-screen']) monitor.emit(name);
    expect(seen).toEqual(['suspend', 'resume', 'lock-screen', 'unlock-screen']);
    for (const off of offs) off();
    expect(monitor.listenerCount('suspend') + monitor.listenerCount('unlock-screen')).toBe(0);
  });

  test('idle has no Electron event: subscribing is a harmless no-op', () => {
    const off = createPowerEvents(adapt()).on('idle-start', () => undefined);
    expect(monitor.eventNames()).toEqual([]);
    off();
  });
});

describe('createAttentionState', () => {
  test('idle seconds come from getSystemIdleTime', () => {
    expect(createAttentionState(adapt(), 'darwin').idleSeconds()).toBe(12);
    monitor.idleTime = Number.NaN;
    expect(createAttentionState(adapt(), 'darwin').idleSeconds()).toBeNull();
  });

  test('screen lock: trusted both ways on macOS/Windows, only "yes" on Linux', () => {
    const mac = createAttentionState(adapt(), 'darwin');
    const linux = createAttentionState(adapt(), 'linux');
    expect(mac.screenLocked()).toBe('no');
    expect(linux.screenLocked()).toBe('unknown');
    monitor.idleState = 'locked';
    expect(mac.screenLocked()).toBe('yes');
    expect(linux.screenLocked()).toBe('yes');
  });

  test('do-not-disturb and full-screen are unknown where Electron cannot tell', () => {
    const win = createAttentionState(adapt(), 'win32');
    expect(win.doNotDisturb()).toBe('unknown');
    expect(win.fullScreen()).toBe('unknown');
  });
});

describe('the settings table of what is detected agrees with the adapter', () => {
  test.each(['darwin', 'win32', 'linux'] as const)('%s', (platform) => {
    const probes = { doNotDisturb: vi.fn(() => Promise.resolve('no' as const)), fullScreen: vi.fn(() => Promise.resolve('no' as const)) };
    const attention = createAttentionState(adapt(), platform, probes);
    const row = PAUSE_DETECTION[platform];
    // 'no' in the table means the adapter answers unknown without asking anything.
    expect(attention.doNotDisturb() === 'unknown').toBe(row.doNotDisturb === 'no');
    expect(attention.fullScreen() === 'unknown').toBe(row.fullScreen === 'no');
    expect(row.sleep).toBe('yes');
    expect(probes.doNotDisturb).toHaveBeenCalledTimes(platform === 'linux' ? 1 : 0);
  });
});
