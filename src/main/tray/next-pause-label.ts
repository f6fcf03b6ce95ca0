import { clockTime } from '../../shared/clock-time';
import { appCopy } from '../../shared/copy';
import type { PauseScheduleView } from '../../shared/pauses/pause-state';

/**
 * Pure: the tray's one line about the schedule. Times are shown in the local
 * timezone given (the system's in the app), with the weekday only when the
 * pause is not today.
 */
export const nextPauseLabel = (view: PauseScheduleView, now: number, locale: string | undefined, timeZone?: string): string => {
  const t = appCopy.tray;
  const time = (at: number) => clockTime(at, locale, timeZone);
  const day = (at: number) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone }).format(at);
  if (view.next.kind === 'pause') {
    const { at } = view.next;
    if (day(at) === day(now)) return t.nextPauseAt(time(at));
    return t.nextPauseLater(new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone }).format(at), time(at));
  }
  if (view.remindersPausedUntil !== null && view.remindersPausedUntil > now) return t.remindersPausedUntil(time(view.remindersPausedUntil));
  if (view.next.reason === 'no-active-time') return t.noPauseTimes;
  return t.nextPauseOff;
};
