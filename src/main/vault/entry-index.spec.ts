import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Entry } from '../../shared/entry-schema';
import { EntryIndex } from './entry-index';

const entry = (id: string, at: number): Entry => ({ id, at, offsetMinutes: 0, kind: 'check-in', data: { states: [], needs: [] } });

describe('EntryIndex', () => {
  it('orders by time, then by saving order within the same millisecond', () => {
    const index = EntryIndex.from([
      { seq: 3, entry: entry('c', 100) },
      { seq: 1, entry: entry('a', 200) },
      { seq: 2, entry: entry('b', 100) },
    ]);
    expect(index.list({ limit: 10 }).entries.map((e) => e.id)).toEqual(['a', 'c', 'b']);
  });

  it('inserts an entry from the past (clock moved back) in its place', () => {
    const index = EntryIndex.from([
      { seq: 1, entry: entry('a', 100) },
      { seq: 2, entry: entry('b', 300) },
    ]);
    index.put({ seq: 3, entry: entry('c', 200) });
    expect(index.range(undefined, undefined).map((item) => item.entry.id)).toEqual(['a', 'c', 'b']);
    expect(index.bySeq().map((item) => item.seq)).toEqual([1, 2, 3]);
    index.remove('c');
    expect(index.size).toBe(2);
    expect(index.get('c')).toBeUndefined();
  });

  it('pages with [from, to) and a cursor, and ignores an unreadable cursor', () => {
    const index = EntryIndex.from(Array.from({ length: 10 }, (_, i) => ({ seq: i + 1, entry: entry(`e${i}`, i * 10) })));
    const page = index.list({ from: 20, to: 80, limit: 2 });
    expect(page.entries.map((e) => e.id)).toEqual(['e7', 'e6']);
    const next = index.list({ from: 20, to: 80, limit: 10, cursor: page.nextCursor ?? undefined });
    expect(next).toEqual({ entries: ['e5', 'e4', 'e3', 'e2'].map((id) => expect.objectContaining({ id })), nextCursor: null });
    expect(index.list({ limit: 1, cursor: 'nonsense' }).entries.map((e) => e.id)).toEqual(['e9']);
  });

  it('filters by kind and state in main, paging through matches only, and a filtered walk finds every match once', () => {
    const states = ['freeze', 'fight', 'flight'] as const;
    const items = Array.from({ length: 60 }, (_, i) => ({
      seq: i + 1,
      entry:
        i % 4 === 3
          ? ({ id: `f${i}`, at: i * 10, offsetMinutes: 0, kind: 'follow-up', data: { checkInId: `c${i - 1}`, outcome: 'helped' } } as Entry)
          : ({
              id: `c${i}`,
              at: i * 10,
              offsetMinutes: 0,
              kind: 'check-in',
              data: { states: [states[i % 3] as (typeof states)[number]], needs: [] },
            } as Entry),
    }));
    const index = EntryIndex.from(items);
    const walk = (query: { kind?: 'check-in' | 'follow-up'; state?: 'freeze' }) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 100; pages += 1) {
        const page = index.list({ ...query, limit: 4, ...(cursor ? { cursor } : {}) });
        expect(page.entries.length).toBeLessThanOrEqual(4);
        seen.push(...page.entries.map((e) => e.id));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      return seen;
    };
    const expected = (keep: (e: Entry) => boolean) =>
      items
        .map((i) => i.entry)
        .filter(keep)
        .reverse()
        .map((e) => e.id);
    expect(walk({ kind: 'check-in' })).toEqual(expected((e) => e.kind === 'check-in'));
    expect(walk({ kind: 'follow-up' })).toEqual(expected((e) => e.kind === 'follow-up'));
    expect(walk({ state: 'freeze' })).toEqual(expected((e) => e.kind === 'check-in' && e.data.states.includes('freeze')));
    expect(walk({})).toHaveLength(60);
  });

  describe('addAll: many new ids at once (a sync link)', () => {
    const ids = (items: ReturnType<EntryIndex['range']>): string[] => items.map((item) => item.entry.id);

    it('holds exactly what one index built from everything holds, in time order and in seq order (300 runs)', () => {
      // Times drawn from a small range, so equal milliseconds (ordered by seq) come up often.
      const times = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 40 });
      fc.assert(
        fc.property(times, times, (heldTimes, newTimes) => {
          const held = heldTimes.map((at, i) => ({ seq: i + 1, entry: entry(`held-${i}`, at) }));
          const fresh = newTimes.map((at, i) => ({ seq: held.length + i + 1, entry: entry(`new-${i}`, at) }));
          const index = EntryIndex.from(held);
          index.addAll(fresh);
          const whole = EntryIndex.from([...held, ...fresh]);
          expect(ids(index.range(undefined, undefined))).toEqual(ids(whole.range(undefined, undefined)));
          expect(ids(index.bySeq())).toEqual(ids(whole.bySeq()));
          expect(index.size).toBe(held.length + fresh.length);
          for (const item of fresh) expect(index.get(item.entry.id)).toBe(item);
        }),
        { numRuns: 300 },
      );
    });

    it('refuses an id it already holds, and is left as it was', () => {
      const index = EntryIndex.from([{ seq: 1, entry: entry('a', 100) }]);
      expect(() =>
        index.addAll([
          { seq: 2, entry: entry('b', 50) },
          { seq: 3, entry: entry('a', 300) },
        ]),
      ).toThrow(/already holds a/);
      expect(ids(index.range(undefined, undefined))).toEqual(['a']);
      expect(index.get('b')).toBeUndefined();
    });
  });
});
