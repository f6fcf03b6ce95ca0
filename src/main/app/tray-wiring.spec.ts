import { describe, expect, test } from 'vitest';

import type { PauseScheduleView } from '../../shared/pauses/pause-state';
import { DEFAULT_SETTINGS } from '../../shared/settings-schema';
import { createMemoryLogger } from '../log/logger';
import { createTrayActions, trayStateOf } from './tray-wiring';

const noop = () => undefined;

describe('tray actions', () => {
  test('an action that fails is logged with its cause, never thrown into the menu callback', async () => {
    const log = createMemoryLogger();
    const actions = createTrayActions({
      windows: { showPopover: noop, openView: noop },
      trayBounds: () => null,
      pauses: { startNow: () => Promise.reject(new Error('no window')), respond: async () => undefined, command: async () => undefined },
      settings: { get: () => DEFAULT_SETTINGS, set: async () => DEFAULT_SETTINGS },
      lock: () => Promise.reject(new Error('busy')),
      quit: noop,
      log,
    });
    expect(() => actions['pause-now']()).not.toThrow();
    expect(() => actions.lock()).not.toThrow();
    await expect
      .poll(() => log.lines.map((line) => `${line.level} ${line.message} ${String(line.detail?.error)}`))
      .toEqual(['warn tray: pause now did not work Error: no window', 'warn tray: lock did not work Error: busy']);
  });

  test('reminders on turns scheduled pauses on when they never were, else only resumes reminders', async () => {
    const sets: unknown[] = [];
    const commands: string[] = [];
    const deps = (enabled: boolean) => ({
      windows: { showPopover: noop, openView: noop },
      trayBounds: () => null,
      pauses: { startNow: async () => undefined, respond: async () => undefined, command: async (c: string) => void commands.push(c) },
      settings: {
        get: () => ({ ...DEFAULT_SETTINGS, pauses: { ...DEFAULT_SETTINGS.pauses, enabled } }),
        set: async (patch: unknown) => (sets.push(patch), DEFAULT_SETTINGS),
      },
      lock: async () => undefined,
      quit: noop,
      log: createMemoryLogger(),
    });
    createTrayActions(deps(false))['reminders-on']();
    createTrayActions(deps(true))['reminders-on']();
    await expect.poll(() => ({ sets: sets.length, commands })).toEqual({ sets: 1, commands: ['on'] });
    expect(sets[0]).toMatchObject({ pauses: { enabled: true } });
  });
});

describe('tray state', () => {
  const view: PauseScheduleView = {
    next: { kind: 'none', reason: 'disabled' },
    pending: null,
    remindersPausedUntil: null,
    remindersOff: false,
  };
  test('the vault state passes through; a waiting pause shows only when it was not delivered', () => {
    const base = { platform: 'linux', shortcut: { active: 'Ctrl+Alt+Space', taken: null }, settings: DEFAULT_SETTINGS, now: 0 };
    const state = (vaultState: 'not-set-up' | 'locked' | 'unlocked', pending: unknown = null) =>
      trayStateOf({ ...base, vaultState, pauses: { view: () => ({ ...view, pending: pending as PauseScheduleView['pending'] }) } });
    expect(state('unlocked').vault).toBe('unlocked');
    expect(state('locked').vault).toBe('locked');
    expect(state('unlocked', { shownAt: 1, delivered: false }).pendingPause).toBe(true);
    expect(state('unlocked', { shownAt: 1, delivered: true }).pendingPause).toBe(false);
  });
});
