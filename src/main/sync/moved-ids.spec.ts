import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type FoldableDevice, foldMoved, MAX_MOVED_FROM, type MovedFrom, withMove } from './moved-ids';

const id = (n: number): string => n.toString(16).padStart(32, '0');
const device = (n: number, newest: number, says: Partial<FoldableDevice> = {}): FoldableDevice => ({
  deviceId: id(n),
  newest,
  waiting: [],
  backwards: false,
  pending: 0,
  unreadable: 0,
  held: 0,
  needsKey: [],
  ...says,
});
const shownIds = (result: { shown: FoldableDevice[] }): string[] => result.shown.map((each) => each.deviceId);

describe('withMove', () => {
  it('adds a move, keeps the greater seq for an id seen before, and keeps the newest moves past the cap', () => {
    expect(withMove(undefined, { deviceId: id(1), seq: 4 })).toEqual([{ deviceId: id(1), seq: 4 }]);
    const two = withMove([{ deviceId: id(1), seq: 4 }], { deviceId: id(2), seq: 9 });
    expect(withMove(two, { deviceId: id(1), seq: 2 })).toEqual([
      { deviceId: id(2), seq: 9 },
      { deviceId: id(1), seq: 4 },
    ]);
    let long: MovedFrom = [];
    for (let n = 1; n <= MAX_MOVED_FROM + 3; n += 1) long = withMove(long, { deviceId: id(n), seq: n });
    expect(long).toHaveLength(MAX_MOVED_FROM);
    expect(long[0]?.deviceId).toBe(id(4));
  });
});

describe('foldMoved (docs/sync-format.md §4.3, after a move)', () => {
  it('folds an old id into the one that moved from it while its folder shows nothing past the move', () => {
    const moves = new Map([[id(2), [{ deviceId: id(1), seq: 5 }]]]);
    const result = foldMoved([device(1, 5), device(2, 3), device(3, 8)], moves);
    expect(shownIds(result)).toEqual([id(2), id(3)]);
    expect(result.folded).toEqual(new Map([[id(1), id(2)]]));
  });

  it('shows the old id again once the copy that stayed writes past the move, or has anything to say', () => {
    const moves = new Map([[id(2), [{ deviceId: id(1), seq: 5 }]]]);
    expect(shownIds(foldMoved([device(1, 6), device(2, 3)], moves))).toEqual([id(1), id(2)]);
    for (const says of [
      { held: 1 },
      { waiting: [{ from: 2, to: 3 }] },
      { backwards: true },
      { pending: 1 },
      { unreadable: 1 },
      { needsKey: ['k'] },
    ])
      expect(shownIds(foldMoved([device(1, 5, says), device(2, 3)], moves))).toEqual([id(1), id(2)]);
  });

  it('resolves a move after a move to the newest id, and folds nothing of a cycle or into itself', () => {
    const chain = new Map([
      [id(2), [{ deviceId: id(1), seq: 5 }]],
      [id(3), [{ deviceId: id(2), seq: 7 }]],
    ]);
    const result = foldMoved([device(1, 5), device(2, 7), device(3, 1)], chain);
    expect(shownIds(result)).toEqual([id(3)]);
    expect(result.folded).toEqual(
      new Map([
        [id(1), id(3)],
        [id(2), id(3)],
      ]),
    );
    const cycle = new Map([
      [id(1), [{ deviceId: id(2), seq: 9 }]],
      [id(2), [{ deviceId: id(1), seq: 9 }]],
    ]);
    expect(shownIds(foldMoved([device(1, 1), device(2, 1)], cycle))).toEqual([id(1), id(2)]);
    expect(shownIds(foldMoved([device(1, 1)], new Map([[id(1), [{ deviceId: id(1), seq: 9 }]]])))).toEqual([id(1)]);
  });

  it('never hides a computer with something to say or anything past what its successor merged', () => {
    const says = fc.record({
      held: fc.nat(2),
      pending: fc.nat(2),
      unreadable: fc.nat(1),
      backwards: fc.boolean(),
      waiting: fc.array(fc.constant({ from: 1, to: 1 }), { maxLength: 1 }),
      needsKey: fc.array(fc.constant('k'), { maxLength: 1 }),
    });
    const world = fc.record({
      devices: fc.uniqueArray(fc.record({ n: fc.integer({ min: 1, max: 6 }), newest: fc.nat(10), says }), {
        selector: (each) => each.n,
        maxLength: 6,
      }),
      moves: fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.nat(10)), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(world, ({ devices, moves }) => {
        const reports = devices.map(({ n, newest, says: s }) => device(n, newest, s));
        const map = new Map<string, MovedFrom>();
        for (const [to, from, seq] of moves) map.set(id(to), withMove(map.get(id(to)), { deviceId: id(from), seq }));
        const { shown, folded } = foldMoved(reports, map);
        const recorded = (deviceId: string): number =>
          Math.max(
            -1,
            ...[...map.entries()]
              .filter(([to]) => to !== deviceId)
              .flatMap(([, list]) => list.filter((m) => m.deviceId === deviceId).map((m) => m.seq)),
          );
        for (const report of reports) {
          const quiet =
            report.held + report.pending + report.unreadable === 0 &&
            !report.backwards &&
            report.waiting.length === 0 &&
            report.needsKey.length === 0;
          if (!quiet || report.newest > recorded(report.deviceId)) expect(shown).toContain(report);
        }
        // A folded id stands for one that is not folded itself, and only hidden rows are folded.
        for (const [from, to] of folded) {
          expect(folded.has(to)).toBe(false);
          expect(shown.some((each) => each.deviceId === from)).toBe(false);
        }
        expect(shown.length + reports.filter((each) => folded.has(each.deviceId)).length).toBe(reports.length);
      }),
      { numRuns: 400 },
    );
  });
});
