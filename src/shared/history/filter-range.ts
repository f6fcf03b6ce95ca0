import type { StateId } from '../entry-ids';

export interface HistoryFilters {
  /** "YYYY-MM-DD" in the reader's local time, or '' for open-ended. */
  from: string;
  to: string;
  state: StateId | '';
}

/** Pure: local calendar dates → the UTC epoch-ms range the vault lists by ("to" includes the whole day). */
export const rangeFromFilters = (filters: HistoryFilters): { from?: number; to?: number } => {
  // Local midnight of that day, or of the next one (a day can be 23 or 25 hours long across DST).
  const startOfLocalDay = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d + plusDays).getTime();
  };
  return {
    ...(filters.from ? { from: startOfLocalDay(filters.from) } : {}),
    ...(filters.to ? { to: startOfLocalDay(filters.to, 1) } : {}),
  };
};

/** Pure: the whole list request for a page of History: check-ins only, the chosen state and days, filtered in main. */
export const listQueryFromFilters = (filters: HistoryFilters): { kind: 'check-in'; state?: StateId; from?: number; to?: number } => ({
  kind: 'check-in',
  ...(filters.state ? { state: filters.state } : {}),
  ...rangeFromFilters(filters),
});
