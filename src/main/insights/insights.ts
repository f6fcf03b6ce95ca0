import { type Entry, NEED_IDS, type NeedId, STATE_IDS, type StateId } from '../../shared/entry-schema';
import { bucketForSpan, type CapacityBucket, type CapacityLine, capacityLine } from './capacity-line';
import type { CheckInEntry } from './linked-follow-ups';
import { DAY_MS, dayNumberToKey, HOUR_MS, localDayNumber, MINUTE_MS, TIME_BLOCKS, type TimeBlock } from './local-time';
import { whatHelpedByState, type WhatHelpedForState, type WhatHelpedStep, whatHelpedSteps } from './what-helped-list';
import { answeredCount, buildWhatHelpsMap, MIN_ANSWERED_FOR_RANKING, type WhatHelpsOptions } from './what-helps';

/**
 * Everything the insights view draws, as plain data (arrays, numbers, ids:
 * safe to send over IPC and to test). No streaks, no "days in a row", no
 * better/worse: totals are counts of what happened, and flags tell the view
 * when to speak about a thin or empty period instead of drawing it.
 */

export interface InsightsOptions extends WhatHelpsOptions {
  /** The period, UTC epoch ms: from ≤ at < to (check-ins; follow-ups are linked wherever they fall). */
  from: number;
  to: number;
  /** For recency weighting. */
  now: number;
  /**
   * The viewer's offset now, only to name the period's first and last local day.
   * Entries always use their own offsets. Default: the newest entry's offset, else UTC.
   */
  offsetMinutes?: number;
  /** Default: by the span (daily ≤ 2 months, weekly ≤ 2 years, then monthly). */
  capacityBucket?: CapacityBucket;
  stepsPerState?: number;
}

/** Below this many check-ins a period's patterns are chance: the view says so kindly instead of charting them. */
export const SPARSE_CHECK_INS = 5;

export interface InsightFlags {
  /** No check-ins in the period. */
  empty: boolean;
  /** Some, but fewer than SPARSE_CHECK_INS. */
  sparse: boolean;
  /** Check-ins, but none named a state / a need / a capacity. */
  noStates: boolean;
  noNeeds: boolean;
  noCapacity: boolean;
  /** Too few answered follow-ups to show what helps (the same threshold as for re-ordering suggestions). */
  whatHelpsNotYet: boolean;
}

export interface StatesWhen {
  /** Columns: night 0–6, morning 6–12, afternoon 12–18, evening 18–24, local time where the entry was made. */
  blocks: readonly TimeBlock[];
  /** Rows: ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** [weekday row][block column] → check-ins there. */
  checkIns: number[][];
  /** Per state that showed up (in the usual state order): the same grid for that state. */
  byState: { state: StateId; total: number; cells: number[][] }[];
  /** The largest cell of `checkIns` (no state's cell can be larger), for one shared shading scale. */
  max: number;
}

export interface Insights {
  period: { from: number; to: number; firstDay: string; lastDay: string };
  /** Check-ins; those that chose a step; those whose step got an answer later (neutral counts, no rates). */
  totals: { checkIns: number; stepsChosen: number; followUps: number };
  flags: InsightFlags;
  statesWhen: StatesWhen;
  /** Most named first; ties in the usual order. Only those named at least once. */
  statesNamed: { state: StateId; count: number }[];
  needsNamed: { need: NeedId; count: number }[];
  whatHelped: WhatHelpedForState[];
  /** The same, over all check-ins of the period whatever the state. */
  whatHelpedOverall: WhatHelpedStep[];
  capacity: CapacityLine;
}

const GRID_CELLS = 7 * TIME_BLOCKS.length;
const STATE_INDEX = Object.fromEntries(STATE_IDS.map((id, i) => [id, i])) as Record<StateId, number>;
const NEED_INDEX = Object.fromEntries(NEED_IDS.map((id, i) => [id, i])) as Record<NeedId, number>;

const toGrid = (cells: Uint32Array): number[][] => Array.from({ length: 7 }, (_, row) => Array.from(cells.subarray(row * 4, row * 4 + 4)));

/** Counts by id, most first, ties in the ids' usual order, zeros dropped. */
const ranked = <K extends string>(ids: readonly K[], counts: readonly number[]): { id: K; count: number }[] =>
  ids
    .map((id, index) => ({ id, count: counts[index] ?? 0, index }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.index - b.index)
    .map(({ id, count }) => ({ id, count }));

const newestOffset = (entries: readonly Entry[]): number => {
  let newest: Entry | undefined;
  for (const entry of entries) if (!newest || entry.at > newest.at) newest = entry;
  return newest?.offsetMinutes ?? 0;
};

/** Pure: entries (any order, deleted ones already gone) → the insights for one period. */
export const computeInsights = (entries: readonly Entry[], options: InsightsOptions): Insights => {
  const { from, to, now } = options;
  const stateCounts = new Array<number>(STATE_IDS.length).fill(0);
  const needCounts = new Array<number>(NEED_IDS.length).fill(0);
  // Flat 7 × 4 grids (weekday row × block column): this loop runs over every check-in of the period.
  const checkInCells = new Uint32Array(GRID_CELLS);
  const stateCells = STATE_IDS.map(() => new Uint32Array(GRID_CELLS));
  const inPeriod: CheckInEntry[] = [];
  // The map links follow-ups to check-ins by id, wherever the follow-up falls (an answer may come after `to`).
  const forMap: Entry[] = [];
  let stepsChosen = 0;
  let withCapacity = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;

  for (const entry of entries) {
    if (entry.kind === 'follow-up') {
      forMap.push(entry);
      continue;
    }
    if (entry.at < from || entry.at >= to) continue;
    inPeriod.push(entry);
    forMap.push(entry);
    // Wall-clock day, weekday (Monday = 0) and six-hour block from the entry's OWN offset; inlined
    // (rather than local-time.ts's helpers) because this is the hottest loop of the insights view.
    const local = entry.at + entry.offsetMinutes * MINUTE_MS;
    const day = Math.floor(local / DAY_MS);
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    const cell = ((((day + 3) % 7) + 7) % 7) * 4 + Math.floor((local - day * DAY_MS) / (6 * HOUR_MS));
    checkInCells[cell] = (checkInCells[cell] ?? 0) + 1;
    for (const state of entry.data.states) {
      const i = STATE_INDEX[state];
      stateCounts[i] = (stateCounts[i] ?? 0) + 1;
      const cells = stateCells[i] as Uint32Array;
      cells[cell] = (cells[cell] ?? 0) + 1;
    }
    for (const need of entry.data.needs) {
      const i = NEED_INDEX[need];
      needCounts[i] = (needCounts[i] ?? 0) + 1;
    }
    if (entry.data.step) stepsChosen += 1;
    if (entry.data.capacity !== undefined) withCapacity += 1;
  }

  const viewerOffset = options.offsetMinutes ?? newestOffset(entries);
  // An entry made in another timezone can land a day outside the period's local days: widen to keep it.
  const firstDay = Math.min(minDay, localDayNumber({ at: from, offsetMinutes: viewerOffset }));
  const lastDay = Math.max(maxDay, localDayNumber({ at: Math.max(from, to - 1), offsetMinutes: viewerOffset }));

  const map = buildWhatHelpsMap(forMap, now, options.halfLifeDays === undefined ? {} : { halfLifeDays: options.halfLifeDays });
  const whatHelped = whatHelpedByState(map, options.stepsPerState);
  let answered = 0;
  let followUps = 0;
  for (const { counts } of map.overall.values()) {
    answered += answeredCount(counts);
    followUps += answeredCount(counts) + counts['did-not-get-to-it'];
  }

  const byState = STATE_IDS.map((state, i) => ({ state, total: stateCounts[i] ?? 0, cells: toGrid(stateCells[i] as Uint32Array) })).filter(
    (row) => row.total > 0,
  );

  const checkIns = inPeriod.length;
  return {
    period: { from, to, firstDay: dayNumberToKey(firstDay), lastDay: dayNumberToKey(lastDay) },
    totals: { checkIns, followUps, stepsChosen },
    flags: {
      empty: checkIns === 0,
      sparse: checkIns > 0 && checkIns < SPARSE_CHECK_INS,
      noStates: checkIns > 0 && byState.length === 0,
      noNeeds: checkIns > 0 && needCounts.every((count) => count === 0),
      noCapacity: checkIns > 0 && withCapacity === 0,
      whatHelpsNotYet: answered < MIN_ANSWERED_FOR_RANKING,
    },
    statesWhen: {
      blocks: TIME_BLOCKS,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      checkIns: toGrid(checkInCells),
      byState,
      max: Math.max(...checkInCells),
    },
    statesNamed: ranked(STATE_IDS, stateCounts).map(({ id, count }) => ({ state: id, count })),
    needsNamed: ranked(NEED_IDS, needCounts).map(({ id, count }) => ({ need: id, count })),
    whatHelped,
    whatHelpedOverall: whatHelpedSteps(map, map.overall, options.stepsPerState),
    capacity: capacityLine(inPeriod, firstDay, lastDay, options.capacityBucket ?? bucketForSpan(lastDay - firstDay + 1)),
  };
};
