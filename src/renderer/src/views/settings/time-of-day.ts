import { MINUTES_PER_DAY } from '../../../../shared/pauses/pause-settings-limits';

/**
 * Time inputs speak "HH:MM"; settings speak minutes after midnight. An end
 * time of 00:00 is the end of the day (1440), so "22:00 until 00:00" works.
 */
const pad = (n: number): string => String(n).padStart(2, '0');

export const minutesToTime = (minutes: number): string => {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
};

/** "09:30" → 570; an incomplete or cleared input → null. */
export const timeToMinutes = (value: string, end = false): number | null => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return end && minutes === 0 ? MINUTES_PER_DAY : minutes;
};
