import { capacityCopy } from '../../../../shared/copy';
import type { PeriodChoice } from '../../../../shared/copy/insights-copy';
import type { ResponseOf } from '../../../../shared/ipc/contract';

/**
 * Pure helpers for the insights view: which period a choice means, how a
 * count maps to a shade, how the capacity line breaks at gaps. No DOM, so
 * they are tested on their own.
 */
export type InsightsData = ResponseOf<'insights.get'>;
export type CapacityPoint = InsightsData['capacity']['points'][number];

const DAY_MS = 86_400_000;

/** Local midnight of the day `daysBack` days before the day of `now`. */
const localMidnight = (now: number, daysBack: number): number => {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - daysBack);
  return d.getTime();
};

/** "2026-11-02" (a date input's value) → local midnight of that day, or undefined when empty or unreadable. */
const dateInputToMs = (value: string): number | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const ms = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
};

export interface CustomDates {
  from: string;
  to: string;
}

/**
 * A choice → the request for insights.get: whole local days, today included
 * ("last 7 days" is today and the six before). `to` left out means "up to now";
 * `from` left out means "from the first check-in".
 */
export const periodRequest = (choice: PeriodChoice, now: number, custom: CustomDates): { from?: number; to?: number } => {
  if (choice === 'week') return { from: localMidnight(now, 6) };
  if (choice === 'month') return { from: localMidnight(now, 29) };
  if (choice === 'quarter') {
    const d = new Date(localMidnight(now, 0));
    d.setMonth(d.getMonth() - 3);
    d.setDate(d.getDate() + 1);
    return { from: d.getTime() };
  }
  if (choice === 'all') return {};
  let from = dateInputToMs(custom.from);
  let to = dateInputToMs(custom.to);
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  // The end date is included: the period runs to the next local midnight.
  const end = to === undefined ? undefined : new Date(to + DAY_MS / 2).setHours(24, 0, 0, 0);
  return { ...(from === undefined ? {} : { from }), ...(end === undefined ? {} : { to: end }) };
};

/** A date input's value for a local day ("2026-11-23"). */
export const dateInputValue = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Five shades: 0 for none, then four steps of the largest cell (so one busy cell does not wash out the rest). */
export const SHADES = 4;
export const shadeLevel = (count: number, max: number): number =>
  count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((count / max) * SHADES));

/** "2026-11-23" → "23 Nov 2026" (or the locale's way), read as a calendar day wherever the viewer is. */
export const formatDayKey = (
  key: string,
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' },
): string => {
  const date = new Date(`${key}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return key;
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(date);
  }
};

/** A mean capacity (1–5) as the nearest of the check-in's own words: a feeling in words, not a number to grade. */
export const capacityWord = (mean: number): string => capacityCopy[Math.min(5, Math.max(1, Math.round(mean))) as 1 | 2 | 3 | 4 | 5];

export interface LinePoint {
  x: number;
  y: number;
}

/**
 * The capacity line as runs of consecutive answered buckets: a gap (no
 * answer) breaks the line rather than dropping it to zero. A run of one is a
 * dot. x spreads the buckets across `width`; y puts max at the top.
 */
export const capacityRuns = (points: readonly CapacityPoint[], width: number, height: number, min = 1, max = 5): LinePoint[][] => {
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const runs: LinePoint[][] = [];
  let run: LinePoint[] = [];
  points.forEach((point, index) => {
    if (point.mean === null) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    const x = points.length > 1 ? index * step : width / 2;
    const y = height - ((point.mean - min) / (max - min)) * height;
    run.push({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
  });
  if (run.length) runs.push(run);
  return runs;
};

/** An SVG path through a run: gentle curves (monotone in x), so the line reads as a shape, not as steps to judge. */
export const smoothPath = (run: readonly LinePoint[]): string => {
  const [first, ...rest] = run;
  if (!first) return '';
  let d = `M${first.x} ${first.y}`;
  let previous = first;
  for (const point of rest) {
    const mid = (previous.x + point.x) / 2;
    d += ` C${mid} ${previous.y} ${mid} ${point.y} ${point.x} ${point.y}`;
    previous = point;
  }
  return d;
};

/** Label positions along the x axis: first, last and a few between, never crowded. */
export const axisTicks = (count: number, most = 5): number[] => {
  if (count <= 0) return [];
  if (count <= most) return Array.from({ length: count }, (_, i) => i);
  const ticks = new Set<number>();
  for (let i = 0; i < most; i += 1) ticks.add(Math.round((i * (count - 1)) / (most - 1)));
  return [...ticks];
};
