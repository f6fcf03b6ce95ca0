import { describe, expect, test } from 'vitest';

import type { PauseScheduleView } from '../../../../shared/pauses/pause-state';
import { pauseStatusLine } from './pause-status-line';

const view = (next: PauseScheduleView['next'], extra: Partial<PauseScheduleView> = {}): PauseScheduleView => ({
  next,
  pending: null,
  remindersPausedUntil: null,
  remindersOff: false,
  ...extra,
});
// Monday 23 November 2026, 10:00 UTC.
const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('pauseStatusLine', () => {
  test('a pause today shows its time only', () => {
    expect(pauseStatusLine(view({ kind: 'pause', at: Date.parse('2026-11-23T14:20:00Z'), cause: 'interval' }), NOW, 'en-GB', 'UTC')).toBe(
      'Next pause: 14:20.',
    );
  });

  test('the time follows the locale’s clock: 12-hour in en-US, 24-hour in en-GB and de (one format with History and the follow-up)', () => {
    const at = Date.parse('2026-11-23T15:34:00Z');
    const line = (locale: string) =>
      pauseStatusLine(view({ kind: 'pause', at, cause: 'interval' }), NOW, locale, 'UTC').replace(/\s/g, ' ');
    expect(line('en-US')).toBe('Next pause: 3:34 PM.');
    expect(line('en-GB')).toBe('Next pause: 15:34.');
    expect(line('de')).toBe('Next pause: 15:34.');
  });

  test('a pause on another day names the day', () => {
    expect(pauseStatusLine(view({ kind: 'pause', at: Date.parse('2026-11-24T09:00:00Z'), cause: 'interval' }), NOW, 'en-GB', 'UTC')).toBe(
      'Next pause: Tuesday at 9:00.',
    );
  });

  test('the day follows the time zone, not UTC', () => {
    // 23:30 UTC Monday is already Tuesday in Berlin.
    const at = Date.parse('2026-11-23T23:30:00Z');
    expect(pauseStatusLine(view({ kind: 'pause', at, cause: 'interval' }), NOW, 'en-GB', 'Europe/Berlin')).toBe(
      'Next pause: Tuesday at 0:30.',
    );
  });

  test.each([
    ['disabled', 'Pauses are off.'],
    ['reminders-off', 'Pause reminders are turned off from the tray menu.'],
    ['no-active-time', 'No pause times are set. Choose at least one day.'],
  ] as const)('no pause (%s)', (reason, line) => {
    expect(pauseStatusLine(view({ kind: 'none', reason }), NOW, 'en-GB', 'UTC')).toBe(line);
  });

  test('reminders paused until a time', () => {
    const until = Date.parse('2026-11-23T11:00:00Z');
    expect(pauseStatusLine(view({ kind: 'none', reason: 'reminders-off' }, { remindersPausedUntil: until }), NOW, 'en-GB', 'UTC')).toBe(
      'Pause reminders are paused until 11:00.',
    );
  });
});
