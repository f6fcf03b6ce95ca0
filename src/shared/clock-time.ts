/**
 * The one way Attune writes a time of day: hours and minutes in the locale's
 * own convention, so 12- or 24-hour follows the person's system ("2:31 PM" in
 * en-US, "14:31" in en-GB and de) and the follow-up, History, Settings and the
 * tray never disagree. Nothing forces hour12 or a leading zero on the hour.
 * `locale` undefined means the system's (the window's or main's default).
 */

/** Building a DateTimeFormat is slow next to using one; a long history shows hundreds of times. */
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (locale: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat => {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) };
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch (error) {
      // A malformed locale tag must not cost the person the time: the system's convention stands in.
      if (!(error instanceof RangeError)) throw error;
      formatter = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, formatter);
  }
  return formatter;
};

/** The time of day of `at` in `timeZone` (the system's when absent), written the locale's way. */
export const clockTime = (at: number | Date, locale?: string, timeZone?: string): string => formatterFor(locale, timeZone).format(at);
