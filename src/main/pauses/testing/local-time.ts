import type { LocalClock } from '../local-clock';
import { epochOfLocal, localMomentOf } from '../local-clock';

/**
 * Test helpers: write instants as local wall times ("2025-03-24 10:00") in a
 * given zone, and read them back the same way, so expectations read like a diary.
 */
export const localAt = (clock: LocalClock, text: string): number => {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a local time: ${text}`);
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return epochOfLocal({ year, month, day }, hour * 60 + minute, clock);
};

const pad = (value: number): string => String(value).padStart(2, '0');

/** "2025-03-24 10:00" (seconds dropped; they are asserted to be zero where it matters). */
export const localText = (clock: LocalClock, epochMs: number): string => {
  const { date, minute } = localMomentOf(epochMs, clock);
  return `${date.year}-${pad(date.month)}-${pad(date.day)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
};
