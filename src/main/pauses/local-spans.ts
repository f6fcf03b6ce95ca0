import type { LocalSpan, PauseSettings } from '../../shared/pauses/pause-settings';
import type { LocalClock, LocalDate } from './local-clock';
import { addDays, epochOfLocal, localMomentOf, weekdayOf } from './local-clock';

/** A stretch of real time, `[start, end)` in epoch ms. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How far ahead the scheduler looks: a full week plus the day either side. */
export const LOOKAHEAD_DAYS = 9;

/** One daily local span placed on a date; a span that crosses midnight ends on the next date. */
export const spanOnDate = (span: LocalSpan, date: LocalDate, clock: LocalClock): Span => {
  const start = epochOfLocal(date, span.startMinute, clock);
  const endDate = span.endMinute > span.startMinute ? date : addDays(date, 1);
  return { start, end: epochOfLocal(endDate, span.endMinute, clock) };
};

/**
 * The active windows that end after `from`, in order. Windows that touch (all
 * day, every day) are merged into one, so midnight does not count as "the
 * active hours began again" and restart the interval.
 */
export function* activeWindows(from: number, settings: PauseSettings, clock: LocalClock): Generator<Span> {
  if (settings.activeDays.length === 0) return;
  const days = new Set<number>(settings.activeDays);
  const today = localMomentOf(from, clock).date;
  let pending: Span | undefined;
  // Start a day early: yesterday's window may cross midnight into today.
  for (let offset = -1; offset <= LOOKAHEAD_DAYS; offset += 1) {
    const date = addDays(today, offset);
    if (!days.has(weekdayOf(date))) continue;
    const window = spanOnDate(settings.activeHours, date, clock);
    // Merge before dropping what has ended: just after midnight, yesterday's window has ended but
    // today's continues it, and the merged window must keep yesterday's start.
    if (pending && window.start <= pending.end) {
      pending = { start: pending.start, end: Math.max(pending.end, window.end) };
      continue;
    }
    if (pending && pending.end > from) yield pending;
    pending = window;
  }
  if (pending && pending.end > from) yield pending;
}

/** The quiet period containing `at`, if any (checked on the day of `at` and the day before). */
export const quietSpanAt = (at: number, settings: PauseSettings, clock: LocalClock): Span | undefined => {
  if (settings.quietPeriods.length === 0) return undefined;
  const today = localMomentOf(at, clock).date;
  let found: Span | undefined;
  for (const date of [addDays(today, -1), today]) {
    for (const quiet of settings.quietPeriods) {
      const span = spanOnDate(quiet, date, clock);
      // Overlapping quiet periods act as one: take the one that ends last.
      if (span.start <= at && at < span.end && (!found || span.end > found.end)) found = span;
    }
  }
  return found;
};
