/**
 * Local time as an explicit input. The scheduler never asks the process for
 * "the" timezone: it is handed a `LocalClock`, so tests can run a week in
 * Europe/Berlin, fly to America/New_York on Wednesday, and cross both DST
 * changes with real zone rules, deterministically.
 */
export interface LocalClock {
  /** A name for the zone in force now (e.g. 'Europe/Berlin'); a change means "re-plan". */
  zoneId(): string;
  /** Minutes east of UTC at an instant: Berlin in winter +60, New York in summer −240. */
  offsetMinutesAt(epochMs: number): number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Zone transitions fall on whole quarter hours in UTC for every zone in use
// today, so one lookup per 15-minute slot is exact and keeps the bench cheap.
const SLOT_MS = 15 * MINUTE_MS;
const CACHE_LIMIT = 4096;

/** A clock for one IANA zone, using the runtime's own tz data through Intl. */
export const zoneClock = (timeZone: string): LocalClock => {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const cache = new Map<number, number>();
  const compute = (epochMs: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(epochMs)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
    return Math.round((asUtc - epochMs) / MINUTE_MS);
  };
  return {
    zoneId: () => timeZone,
    offsetMinutesAt(epochMs) {
      const slot = Math.floor(epochMs / SLOT_MS);
      const hit = cache.get(slot);
      if (hit !== undefined) return hit;
      const offset = compute(slot * SLOT_MS);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(slot, offset);
      return offset;
    },
  };
};

/** A fixed offset with no DST (e.g. UTC, or a test of "what if the rules were simple"). */
export const fixedOffsetClock = (offsetMinutes: number, id = `UTC${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes / 60}`): LocalClock => ({
  zoneId: () => id,
  offsetMinutesAt: () => offsetMinutes,
});

/**
 * The process's own zone. `Date#getTimezoneOffset` follows the zone the
 * runtime currently uses, so a change of system timezone shows up here on
 * the next call and the driver can notice it through `zoneId()`.
 */
export const systemLocalClock: LocalClock = {
  zoneId: () => `${Intl.DateTimeFormat().resolvedOptions().timeZone}`,
  offsetMinutesAt: (epochMs) => -new Date(epochMs).getTimezoneOffset(),
};

/** A calendar date, in local terms. */
export interface LocalDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

export interface LocalMoment {
  readonly date: LocalDate;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
  /** Minutes after local midnight, 0–1439. */
  readonly minute: number;
}

export const localMomentOf = (epochMs: number, clock: LocalClock): LocalMoment => {
  const wall = new Date(epochMs + clock.offsetMinutesAt(epochMs) * MINUTE_MS);
  return {
    date: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
    weekday: wall.getUTCDay(),
    minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
};

/** The date `days` after `date` (negative goes back); month and year roll over. */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
};

export const weekdayOf = (date: LocalDate): number => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

/**
 * The instant a local date + minute names. Minutes past 1439 roll into the
 * next day (1440 is the coming midnight). Across a DST change this resolves
 * like Temporal's 'compatible' disambiguation: a time skipped by the spring
 * change moves forward by the gap (02:30 → 03:30), and a time that happens
 * twice in autumn means the first one.
 */
export const epochOfLocal = (date: LocalDate, minute: number, clock: LocalClock): number => {
  const wallMs = Date.UTC(date.year, date.month - 1, date.day) + minute * MINUTE_MS;
  // Real zones change offset at most once within a day either side, so the
  // offsets a day before and a day after are the only candidates.
  const before = clock.offsetMinutesAt(wallMs - DAY_MS);
  const after = clock.offsetMinutesAt(wallMs + DAY_MS);
  const withBefore = wallMs - before * MINUTE_MS;
  const withAfter = wallMs - after * MINUTE_MS;
  const beforeHolds = clock.offsetMinutesAt(withBefore) === before;
  const afterHolds = clock.offsetMinutesAt(withAfter) === after;
  if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
  if (afterHolds) return withAfter;
  // Either the earlier offset holds, or the time falls in a spring-forward gap:
  // reading it with the earlier offset lands just after the gap, as intended.
  return withBefore;
};
