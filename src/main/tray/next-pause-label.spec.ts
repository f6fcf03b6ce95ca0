import { describe, expect, test } from 'vitest';

import type { PauseScheduleView } from '../../shared/pauses/pause-state';
import { nextPauseLabel } from './next-pause-label';

const now = Date.parse('2026-11-23T10:00:00Z');
const view = (next: PauseScheduleView['next'], extra: Partial<PauseScheduleView> = {}): PauseScheduleView => ({
  next,
  pending: null,
  remindersPausedUntil: null,
  remindersOff: false,
  ...extra,
});

describe('nextPauseLabel', () => {
  test('today: the local time', () => {
    expect(
      nextPauseLabel(view({ kind: 'pause', at: Date.parse('2026-11-23T13:20:00Z'), cause: 'interval' }), now, 'en-GB', 'Europe/Berlin'),
    ).toBe('Next pause: 14:20');
  });

  test('another day: with the weekday', () => {
    expect(
      nextPauseLabel(view({ kind: 'pause', at: Date.parse('2026-11-24T08:00:00Z'), cause: 'interval' }), now, 'en-GB', 'Europe/Berlin'),
    ).toBe('Next pause: Tue 9:00');
  });

  test('off, paused for a while, or no pause times', () => {
    expect(nextPauseLabel(view({ kind: 'none', reason: 'disabled' }), now, 'en-GB', 'UTC')).toBe('Pause reminders off');
    expect(nextPauseLabel(view({ kind: 'none', reason: 'reminders-off' }, { remindersOff: true }), now, 'en-GB', 'UTC')).toBe(
      'Pause reminders off',
    );
    expect(nextPauseLabel(view({ kind: 'none', reason: 'no-active-time' }), now, 'en-GB', 'UTC')).toBe('No pause times set');
    expect(
      nextPauseLabel(
        view({ kind: 'none', reason: 'reminders-off' }, { remindersPausedUntil: Date.parse('2026-11-23T11:00:00Z') }),
        now,
        'en-GB',
        'UTC',
      ),
    ).toBe('Pause reminders paused until 11:00');
  });
});
