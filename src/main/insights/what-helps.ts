import { type Entry, NEED_IDS, type NeedId, STATE_IDS, type StateId } from '../../shared/entry-schema';
import { latestAnswers } from './linked-follow-ups';
import { DAY_MS } from './local-time';
import { isOwnStepKey, stepKeyOf } from './step-key';
import { emptyCounts, type StepTallies, type StepTally, TALLY_KEYS, type TallyKey, type WhatHelpsMap } from './what-helps-tally';

export type { StepContext, StepExplanation, StepScoreOptions } from './what-helps-ranking';
export { explainStep, MIN_ANSWERED_FOR_RANKING, MIN_ANSWERED_TO_EXPLAIN, OUTCOME_VALUE, stepScoresFor } from './what-helps-ranking';
export type { OutcomeCounts, StepTallies, StepTally, TallyKey, WhatHelpsMap } from './what-helps-tally';
export { answeredCount, emptyCounts, TALLY_KEYS } from './what-helps-tally';

/**
 * The personal "what helps me" map: for each state, each need and overall,
 * how each small step went after it was chosen. It is a record of the person's
 * own answers, never a score of the person. Ranking and the "helped you 4 of 5
 * times" data are read from it in what-helps-ranking.ts.
 */

/**
 * Recency: an answer from 30 days ago counts half as much as one from today,
 * from 60 days a quarter. People change, and what helped during a hard winter
 * may not be what helps now — but a month is long enough that one odd week
 * does not overturn what has held for a while. Plain counts stay unweighted.
 */
export const DEFAULT_HALF_LIFE_DAYS = 30;

export interface WhatHelpsOptions {
  halfLifeDays?: number;
}

/**
 * Sections of the map as small integers (0 = overall, then states, then needs)
 * and outcomes as column numbers: the build loop runs over every check-in ever
 * made, so it adds into flat number arrays instead of looking up nested maps
 * and objects; the tallies are made into objects once, at the end.
 */
const STATE_SECTION = Object.fromEntries(STATE_IDS.map((id, i) => [id, 1 + i])) as Record<StateId, number>;
const NEED_SECTION = Object.fromEntries(NEED_IDS.map((id, i) => [id, 1 + STATE_IDS.length + i])) as Record<NeedId, number>;
const SECTIONS = 1 + STATE_IDS.length + NEED_IDS.length;
const COLUMN = Object.fromEntries(TALLY_KEYS.map((key, i) => [key, i])) as Record<TallyKey, number>;
const NO_FOLLOW_UP = COLUMN['no-follow-up'];
/** Per step in a section: 5 plain counts, 5 weighted counts, lastAt. */
const STRIDE = 2 * TALLY_KEYS.length + 1;

const tallyFrom = (key: string, row: readonly number[], base: number): StepTally => {
  const counts = emptyCounts();
  const weighted = emptyCounts();
  TALLY_KEYS.forEach((outcome, i) => {
    counts[outcome] = row[base + i] ?? 0;
    weighted[outcome] = row[base + TALLY_KEYS.length + i] ?? 0;
  });
  return { key, counts, weighted, lastAt: row[base + STRIDE - 1] ?? 0 };
};

/**
 * Pure: entries (any order; deleted ones already left out by the vault) →
 * the map at `now`. Each check-in with a step counts once overall, once under
 * each of its states and once under each of its needs, with the outcome of
 * its latest follow-up (or "no-follow-up").
 */
export const buildWhatHelpsMap = (entries: readonly Entry[], now: number, options: WhatHelpsOptions = {}): WhatHelpsMap => {
  const halfLifeDays = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  const answers = latestAnswers(entries);
  // ln 2 / half-life: weight = e^(-λ·age) is 0.5 at one half-life (Math.exp is cheaper than Math.pow).
  const lambda = Math.LN2 / (halfLifeDays * DAY_MS);
  const keys: string[] = [];
  const indexOfKey = new Map<string, number>();
  const rows: number[][] = Array.from({ length: SECTIONS }, () => []);
  const ownStepText = new Map<string, { text: string; at: number }>();
  // Normalising own-step text is the costly part; people reuse their own words, so each raw text is normalised once.
  const keyByRawText = new Map<string, string | null>();

  const add = (section: number, base: number, column: number, weight: number, at: number): void => {
    const row = rows[section] as number[];
    // A new step: grow the row with zeros (lastAt starts at -Infinity so any time is later).
    while (row.length < base + STRIDE) row.push(row.length % STRIDE === STRIDE - 1 ? -Infinity : 0);
    row[base + column] = (row[base + column] as number) + 1;
    row[base + TALLY_KEYS.length + column] = (row[base + TALLY_KEYS.length + column] as number) + weight;
    if (at > (row[base + STRIDE - 1] as number)) row[base + STRIDE - 1] = at;
  };

  for (const entry of entries) {
    if (entry.kind !== 'check-in') continue;
    const step = entry.data.step;
    if (!step) continue;
    let key: string | null;
    if (step.id) key = step.id;
    else {
      const known = keyByRawText.get(step.text);
      key = known === undefined ? stepKeyOf(step) : known;
      if (known === undefined) keyByRawText.set(step.text, key);
      if (key && isOwnStepKey(key)) {
        const seen = ownStepText.get(key);
        if (!seen || entry.at >= seen.at) ownStepText.set(key, { text: step.text.trim(), at: entry.at });
      }
    }
    if (!key) continue;
    let index = indexOfKey.get(key);
    if (index === undefined) {
      index = keys.length;
      keys.push(key);
      indexOfKey.set(key, index);
    }
    const base = index * STRIDE;
    const answer = answers.get(entry.id);
    const column = answer ? COLUMN[answer.data.outcome] : NO_FOLLOW_UP;
    // A check-in "from the future" (the clock was set back since) counts as today, not more than today.
    const weight = Math.exp(-lambda * Math.max(0, now - entry.at));
    add(0, base, column, weight, entry.at);
    for (const state of entry.data.states) add(STATE_SECTION[state], base, column, weight, entry.at);
    for (const need of entry.data.needs) add(NEED_SECTION[need], base, column, weight, entry.at);
  }

  const tallies = rows.map((row) => {
    const section = new Map<string, StepTally>();
    keys.forEach((key, index) => {
      const base = index * STRIDE;
      if (base < row.length && row.slice(base, base + TALLY_KEYS.length).some((count) => count > 0))
        section.set(key, tallyFrom(key, row, base));
    });
    return section;
  });
  const byState = new Map<StateId, StepTallies>();
  for (const state of STATE_IDS)
    if ((tallies[STATE_SECTION[state]]?.size ?? 0) > 0) byState.set(state, tallies[STATE_SECTION[state]] as StepTallies);
  const byNeed = new Map<NeedId, StepTallies>();
  for (const need of NEED_IDS)
    if ((tallies[NEED_SECTION[need]]?.size ?? 0) > 0) byNeed.set(need, tallies[NEED_SECTION[need]] as StepTallies);

  return {
    now,
    halfLifeDays,
    overall: tallies[0] as StepTallies,
    byState,
    byNeed,
    ownStepText: new Map([...ownStepText].map(([key, { text }]) => [key, text])),
  };
};
