import { DEFAULT_FOLLOW_UP_SETTINGS, pendingFollowUp } from '../src/main/insights/follow-up';
import { computeInsights } from '../src/main/insights/insights';
import { generateHistory } from '../src/main/insights/testing/history-generator';
import { buildTherapistSummary, renderSummaryHtml } from '../src/main/insights/therapist-summary';
import { buildWhatHelpsMap, stepScoresFor } from '../src/main/insights/what-helps';
import type { Entry } from '../src/shared/entry-schema';
import { suggestSteps } from '../src/shared/steps/suggest-steps';
import { type BenchRow, percentile, timeMs } from './bench-row';

/**
 * Issue 7 part 5: the what-helps map and every insight, over the whole
 * history, for 10k and 100k entries of a realistic generated history
 * (seeded; 3–5 check-ins a day, ~60% answered later, DST and a trip abroad).
 * The baseline, timed on the same entries in the same run, is the least any
 * insight can cost: one pass that only counts states.
 */
const DAY_MS = 86_400_000;
/** V8 needs ~20 calls to settle its optimised code for these loops; the first call is reported on its own. */
const WARMUP = 20;

const median = (samples: number[]): number =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

const repeat = (runs: number, fn: () => void): number => {
  for (let i = 0; i < WARMUP; i += 1) fn();
  return median(Array.from({ length: runs }, () => timeMs(fn)));
};

/** The floor: one pass over the entries counting states, nothing linked, weighted or bucketed. */
const countStatesOnly = (entries: readonly Entry[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const entry of entries) {
    if (entry.kind !== 'check-in') continue;
    for (const state of entry.data.states) counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
};

let sink = 0;

const figuresFor = (size: number, targetMs: number, runs: number, cold: boolean): BenchRow[] => {
  const entries = generateHistory({ entries: size, seed: 7 });
  const first = entries[0]?.at ?? 0;
  const now = (entries.at(-1)?.at ?? 0) + 3_600_000;
  const label = size >= 1000 ? `${size / 1000}k` : String(size);
  const all = { from: first, to: now, now };

  const mapAndInsights = () => {
    const map = buildWhatHelpsMap(entries, now);
    const insights = computeInsights(entries, all);
    sink += map.overall.size + insights.totals.checkIns;
  };
  // The first call in the process: what opening insights costs right after start-up.
  const firstCall = timeMs(mapAndInsights);
  const both = repeat(runs, mapAndInsights);
  const baseline = repeat(runs, () => {
    sink += Object.keys(countStatesOnly(entries)).length;
  });
  const mapOnly = repeat(runs, () => {
    sink += buildWhatHelpsMap(entries, now).overall.size;
  });
  const lastNinety = repeat(runs, () => {
    sink += computeInsights(entries, { from: now - 90 * DAY_MS, to: now, now }).totals.checkIns;
  });

  // What the popover does on each open: the pending question, then scores → three suggestions.
  const map = buildWhatHelpsMap(entries, now);
  const perOpen = repeat(runs, () => {
    for (let i = 0; i < 100; i += 1) {
      const scores = stepScoresFor(map, { states: ['freeze'], needs: ['safety', 'comfort'] });
      sink += suggestSteps({ states: ['freeze'], needs: ['safety', 'comfort'] }, scores).length;
    }
  });
  const pending = repeat(runs, () => {
    sink += pendingFollowUp(entries, now, DEFAULT_FOLLOW_UP_SETTINGS) ? 1 : 0;
  });
  const summary = repeat(runs, () => {
    const model = buildTherapistSummary(entries, {
      from: now - 30 * DAY_MS,
      to: now,
      include: { states: true, needs: true, whatHelped: true, notes: true },
      locale: 'en-GB',
    });
    sink += renderSummaryHtml(model).length;
  });

  const group = 'insights';
  return [
    {
      group,
      name: `map + all insights, whole history, ${label} entries (p50 of ${runs})`,
      value: both,
      unit: 'ms',
      target: `≤ ${targetMs} ms`,
      meets: both <= targetMs,
      ratio: { value: both / baseline, against: 'one pass counting states' },
    },
    { group, name: `  first call of the process${cold ? ' (cold: code not yet optimised)' : ''}, ${label}`, value: firstCall, unit: 'ms' },
    { group, name: `  of which buildWhatHelpsMap, ${label}`, value: mapOnly, unit: 'ms' },
    { group, name: `baseline: one pass counting states, ${label}`, value: baseline, unit: 'ms' },
    { group, name: `computeInsights, last 90 days of ${label}`, value: lastNinety, unit: 'ms' },
    { group, name: `popover open: stepScoresFor + suggestSteps, ${label}`, value: (perOpen / 100) * 1000, unit: 'µs' },
    { group, name: `popover open: pendingFollowUp, ${label}`, value: pending, unit: 'ms' },
    { group, name: `therapist summary (30 days, all parts) build + HTML, ${label}`, value: summary, unit: 'ms' },
  ];
};

export default async function (): Promise<BenchRow[]> {
  const rows = [...figuresFor(10_000, 20, 25, true), ...figuresFor(100_000, 200, 9, false)];
  if (sink === -1) console.error(sink);
  return rows;
}
