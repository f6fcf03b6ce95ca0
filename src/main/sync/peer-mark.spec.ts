import { createHash } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { contiguousThrough, EMPTY_PEER_MARK, judgeListing, judgeSegment, type PeerMark, type SegmentLink, waitingFor } from './peer-mark';

const ZERO = '0'.repeat(64);
const hex = (...parts: (string | number)[]): string => createHash('sha256').update(parts.join('.')).digest('hex');

/** One device's segments 1…n as it would write them; `branch` names a second install writing as the same id. */
const chain = (n: number, checkpoints: readonly number[] = [], branch = 'main'): SegmentLink[] =>
  Array.from({ length: n }, (_, i) => i + 1).map((seq) => ({
    seq,
    type: checkpoints.includes(seq) ? 'checkpoint' : 'delta',
    hash: hex(branch, seq, 'file'),
    prevSegment: seq === 1 ? ZERO : hex(branch, seq - 1, 'file'),
    firstPrev: seq === 1 ? ZERO : hex(branch, seq - 1, 'frame'),
    lastFrame: hex(branch, seq, 'frame'),
  }));

/** Feeds links in order; returns every verdict's kind and the mark at the end. */
const feed = (links: readonly SegmentLink[], from: PeerMark = EMPTY_PEER_MARK): { kinds: string[]; mark: PeerMark } => {
  let mark = from;
  const kinds: string[] = [];
  for (const link of links) {
    const verdict = judgeSegment(mark, link);
    kinds.push(verdict.kind);
    if (verdict.kind === 'accept') mark = verdict.mark;
  }
  return { kinds, mark };
};

const seg = (links: SegmentLink[], seq: number): SegmentLink => links[seq - 1] as SegmentLink;

describe('judgeSegment (§7.1)', () => {
  it('accepts a chain in order, then calls each one seen', () => {
    const links = chain(3, [1]);
    const { kinds, mark } = feed([...links, ...links]);
    expect(kinds).toEqual(['accept', 'accept', 'accept', 'seen', 'seen', 'seen']);
    expect(contiguousThrough(mark)).toBe(3);
    expect(waitingFor(mark)).toEqual([]);
  });

  it('merges what arrived above a gap and waits for the gap: "43–45"', () => {
    const links = chain(46, [1]);
    const { mark } = feed([...links.slice(0, 42), seg(links, 46)]);
    expect(waitingFor(mark)).toEqual([{ from: 43, to: 45 }]);
    expect(contiguousThrough(mark)).toBe(42);
    const verdict = judgeSegment(mark, seg(links, 44));
    expect(verdict).toMatchObject({
      kind: 'accept',
      waiting: [
        { from: 43, to: 43 },
        { from: 45, to: 45 },
      ],
    });
    expect(waitingFor(feed([seg(links, 5)]).mark)).toEqual([{ from: 1, to: 4 }]);
  });

  it('calls a different hash for a seen seq a fork', () => {
    const { mark } = feed(chain(3, [1]));
    expect(judgeSegment(mark, seg(chain(3, [1], 'restored'), 2))).toEqual({ kind: 'fork', reason: 'other-hash', with: 2 });
  });

  it('calls a segment that does not chain onto the one before, or the one after, a fork', () => {
    const main = chain(4, [1]);
    const other = chain(4, [1], 'restored');
    const { mark } = feed(main.slice(0, 2));
    expect(judgeSegment(mark, seg(other, 3))).toEqual({ kind: 'fork', reason: 'chain', with: 2 });
    expect(judgeSegment(mark, { ...seg(main, 3), firstPrev: hex('x') })).toMatchObject({ kind: 'fork', with: 2 });
    // The gap fills from the other branch: checked against the segment above it.
    const above = feed([seg(main, 1), seg(main, 2), seg(main, 4)]).mark;
    expect(judgeSegment(above, { ...seg(other, 3), prevSegment: seg(main, 2).hash, firstPrev: seg(main, 2).lastFrame })).toEqual({
      kind: 'fork',
      reason: 'chain',
      with: 4,
    });
    expect(judgeSegment(EMPTY_PEER_MARK, { ...seg(main, 1), prevSegment: hex('x') })).toMatchObject({ kind: 'fork', reason: 'chain' });
  });

  it('lets a checkpoint end the wait below it and supersede older files, resurrected ones too', () => {
    const links = chain(6, [1, 5]);
    const { mark } = feed([seg(links, 1), seg(links, 2), seg(links, 5)]);
    expect(mark.base).toBe(5);
    expect([...mark.segments.keys()]).toEqual([5]);
    expect(waitingFor(mark)).toEqual([]);
    expect(feed([seg(links, 2), seg(links, 4), seg(links, 1), seg(links, 6)], mark).kinds).toEqual([
      'superseded',
      'superseded',
      'superseded',
      'accept',
    ]);
  });
});

describe('judgeListing (§7.1)', () => {
  it('says the folder went backwards only when nothing at or above the contiguous seq is listed', () => {
    const { mark } = feed(chain(3, [1]));
    expect(judgeListing(mark, [1, 2])).toBe('backwards');
    expect(judgeListing(mark, [])).toBe('backwards');
    expect(judgeListing(mark, [1, 2, 3])).toBe('current');
    expect(judgeListing(mark, [7])).toBe('current');
    expect(judgeListing(EMPTY_PEER_MARK, [])).toBe('current');
  });
});

describe('judgeSegment properties', () => {
  it('reaches the same mark, with no fork and nothing waiting, whatever order and repetition the files arrive in', () => {
    const scenario = fc
      .record({ n: fc.integer({ min: 1, max: 25 }), checkpoints: fc.uniqueArray(fc.integer({ min: 2, max: 25 }), { maxLength: 3 }) })
      .chain(({ n, checkpoints }) => {
        const links = chain(n, [1, ...checkpoints]);
        return fc.tuple(fc.constant(links), fc.shuffledSubarray([...links, ...links], { minLength: links.length * 2 }));
      });
    fc.assert(
      fc.property(scenario, ([links, arrival]) => {
        const { kinds, mark } = feed(arrival);
        expect(kinds).not.toContain('fork');
        const n = links.length;
        const base = Math.max(...links.filter((l) => l.type !== 'delta').map((l) => l.seq));
        expect(mark.base).toBe(base);
        expect(contiguousThrough(mark)).toBe(n);
        expect(waitingFor(mark)).toEqual([]);
        expect([...mark.segments.keys()].sort((a, b) => a - b)).toEqual(links.slice(base - 1).map((l) => l.seq));
      }),
      { numRuns: 200 },
    );
  });

  it('always holds a segment of a second branch once its seq or a neighbour is known', () => {
    const scenario = fc.integer({ min: 2, max: 20 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 2, max: n })));
    fc.assert(
      fc.property(scenario, ([n, forkAt]) => {
        const { mark } = feed(chain(n, [1]));
        const stranger = seg(chain(n, [1], 'restored'), forkAt);
        expect(judgeSegment(mark, stranger).kind).toBe('fork');
      }),
      { numRuns: 200 },
    );
  });
});
