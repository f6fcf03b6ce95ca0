import { stepCopy } from '../../../shared/copy';
import type { CheckInData, Entry, NeedId, OutcomeId, StateId } from '../../../shared/entry-schema';
import { suggestSteps } from '../../../shared/steps/suggest-steps';
import { DAY_MS, HOUR_MS, MINUTE_MS, weekdayOfDay } from '../local-time';
import { offsetAt, type Zone } from './zone-offsets';

/**
 * Realistic synthetic histories for the bench, the browser harness ("three
 * months of data") and screenshots. Seeded, so the same options always give
 * the same entries. The person it imitates: three to five check-ins a day at
 * the hours people have them, states that lean on the time of day (freeze in
 * the evening, fawn at work), capacity drifting with the seasons, steps that
 * help some states more than others, about 60% of steps answered later, and
 * life's gaps (days without a check-in, a week away, a trip across zones).
 */

export interface HistoryOptions {
  seed?: number;
  /** Keep the newest this-many entries (check-ins and follow-ups together). */
  entries?: number;
  /** Or: this many days of history (used when `entries` is not given; default 90). */
  days?: number;
  /** The end of the last day, UTC ms. Default: a fixed date, so output does not depend on the clock. */
  end?: number;
  checkInsPerDay?: readonly [number, number];
  /** Share of all check-ins answered later (only those with a step can be; ~87% have one). Default 0.6. */
  followUpRate?: number;
  /** Home timezone rules (DST included); trips go to the other one. */
  home?: Zone;
}

export const DEFAULT_HISTORY_END = Date.UTC(2026, 10, 23, 0, 0, 0);

/** mulberry32: tiny, fast, and good enough for test data. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const weighted = <T>(random: Random, table: readonly (readonly [T, number])[]): T => {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [item, w] of table) if ((r -= w) < 0) return item;
  return (table.at(-1) as readonly [T, number])[0];
};

/** Fisher–Yates on a copy. */
const shuffle = <T>(random: Random, items: readonly T[]): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Local hour of each check-in slot: morning, midday, afternoon, evening, late; sometimes a night waking. */
const SLOTS: readonly (readonly [number, number])[] = [
  [7.5, 9.5],
  [12, 13.5],
  [15.5, 18],
  [20, 22.5],
  [22.5, 23.8],
];

const STATES_BY_HOUR = (hour: number, workday: boolean): readonly (readonly [StateId, number])[] => {
  if (hour < 6)
    return [
      ['freeze', 4],
      ['fight', 2],
      ['flight', 3],
      ['withdrawal', 2],
      ['not-sure', 1],
    ];
  if (hour < 12)
    return [
      ['flight', 4],
      ['settled', 3],
      ['fawn', workday ? 3 : 1],
      ['freeze', 1],
      ['not-sure', 1],
    ];
  if (hour < 18)
    return [
      ['fawn', workday ? 4 : 1],
      ['fight', 2],
      ['flight', 2],
      ['settled', 3],
      ['not-sure', 1],
    ];
  return [
    ['freeze', 4],
    ['withdrawal', 3],
    ['settled', 2],
    ['fight', 1],
    ['not-sure', 1],
  ];
};

const NEEDS_BY_STATE: Record<StateId, readonly (readonly [NeedId, number])[]> = {
  fight: [
    ['space', 4],
    ['movement', 3],
    ['quiet', 2],
    ['safety', 1],
  ],
  flight: [
    ['safety', 3],
    ['quiet', 3],
    ['rest', 2],
    ['movement', 2],
  ],
  freeze: [
    ['safety', 4],
    ['comfort', 3],
    ['movement', 2],
    ['connection', 1],
  ],
  fawn: [
    ['space', 4],
    ['help', 2],
    ['rest', 2],
    ['connection', 1],
  ],
  withdrawal: [
    ['connection', 3],
    ['comfort', 3],
    ['rest', 2],
    ['help', 1],
  ],
  settled: [
    ['food-water', 3],
    ['rest', 2],
    ['connection', 2],
    ['something-else', 1],
  ],
  'not-sure': [
    ['comfort', 2],
    ['safety', 2],
    ['food-water', 2],
    ['something-else', 2],
  ],
};

const CAPACITY_BY_STATE: Record<StateId, number> = {
  fight: 2.5,
  flight: 2.5,
  freeze: 1.8,
  fawn: 2.8,
  withdrawal: 2,
  settled: 4.2,
  'not-sure': 3,
};

/** Own steps, written a little differently each time (case, spaces, a full stop), as people do. */
const OWN_STEPS = [
  ['Make tea', 'make tea.', 'Make  tea'],
  ['Pet the cat', 'pet the cat'],
  ['Text my sister', 'text my sister.'],
  ['Put on music'],
];
const NOTES = [
  'Long meeting.',
  'Slept badly.',
  'Call with mum went okay.',
  'Too loud in the office.',
  'Quiet evening.',
  'Hard to say no again.',
];
const INSTEAD = ['Kept working.', 'Got interrupted.', 'Scrolled for a while.', 'Lay down instead.'];

/** Share of check-ins that choose a step (built-in or own). */
const STEP_SHARE = 0.87;

/** How likely a step is to help in a state: a steady hidden "truth" the answers are drawn from. */
const helpfulness = (step: string, states: readonly StateId[]): number => {
  let base = 0.45 + ((step.length * 7) % 10) / 40;
  if (states.includes('freeze') && ['name-five-things', 'warm-something', 'feet-on-floor'].includes(step)) base += 0.25;
  if (states.includes('withdrawal') && ['message-someone-safe', 'say-struggling'].includes(step)) base += 0.25;
  if (states.includes('fight') && ['short-walk', 'stretch-or-shake'].includes(step)) base += 0.2;
  if (states.includes('fawn') && step === 'one-small-no') base -= 0.2;
  return Math.min(0.9, Math.max(0.1, base));
};

const outcomeFor = (random: Random, p: number): OutcomeId => {
  const r = random();
  if (r < 0.12) return 'did-not-get-to-it';
  const q = random();
  return q < p * 0.65 ? 'helped' : q < p ? 'a-bit' : 'not-really';
};

const checkInData = (random: Random, hour: number, workday: boolean, season: number): CheckInData => {
  const count = weighted(random, [
    [1, 70],
    [2, 25],
    [0, 5],
  ] as const);
  const states = new Set<StateId>();
  while (states.size < count) states.add(weighted(random, STATES_BY_HOUR(hour, workday)));
  const stateList = [...states];
  const first = stateList[0] ?? 'not-sure';
  const needs = new Set<NeedId>([weighted(random, NEEDS_BY_STATE[first])]);
  if (random() < 0.35) needs.add(weighted(random, NEEDS_BY_STATE[pick(random, stateList.length ? stateList : ['not-sure' as const])]));
  const data: CheckInData = { states: stateList, needs: [...needs] };
  if (random() < 0.7) data.driver = first === 'settled' ? 'observing' : random() < 0.8 ? 'reacting' : 'observing';
  if (random() < 0.8) data.capacity = Math.min(5, Math.max(1, Math.round(CAPACITY_BY_STATE[first] + season + (random() - 0.5) * 1.6)));
  if (needs.has('something-else')) data.needText = 'To feel less on show';
  const r = random();
  if (r < STEP_SHARE - 0.15) {
    const options = suggestSteps({ states: stateList, needs: data.needs });
    const step = pick(random, options);
    data.step = { id: step.id, text: stepCopy[step.id] ?? step.id };
  } else if (r < STEP_SHARE) {
    data.step = { text: pick(random, pick(random, OWN_STEPS)) };
  }
  if (random() < 0.15) data.note = pick(random, NOTES);
  return data;
};

/** Pure: a seeded, realistic history, oldest first. */
export const generateHistory = (options: HistoryOptions = {}): Entry[] => {
  const random = seededRandom(options.seed ?? 1);
  const [minPerDay, maxPerDay] = options.checkInsPerDay ?? [3, 5];
  const answerGivenStep = Math.min(1, (options.followUpRate ?? 0.6) / STEP_SHARE);
  const home: Zone = options.home ?? 'europe-berlin';
  const end = options.end ?? DEFAULT_HISTORY_END;
  // Mean check-ins a day (a few days off), each with ~followUpRate answers (2% answered twice): entries a day.
  const perDay = ((minPerDay + maxPerDay) / 2) * 0.9 * (1 + STEP_SHARE * answerGivenStep * 1.02);
  const days = options.entries === undefined ? (options.days ?? 90) : Math.ceil((options.entries / perDay) * 1.1) + 7;
  const entries: Entry[] = [];
  let serial = 0;
  const id = () => `g${(serial++).toString(36).padStart(9, '0')}`;

  for (let d = days; d >= 1; d -= 1) {
    const dayStart = end - d * DAY_MS;
    if (random() < 0.08 || (d % 120 < 7 && d > 14)) continue; // a day off; a week away every four months
    const travelling = d % 200 < 10 && d > 20;
    const zone: Zone = travelling ? (home === 'europe-berlin' ? 'america-new-york' : 'europe-berlin') : home;
    const season = 0.5 * Math.sin((2 * Math.PI * (dayStart / DAY_MS)) / 365);
    const workday = weekdayOfDay(Math.floor(dayStart / DAY_MS)) < 5;
    const count = minPerDay + Math.floor(random() * (maxPerDay - minPerDay + 1));
    const slots = shuffle(random, SLOTS).slice(0, count);
    if (random() < 0.05) slots.push([2, 4]);
    for (const [lo, hi] of slots.sort((a, b) => a[0] - b[0])) {
      const hour = lo + random() * (hi - lo);
      // Local midnight is UTC midnight minus the offset; the stored offset is the one in force at `at` (DST included).
      const at = Math.round(dayStart + hour * HOUR_MS - offsetAt(zone, dayStart + hour * HOUR_MS) * MINUTE_MS);
      const offset = offsetAt(zone, at);
      const data = checkInData(random, hour, workday, season);
      const checkIn: Entry = { id: id(), at, offsetMinutes: offset, kind: 'check-in', data };
      entries.push(checkIn);
      if (!data.step || random() >= answerGivenStep) continue;
      const stepKey = data.step.id ?? data.step.text.toLowerCase();
      const answers = random() < 0.02 ? 2 : 1;
      for (let a = 0; a < answers; a += 1) {
        const answerAt = at + (20 + random() * 70 + a * 120) * MINUTE_MS;
        const outcome = outcomeFor(random, helpfulness(stepKey, data.states));
        const instead = outcome === 'did-not-get-to-it' && random() < 0.3 ? { instead: pick(random, INSTEAD) } : {};
        entries.push({
          id: id(),
          at: Math.round(answerAt),
          offsetMinutes: offsetAt(zone, answerAt),
          kind: 'follow-up',
          data: { checkInId: checkIn.id, outcome, ...instead },
        });
      }
    }
  }
  entries.sort((a, b) => a.at - b.at);
  return options.entries === undefined ? entries : entries.slice(-options.entries);
};
