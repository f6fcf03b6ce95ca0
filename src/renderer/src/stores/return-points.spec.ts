import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import type { Screen } from './checkin-flow.svelte';
import { closeKeepsDraft, helpOpened, locked, resumeAfterUnlock, START } from './return-points';

const SCREENS: Screen[] = ['now', 'need', 'step', 'follow-up', 'vault', 'recovery-key', 'saved', 'nothing', 'help', 'locked'];

describe('return points', () => {
  test('locking on a question remembers it; the unlock returns there', () => {
    const { points, show } = locked(START, 'need');
    expect(show).toBe('locked');
    expect(resumeAfterUnlock(points)).toBe('need');
  });

  test('a save waiting for the vault resumes on its last step; a follow-up question starts over', () => {
    expect(resumeAfterUnlock(locked(START, 'vault').points)).toBe('step');
    expect(resumeAfterUnlock(locked(START, 'follow-up').points)).toBe('now');
  });

  test('a finished check-in is not returned to, and its answers are let go', () => {
    for (const screen of ['saved', 'nothing'] as const) {
      const { points, forget } = locked(START, screen);
      expect(resumeAfterUnlock(points)).toBe('now');
      expect(forget).toBe(true);
    }
    // Locked while reading help opened from "Noted.": the same.
    expect(locked(helpOpened(START, 'saved'), 'help').forget).toBe(true);
    // A check-in under way keeps its answers through a lock.
    for (const screen of ['now', 'need', 'step', 'vault'] as const) expect(locked(START, screen).forget).toBe(false);
    expect(locked(helpOpened(START, 'need'), 'help').forget).toBe(false);
  });

  test('locked while reading help: help stays, Back leads to the lock screen, the unlock to where help was opened from', () => {
    const reading = helpOpened(START, 'step');
    const { points, show } = locked(reading, 'help');
    expect(show).toBe('help');
    expect(points.beforeHelp).toBe('locked');
    expect(resumeAfterUnlock(points)).toBe('step');
    // A second lock while still on help changes nothing.
    expect(locked(points, 'help').points).toEqual(points);
  });

  test('whatever happens in whatever order, an unlock never resumes on a screen that cannot be resumed', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('help' as const), on: fc.constantFrom(...SCREENS) }),
      fc.record({ kind: fc.constant('lock' as const), on: fc.constantFrom(...SCREENS) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        let points = START;
        for (const { kind, on } of events) points = kind === 'help' ? helpOpened(points, on) : locked(points, on).points;
        expect(['saved', 'nothing', 'locked', 'vault', 'follow-up', 'help']).not.toContain(resumeAfterUnlock(points));
      }),
    );
  });
});

describe('closing with typed words', () => {
  test('words not saved yet are kept; a draft with no words, or one already saved, is let go', () => {
    for (const screen of ['now', 'need', 'step', 'vault', 'locked', 'help'] as const) {
      expect(closeKeepsDraft(START, screen, true)).toBe(true);
      expect(closeKeepsDraft(START, screen, false)).toBe(false);
    }
    for (const screen of ['saved', 'nothing', 'recovery-key'] as const) expect(closeKeepsDraft(START, screen, true)).toBe(false);
  });

  test('behind help or the lock screen, the screen they came from decides', () => {
    expect(closeKeepsDraft({ beforeHelp: 'saved', beforeLock: 'now' }, 'help', true)).toBe(false);
    expect(closeKeepsDraft({ beforeHelp: 'step', beforeLock: 'now' }, 'help', true)).toBe(true);
    expect(closeKeepsDraft({ beforeHelp: 'locked', beforeLock: 'step' }, 'help', true)).toBe(true);
    expect(closeKeepsDraft({ beforeHelp: 'now', beforeLock: 'recovery-key' }, 'locked', true)).toBe(false);
  });
});
