import type { InsightsData } from './insights-model';

/**
 * Hand-made answers of insights.get for the component specs (the renderer may
 * not import main's computeInsights; main's own specs pin that the real
 * results fit the same contract).
 */
const grid = (fill: (row: number, column: number) => number): number[][] =>
  Array.from({ length: 7 }, (_, row) => Array.from({ length: 4 }, (_, column) => fill(row, column)));

const counts = (helped: number, aBit: number, notReally: number, notGot = 0) => ({
  helped,
  'a-bit': aBit,
  'not-really': notReally,
  'did-not-get-to-it': notGot,
  'no-follow-up': 0,
});

export const fullInsights = (): InsightsData => {
  const checkIns = grid((row, column) => (column === 3 ? 4 + row : column === 0 ? 0 : 2));
  return {
    period: { from: Date.UTC(2026, 9, 25), to: Date.UTC(2026, 10, 23, 12), firstDay: '2026-10-25', lastDay: '2026-11-23' },
    totals: { checkIns: 118, stepsChosen: 100, followUps: 60 },
    flags: { empty: false, sparse: false, noStates: false, noNeeds: false, noCapacity: false, whatHelpsNotYet: false },
    statesWhen: {
      blocks: ['night', 'morning', 'afternoon', 'evening'],
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      checkIns,
      byState: [
        { state: 'freeze', total: 30, cells: grid((row, column) => (column === 3 ? 4 : 0) + (row === 6 && column === 3 ? 2 : 0)) },
        { state: 'fawn', total: 20, cells: grid((row, column) => (column === 2 && row < 5 ? 4 : 0)) },
      ],
      max: 10,
    },
    statesNamed: [
      { state: 'freeze', count: 30 },
      { state: 'fawn', count: 20 },
    ],
    needsNamed: [
      { need: 'safety', count: 25 },
      { need: 'space', count: 12 },
    ],
    whatHelped: [
      {
        state: 'freeze',
        answered: 9,
        steps: [
          { key: 'feet-on-floor', stepId: 'feet-on-floor', ownText: null, counts: counts(3, 1, 1), answered: 5 },
          { key: 'own:make tea', stepId: null, ownText: 'Make tea', counts: counts(1, 2, 0, 1), answered: 3 },
        ],
      },
    ],
    whatHelpedOverall: [{ key: 'feet-on-floor', stepId: 'feet-on-floor', ownText: null, counts: counts(3, 1, 1), answered: 5 }],
    capacity: {
      bucket: 'day',
      min: 1,
      max: 5,
      points: [
        { start: '2026-11-20', mean: 2.4, count: 3 },
        { start: '2026-11-21', mean: 3, count: 2 },
        { start: '2026-11-22', mean: null, count: 0 },
        { start: '2026-11-23', mean: 4.6, count: 1 },
      ],
    },
  };
};

const EMPTY_GRID = grid(() => 0);

export const emptyInsights = (): InsightsData => ({
  ...fullInsights(),
  totals: { checkIns: 0, stepsChosen: 0, followUps: 0 },
  flags: { empty: true, sparse: false, noStates: false, noNeeds: false, noCapacity: false, whatHelpsNotYet: true },
  statesWhen: { ...fullInsights().statesWhen, checkIns: EMPTY_GRID, byState: [], max: 0 },
  statesNamed: [],
  needsNamed: [],
  whatHelped: [],
  whatHelpedOverall: [],
  capacity: { bucket: 'day', min: 1, max: 5, points: [{ start: '2026-11-23', mean: null, count: 0 }] },
});

export const sparseInsights = (): InsightsData => ({
  ...emptyInsights(),
  totals: { checkIns: 2, stepsChosen: 1, followUps: 0 },
  flags: { empty: false, sparse: true, noStates: false, noNeeds: false, noCapacity: true, whatHelpsNotYet: true },
  statesNamed: [{ state: 'fawn', count: 2 }],
  needsNamed: [{ need: 'space', count: 1 }],
});
