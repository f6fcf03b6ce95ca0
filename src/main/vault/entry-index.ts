import type { StateId } from '../../shared/entry-ids';
import type { Entry } from '../../shared/entry-schema';
import type { StoredEntry } from './snapshot-codec';

/**
 * The unlocked history in memory: entries ordered by time (then seq, so two
 * entries in the same millisecond keep their saving order), plus an id map.
 * Appends almost always land at the end, so insertion is O(1) in practice.
 */
export interface ListQuery {
  /** Inclusive lower bound, UTC epoch ms. */
  from?: number | undefined;
  /** Exclusive upper bound, UTC epoch ms. */
  to?: number | undefined;
  limit: number;
  /** Opaque position from a previous page: continue strictly before it. */
  cursor?: string | undefined;
  /** Only entries of this kind. */
  kind?: Entry['kind'] | undefined;
  /** Only check-ins with this state among their states. */
  state?: StateId | undefined;
}

/** Pure: does this entry pass the query's filters? */
export const matchesQuery = (entry: Entry, query: Pick<ListQuery, 'kind' | 'state'>): boolean => {
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.state !== undefined) return entry.kind === 'check-in' && entry.data.states.includes(query.state);
  return true;
};

export interface ListPage {
  entries: Entry[];
  nextCursor: string | null;
}

const before = (a: StoredEntry, b: StoredEntry): boolean => a.entry.at < b.entry.at || (a.entry.at === b.entry.at && a.seq < b.seq);

const byTime = (a: StoredEntry, b: StoredEntry): number => a.entry.at - b.entry.at || a.seq - b.seq;

const isOrdered = (items: readonly StoredEntry[]): boolean => {
  for (let i = 1; i < items.length; i += 1) if (before(items[i] as StoredEntry, items[i - 1] as StoredEntry)) return false;
  return true;
};

const encodeCursor = (item: StoredEntry): string => `${item.entry.at}:${item.seq}`;
const decodeCursor = (cursor: string): { at: number; seq: number } | undefined => {
  const match = /^(-?\d{1,16}):(\d{1,16})$/.exec(cursor);
  if (!match) return undefined;
  return { at: Number(match[1]), seq: Number(match[2]) };
};

export class EntryIndex {
  private sorted: StoredEntry[] = [];
  private byId = new Map<string, StoredEntry>();

  /** Bulk load (snapshot + journal replay). Later seqs win for a repeated id. */
  static from(items: readonly StoredEntry[]): EntryIndex {
    const index = new EntryIndex();
    const byId = index.byId;
    let unique = true;
    let ordered = true;
    let previous: StoredEntry | undefined;
    for (const item of items) {
      if (byId.has(item.entry.id)) unique = false;
      byId.set(item.entry.id, item);
      if (previous && before(item, previous)) ordered = false;
      previous = item;
    }
    index.sorted = unique ? items.slice() : [...byId.values()];
    // Entries almost always arrive in time order; sorting 100k already-ordered items still cost ~10 ms, so check first.
    if (!ordered || !unique) index.sorted.sort(byTime);
    return index;
  }

  /** Everything at once, as `from` builds it, in place: after a bulk write, cheaper than one `put` per entry. */
  reload(items: readonly StoredEntry[]): void {
    const next = EntryIndex.from(items);
    this.sorted = next.sorted;
    this.byId = next.byId;
  }

  /**
   * Entries whose ids it does not hold, all at once (a sync link, a long
   * absence): one merge of two time-ordered runs, where `reload` sorts
   * everything again and `put` one by one would splice into the middle.
   */
  addAll(items: readonly StoredEntry[]): void {
    for (const item of items) if (this.byId.has(item.entry.id)) throw new Error(`addAll: the index already holds ${item.entry.id}`);
    const incoming = isOrdered(items) ? items : [...items].sort(byTime);
    const merged: StoredEntry[] = new Array<StoredEntry>(this.sorted.length + incoming.length);
    let held = 0;
    let added = 0;
    for (let out = 0; out < merged.length; out += 1) {
      const next = this.sorted[held];
      const other = incoming[added];
      if (next && (!other || !before(other, next))) {
        merged[out] = next;
        held += 1;
      } else {
        merged[out] = other as StoredEntry;
        added += 1;
      }
    }
    for (const item of incoming) this.byId.set(item.entry.id, item);
    this.sorted = merged;
  }

  get size(): number {
    return this.sorted.length;
  }

  get(id: string): StoredEntry | undefined {
    return this.byId.get(id);
  }

  put(item: StoredEntry): void {
    if (this.byId.has(item.entry.id)) this.remove(item.entry.id);
    this.byId.set(item.entry.id, item);
    const last = this.sorted[this.sorted.length - 1];
    if (!last || !before(item, last)) {
      this.sorted.push(item);
      return;
    }
    this.sorted.splice(this.lowerBound(item.entry.at, item.seq), 0, item);
  }

  remove(id: string): StoredEntry | undefined {
    const item = this.byId.get(id);
    if (!item) return undefined;
    this.byId.delete(id);
    const at = this.lowerBound(item.entry.at, item.seq);
    if (this.sorted[at] === item) this.sorted.splice(at, 1);
    return item;
  }

  /** All entries in seq order: what a snapshot stores. */
  bySeq(): StoredEntry[] {
    return [...this.sorted].sort((a, b) => a.seq - b.seq);
  }

  /** Oldest first, within [from, to). */
  range(from: number | undefined, to: number | undefined): StoredEntry[] {
    const start = from === undefined ? 0 : this.lowerBound(from, Number.NEGATIVE_INFINITY);
    const end = to === undefined ? this.sorted.length : this.lowerBound(to, Number.NEGATIVE_INFINITY);
    return this.sorted.slice(start, end);
  }

  /** Newest first, `limit` at a time. An unreadable cursor starts from the newest, never throws. */
  list(query: ListQuery): ListPage {
    let end = query.to === undefined ? this.sorted.length : this.lowerBound(query.to, Number.NEGATIVE_INFINITY);
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (cursor) end = Math.min(end, this.lowerBound(cursor.at, cursor.seq));
    const start = query.from === undefined ? 0 : this.lowerBound(query.from, Number.NEGATIVE_INFINITY);
    const entries: Entry[] = [];
    const filtered = query.kind !== undefined || query.state !== undefined;
    let index = end - 1;
    for (; index >= start && entries.length < query.limit; index -= 1) {
      const { entry } = this.sorted[index] as StoredEntry;
      if (!filtered || matchesQuery(entry, query)) entries.push(entry);
    }
    // Continue strictly before the last entry looked at: what was skipped did not match.
    const lastSeen = this.sorted[index + 1];
    return { entries, nextCursor: index >= start && lastSeen ? encodeCursor(lastSeen) : null };
  }

  /** The follow-ups answering this check-in, oldest first. */
  answersTo(checkInId: string): StoredEntry[] {
    return this.sorted.filter(({ entry }) => entry.kind === 'follow-up' && entry.data.checkInId === checkInId);
  }

  clear(): void {
    this.sorted = [];
    this.byId.clear();
  }

  /** First position whose (at, seq) is not before the given one. */
  private lowerBound(at: number, seq: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const item = this.sorted[mid] as StoredEntry;
      if (item.entry.at < at || (item.entry.at === at && item.seq < seq)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
