import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { importKey } from './aead';
import { decodeMark, encodeDeleted, encodeHead, encodeRetired, HEAD_BYTES, type HistoryMark, RETIRED_MAX } from './history-mark';
import { judgeAgainstMark, lostPastEnd, type SeenHistory } from './rollback-check';

const mark: HistoryMark = { seq: 10, hash: 'h10', throughSeq: 6, anchor: 'a6' };
const NOTHING = { head: undefined, deleted: undefined, retired: undefined, retiredParts: [] };
const seen = (over: Partial<SeenHistory>): SeenHistory => ({ lastSeq: 10, throughSeq: 6, lastHash: 'h10', clean: true, ...over });

describe('lostPastEnd', () => {
  it('names what the mark saw past everything a damaged history holds', () => {
    // A journal cut inside record 5: 5 is named as torn, 6–10 are nowhere.
    expect(lostPastEnd(mark, 4, [{ affected: [{ from: 5, to: 5 }] }])).toEqual([{ from: 6, to: 10 }]);
    expect(lostPastEnd(mark, 4, [])).toEqual([{ from: 5, to: 10 }]);
    // A torn line that claims a seq far past the mark covers only that seq, not the ones before it.
    expect(lostPastEnd(mark, 4, [{ affected: [{ from: 1000, to: 1000 }] }])).toEqual([{ from: 5, to: 10 }]);
    expect(lostPastEnd(mark, 4, [{ affected: [{ from: 7, to: 7 }] }, { affected: [{ from: 2, to: 3 }] }])).toEqual([
      { from: 5, to: 6 },
      { from: 8, to: 10 },
    ]);
  });

  it('nothing when the mark is reached, by records or by damage that names its seqs, or when there is no mark', () => {
    // A crash tears only a record the mark never saw.
    expect(lostPastEnd(mark, 10, [{ affected: [{ from: 11, to: 11 }] }])).toEqual([]);
    expect(lostPastEnd(mark, 9, [{ affected: [{ from: 10, to: 10 }] }])).toEqual([]);
    expect(lostPastEnd(mark, 7, [{ affected: [{ from: 2, to: 3 }] }, { affected: [{ from: 8, to: 12 }] }])).toEqual([]);
    expect(lostPastEnd(undefined, 0, [])).toEqual([]);
  });
});

describe('judgeAgainstMark', () => {
  it('no mark judges nothing', () => {
    expect(judgeAgainstMark(undefined, seen({ lastSeq: 0, throughSeq: 0 }))).toEqual({ older: false });
  });

  it('the same history, or a newer one (the mark fell behind in a crash), is not older', () => {
    expect(judgeAgainstMark(mark, seen({}))).toEqual({ older: false });
    // Later records after the mark's own one (looked up by seq: the same record the mark saw).
    const onward = (seq: number) => (seq === 10 ? 'h10' : `h${seq}`);
    expect(judgeAgainstMark(mark, seen({ lastSeq: 14, lastHash: 'h14', hashAt: onward }))).toEqual({ older: false });
    // A roll whose mark update was lost: same seqs, a new snapshot.
    expect(judgeAgainstMark(mark, seen({ throughSeq: 10, lastHash: 'a10' }))).toEqual({ older: false });
  });

  it('records gone from the end: older, naming them', () => {
    expect(judgeAgainstMark(mark, seen({ lastSeq: 7, lastHash: 'h7' }))).toEqual({ older: true, affected: [{ from: 8, to: 10 }] });
  });

  it('an earlier snapshot beside a later journal: older', () => {
    expect(judgeAgainstMark(mark, seen({ throughSeq: 3 }))).toEqual({ older: true, affected: [] });
  });

  it("the mark's seq held by another record: older, unless damage was found (reported as damage instead)", () => {
    expect(judgeAgainstMark(mark, seen({ lastHash: 'other' }))).toEqual({ older: true, affected: [] });
    expect(judgeAgainstMark(mark, seen({ lastHash: 'other', clean: false }))).toEqual({ older: false });
  });

  it('a copy that went its own way from an earlier point and then wrote past the mark: older', () => {
    // Restored from seq 8, then written to seq 15 elsewhere: seq 10 is there, but it is another record.
    const forked = (seq: number) => `x${seq}`;
    expect(judgeAgainstMark(mark, seen({ lastSeq: 15, lastHash: 'x15', hashAt: forked }))).toEqual({ older: true, affected: [] });
  });

  it('records gone from the end of a damaged journal are reported as that damage; an earlier snapshot still counts', () => {
    expect(judgeAgainstMark(mark, seen({ lastSeq: 7, clean: false }))).toEqual({ older: false });
    expect(judgeAgainstMark(mark, seen({ throughSeq: 3, clean: false }))).toEqual({ older: true, affected: [] });
  });

  it('a snapshot whose header did not authenticate says nothing about its age', () => {
    expect(judgeAgainstMark(mark, seen({ throughSeq: undefined, clean: false }))).toEqual({ older: false });
  });
});

describe('the mark file', () => {
  const key = importKey(randomBytes(32));
  const bytes = Buffer.concat([encodeHead(key, 'k1', mark), encodeDeleted(key, 'k1', ['a', 'b'])]);

  it('reads back what was written, the head in a fixed size, the deleted ids in 4 KiB blocks', () => {
    expect(encodeHead(key, 'k1', mark)).toHaveLength(HEAD_BYTES);
    const blockOf = (count: number) =>
      encodeDeleted(
        key,
        'k1',
        Array.from({ length: count }, (_, i) => `id${i}`.padEnd(22, 'x')),
      ).length;
    expect(blockOf(0)).toBe(blockOf(150));
    expect(blockOf(200)).toBe(blockOf(0) + 4096);
    expect(decodeMark(bytes, key, 'k1')).toEqual({ head: mark, deleted: ['a', 'b'], retired: undefined, retiredParts: [] });
  });

  it('another key, another vault or a changed byte reads as absent: nobody without the key can hide entries with it', () => {
    expect(decodeMark(bytes, importKey(randomBytes(32)), 'k1')).toEqual(NOTHING);
    expect(decodeMark(bytes, key, 'k2')).toEqual(NOTHING);
    const changed = Buffer.from(bytes);
    changed[HEAD_BYTES + 20] = (changed[HEAD_BYTES + 20] as number) ^ 1;
    expect(decodeMark(changed, key, 'k1')).toEqual({ ...NOTHING, head: mark });
    expect(decodeMark(bytes.subarray(0, 100), key, 'k1')).toEqual(NOTHING);
  });
});

describe('retired parts (a re-key)', () => {
  const oldKey = importKey(randomBytes(32));
  const newKey = importKey(randomBytes(32));
  const oldHead: HistoryMark = { seq: 7, hash: 'h7', throughSeq: 7, anchor: 'a7' };
  const retiredPart = encodeRetired(oldKey, 'old', { head: oldHead, deleted: ['gone'] });
  const bytes = Buffer.concat([encodeHead(newKey, 'new', mark), encodeDeleted(newKey, 'new', ['gone']), retiredPart]);

  it('the new key reads its own parts and carries the retired one unread', () => {
    expect(decodeMark(bytes, newKey, 'new')).toEqual({ head: mark, deleted: ['gone'], retired: undefined, retiredParts: [retiredPart] });
  });

  it('the old key reads only its retired part: the head and deleted ids it had at the re-key', () => {
    expect(decodeMark(bytes, oldKey, 'old')).toEqual({
      head: undefined,
      deleted: undefined,
      retired: { head: oldHead, deleted: ['gone'] },
      retiredParts: [retiredPart],
    });
    // Under another key id (the AAD binds it), or with a changed byte, it is not this key's.
    expect(decodeMark(bytes, oldKey, 'other').retired).toBeUndefined();
    const changed = Buffer.from(bytes);
    changed[changed.length - 20] = (changed[changed.length - 20] as number) ^ 1;
    expect(decodeMark(changed, oldKey, 'old').retired).toBeUndefined();
  });

  it('reads at most RETIRED_MAX parts, and a part cut short ends the list', () => {
    const many = Array.from({ length: RETIRED_MAX + 2 }, () => retiredPart);
    expect(decodeMark(Buffer.concat([bytes, ...many]), newKey, 'new').retiredParts).toHaveLength(RETIRED_MAX);
    expect(decodeMark(bytes.subarray(0, bytes.length - 1), newKey, 'new').retiredParts).toEqual([]);
  });
});
