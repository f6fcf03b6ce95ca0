import { clockTime } from '../../../../shared/clock-time';
import { settingsCopy } from '../../../../shared/copy';
import { weekdayName } from '../../../../shared/i18n/format-locale';
import type { PauseScheduleView } from '../../../../shared/pauses/pause-state';

/**
 * Pure: the settings view's one line about what comes next, in the local time
 * zone, with the weekday only when the pause is not today (as the tray says it).
 */
export const pauseStatusLine = (view: PauseScheduleView, now: number, locale?: string, timeZone?: string): string => {
  const t = settingsCopy.pauses.status;
  const time = (at: number) => clockTime(at, locale, timeZone);
  const day = (at: number) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at);
  if (view.next.kind === 'pause') {
    const { at } = view.next;
    if (day(at) === day(now)) return t.next(time(at));
    const weekday = new Date(`${day(at)}T12:00:00Z`).getUTCDay();
    return t.nextOn(weekdayName(weekday), time(at));
  }
  if (view.remindersPausedUntil !== null && view.remindersPausedUntil > now) return t.remindersPaused(time(view.remindersPausedUntil));
  if (view.next.reason === 'reminders-off') return t.remindersOff;
  if (view.next.reason === 'no-active-time') return t.noActiveTime;
  return t.off;
};
