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
});
