import { describe, expect, test } from 'vitest';

import type { Entry } from '../../shared/entry-schema';
import { computeInsights, type Insights, SPARSE_CHECK_INS } from './insights';
import { checkIn, DAY, followUp, HOUR, MIN, T0, tried } from './testing/entry-builders';

/** Monday 2 March 2026 00:00 UTC to Monday 9 March: one week. */
const WEEK = { from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 9), now: Date.UTC(2026, 2, 9), offsetMinutes: 0 };
const MON = 0;
const TUE = 1;
const SUN = 6;
const [NIGHT, MORNING, AFTERNOON, EVENING] = [0, 1, 2, 3];

const cellOf = (insights: Insights, state: string, row: number, column: number): number =>
  insights.statesWhen.byState.find((s) => s.state === state)?.cells[row]?.[column] ?? 0;

describe('computeInsights: empty and sparse periods', () => {
  test('nothing in the period: flags say so, and every part is empty but drawable', () => {
    const insights = computeInsights([], WEEK);
    expect(insights.flags).toEqual({
      empty: true,
      sparse: false,
      noStates: false,
      noNeeds: false,
      noCapacity: false,
      whatHelpsNotYet: true,
    });
    expect(insights.totals).toEqual({ checkIns: 0, stepsChosen: 0, followUps: 0 });
    expect(insights.statesNamed).toEqual([]);
    expect(insights.whatHelped).toEqual([]);
    expect(insights.statesWhen.checkIns).toEqual(Array.from({ length: 7 }, () => [0, 0, 0, 0]));
    expect(insights.capacity.points).toHaveLength(7);
    expect(insights.capacity.points.every((p) => p.mean === null && p.count === 0)).toBe(true);
    expect(insights.period).toMatchObject({ firstDay: '2026-03-02', lastDay: '2026-03-08' });
  });

  test(`fewer than ${SPARSE_CHECK_INS} check-ins is sparse; parts with nothing named are flagged`, () => {
    const insights = computeInsights([checkIn('check00001', T0), checkIn('check00002', T0 + HOUR)], WEEK);
    expect(insights.flags).toMatchObject({
      empty: false,
      sparse: true,
      noStates: true,
      noNeeds: true,
      noCapacity: true,
      whatHelpsNotYet: true,
    });
  });

  test('only check-ins in [from, to) count; answers are linked wherever they fall', () => {
    const entries = [
      checkIn('before0001', WEEK.from - 1, { states: ['fight'] }),
      checkIn('first00001', WEEK.from, { states: ['freeze'], step: { id: 'drink-water', text: 'w' } }),
      checkIn('after00001', WEEK.to, { states: ['fight'] }),
      followUp('answer0001', 'first00001', WEEK.to + HOUR, 'helped'),
    ];
    const insights = computeInsights(entries, WEEK);
    expect(insights.totals).toEqual({ checkIns: 1, stepsChosen: 1, followUps: 1 });
    expect(insights.statesNamed).toEqual([{ state: 'freeze', count: 1 }]);
    expect(insights.whatHelped[0]?.steps[0]?.counts.helped).toBe(1);
  });

  test('a deleted check-in’s follow-up is left out', () => {
    const insights = computeInsights([followUp('orphan0001', 'deleted001', T0, 'helped')], WEEK);
    expect(insights.totals.followUps).toBe(0);
    expect(insights.whatHelpedOverall).toEqual([]);
  });
});

describe('computeInsights: when states show up, in each entry’s own local time', () => {
  test('the same UTC instant lands where it was lived', () => {
    const at = Date.UTC(2026, 2, 2, 22, 30); // Monday 22:30 UTC
    const entries = [
      checkIn('berlin0001', at, { states: ['freeze'] }, 120), // Tuesday 00:30 local → night, Tuesday
      checkIn('newyork001', at, { states: ['fawn'] }, -300), // Monday 17:30 local → afternoon, Monday
      checkIn('utc0000001', at, { states: ['fight'] }, 0), // Monday 22:30 → evening
    ];
    const insights = computeInsights(entries, WEEK);
    expect(cellOf(insights, 'freeze', TUE, NIGHT)).toBe(1);
    expect(cellOf(insights, 'fawn', MON, AFTERNOON)).toBe(1);
    expect(cellOf(insights, 'fight', MON, EVENING)).toBe(1);
    expect(insights.statesWhen.checkIns[MON]?.[EVENING]).toBe(1);
    expect(insights.statesWhen.max).toBe(1);
  });

  test('a later timezone change does not move earlier entries', () => {
    const before = [checkIn('home000001', Date.UTC(2026, 2, 2, 7, 0), { states: ['flight'] }, 60)]; // 08:00 Monday at home
    const after = [...before, checkIn('away000001', Date.UTC(2026, 2, 5, 7, 0), { states: ['flight'] }, -300)]; // 02:00 Thursday away
    expect(cellOf(computeInsights(before, WEEK), 'flight', MON, MORNING)).toBe(1);
    const moved = computeInsights(after, { ...WEEK, offsetMinutes: -300 });
    expect(cellOf(moved, 'flight', MON, MORNING)).toBe(1);
    expect(cellOf(moved, 'flight', 3, NIGHT)).toBe(1);
  });

  test('DST: the spring-forward Sunday keeps hours where the clock showed them', () => {
    const period = { from: Date.UTC(2026, 2, 23), to: Date.UTC(2026, 2, 30), now: Date.UTC(2026, 2, 30), offsetMinutes: 120 };
    const entries = [
      checkIn('dst0000001', Date.UTC(2026, 2, 29, 0, 30), { states: ['freeze'], capacity: 2 }, 60), // 01:30 CET, before the switch
      checkIn('dst0000002', Date.UTC(2026, 2, 29, 5, 30), { states: ['settled'], capacity: 4 }, 120), // 07:30 CEST, after
      checkIn('dst0000003', Date.UTC(2026, 2, 29, 21, 30), { states: ['fight'], capacity: 3 }, 120), // 23:30 CEST, still Sunday
    ];
    const insights = computeInsights(entries, { ...period, capacityBucket: 'day' });
    expect(cellOf(insights, 'freeze', SUN, NIGHT)).toBe(1);
    expect(cellOf(insights, 'settled', SUN, MORNING)).toBe(1);
    expect(cellOf(insights, 'fight', SUN, EVENING)).toBe(1);
    expect(insights.capacity.points.find((p) => p.start === '2026-03-29')).toEqual({ start: '2026-03-29', mean: 3, count: 3 });
  });

  test('an entry made in another timezone widens the period by the day it was lived', () => {
    const entries = [checkIn('early00001', WEEK.from + 30 * MIN, { capacity: 3 }, -300)]; // Sunday 1 March, 19:30 local
    const insights = computeInsights(entries, WEEK);
    expect(insights.period.firstDay).toBe('2026-03-01');
    expect(insights.capacity.points[0]).toEqual({ start: '2026-03-01', mean: 3, count: 1 });
  });
});

describe('computeInsights: counts', () => {
  const entries: Entry[] = [
    checkIn('c000000001', T0, { states: ['freeze', 'withdrawal'], needs: ['rest', 'safety'] }),
    checkIn('c000000002', T0 + HOUR, { states: ['freeze'], needs: ['safety'] }),
    checkIn('c000000003', T0 + 2 * HOUR, { states: ['fight'], needs: ['space', 'rest'] }),
    checkIn('c000000004', T0 + 3 * HOUR, { states: ['fawn'], needs: ['quiet'] }),
  ];

  test('states and needs most named first; ties keep the usual order', () => {
    const insights = computeInsights(entries, WEEK);
    expect(insights.statesNamed).toEqual([
      { state: 'freeze', count: 2 },
      { state: 'fight', count: 1 },
      { state: 'fawn', count: 1 },
      { state: 'withdrawal', count: 1 },
    ]);
    expect(insights.needsNamed).toEqual([
      { need: 'safety', count: 2 },
      { need: 'rest', count: 2 },
      { need: 'space', count: 1 },
      { need: 'quiet', count: 1 },
    ]);
  });

  test('what helped, per state: plain counts, most helpful first, own steps in the person’s words', () => {
    const water = { id: 'drink-water', text: 'w' };
    const history = [
      ...tried(1, T0, { states: ['freeze'], step: water }, 'helped'),
      ...tried(2, T0 + DAY, { states: ['freeze'], step: water }, 'not-really'),
      ...tried(3, T0 + 2 * DAY, { states: ['freeze'], step: { text: 'Pet the cat.' } }, 'helped'),
      ...tried(4, T0 + 3 * DAY, { states: ['freeze'], step: { text: 'pet the cat' } }, 'a-bit'),
      ...tried(5, T0 + 3 * DAY, { states: ['freeze'], step: { id: 'feet-on-floor', text: 'f' } }, null),
      ...tried(6, T0 + 3 * DAY, { states: ['fight'], step: water }, 'did-not-get-to-it'),
    ];
    const insights = computeInsights(history, WEEK);
    const freeze = insights.whatHelped.find((s) => s.state === 'freeze');
    expect(freeze?.answered).toBe(4);
    expect(freeze?.steps.map((s) => [s.key, s.stepId, s.ownText])).toEqual([
      ['own:pet the cat', null, 'pet the cat'],
      ['drink-water', 'drink-water', null],
    ]);
    expect(freeze?.steps[1]?.counts).toEqual({ helped: 1, 'a-bit': 0, 'not-really': 1, 'did-not-get-to-it': 0, 'no-follow-up': 0 });
    expect(insights.whatHelped.find((s) => s.state === 'fight')?.steps[0]?.counts['did-not-get-to-it']).toBe(1);
    expect(insights.flags.whatHelpsNotYet).toBe(false);
    expect(insights.totals).toEqual({ checkIns: 6, stepsChosen: 6, followUps: 5 });
  });

  test('plain data: survives JSON, and says nothing about streaks, scores or rows of days', () => {
    const insights = computeInsights(entries, WEEK);
    const json = JSON.stringify(insights);
    expect(JSON.parse(json)).toEqual(insights);
    expect(json).not.toMatch(/streak|score|inARow|in-a-row|best|worst|better|worse/i);
  });
});

describe('computeInsights: capacity as a gentle line', () => {
  test('daily means with their counts, and gaps (not zeros) where nothing was noted', () => {
    const entries = [
      checkIn('cap0000001', Date.UTC(2026, 2, 2, 8), { capacity: 2 }),
      checkIn('cap0000002', Date.UTC(2026, 2, 2, 20), { capacity: 3 }),
      checkIn('cap0000003', Date.UTC(2026, 2, 4, 12), { capacity: 5 }),
      checkIn('cap0000004', Date.UTC(2026, 2, 4, 13)),
    ];
    const { capacity } = computeInsights(entries, WEEK);
    expect(capacity.bucket).toBe('day');
    expect(capacity.points.slice(0, 4)).toEqual([
      { start: '2026-03-02', mean: 2.5, count: 2 },
      { start: '2026-03-03', mean: null, count: 0 },
      { start: '2026-03-04', mean: 5, count: 1 },
      { start: '2026-03-05', mean: null, count: 0 },
    ]);
  });

  test('weekly (Monday starts) past two months, monthly past two years', () => {
    const from = Date.UTC(2026, 0, 1); // a Thursday
    const weekly = computeInsights([checkIn('cap0000001', Date.UTC(2026, 0, 4, 12), { capacity: 4 })], {
      from,
      to: from + 90 * DAY,
      now: from,
      offsetMinutes: 0,
    });
    expect(weekly.capacity.bucket).toBe('week');
    expect(weekly.capacity.points[0]).toEqual({ start: '2025-12-29', mean: 4, count: 1 });
    const monthly = computeInsights([checkIn('cap0000002', Date.UTC(2026, 1, 10), { capacity: 1 })], {
      from,
      to: from + 800 * DAY,
      now: from,
      offsetMinutes: 0,
    });
    expect(monthly.capacity.bucket).toBe('month');
    expect(monthly.capacity.points.slice(0, 2)).toEqual([
      { start: '2026-01-01', mean: null, count: 0 },
      { start: '2026-02-01', mean: 1, count: 1 },
    ]);
    expect(monthly.capacity.points).toHaveLength(27);
  });
});
