import { describe, expect, it } from 'vitest';

import { releaseHeld } from './held-forks';
import type { PeerMark, SegmentLink } from './peer-mark';
import type { HeldFork } from './scan-state';
import { segmentFileName } from './sync-file-names';

const link = (seq: number, hash: string, type: SegmentLink['type'] = 'delta'): SegmentLink => ({
  seq,
  type,
  hash: hash.repeat(64),
  prevSegment: '0'.repeat(64),
  firstPrev: '0'.repeat(64),
  lastFrame: '0'.repeat(64),
});
const markOf = (base: number, ...links: SegmentLink[]): PeerMark => ({ base, segments: new Map(links.map((one) => [one.seq, one])) });
const nameOf = (one: SegmentLink): string => segmentFileName(one.seq, one.hash);
const heldAt = (seq: number, hash: string, reason: HeldFork['reason'], at: number): [string, HeldFork] => [
  segmentFileName(seq, hash.repeat(64)),
  { seq, hash: hash.repeat(64), reason, with: at, records: [] },
];

describe('releaseHeld', () => {
  const first = [link(1, 'a'), link(2, 'b'), link(3, 'c')];
  const mark = markOf(0, ...first);
  const held = new Map([heldAt(2, 'd', 'other-hash', 2), heldAt(3, 'e', 'chain', 2)]);

  it('keeps holding while any file of the first branch past the fork point is listed', () => {
    expect(releaseHeld(mark, held, new Set([nameOf(first[0]!), nameOf(first[2]!)]))).toBeUndefined();
    expect(releaseHeld(mark, new Map(), new Set())).toBeUndefined();
    // A folder gone back to before the fork holds neither branch: the mark stays, to show it went backwards.
    expect(releaseHeld(mark, held, new Set([nameOf(first[0]!)]))).toBeUndefined();
  });

  it('releases once they are all gone: the mark keeps what is below the fork point, nothing is held', () => {
    const release = releaseHeld(mark, held, new Set([nameOf(first[0]!), ...held.keys()]));
    expect(release?.held.size).toBe(0);
    expect([...(release?.mark.segments.keys() ?? [])]).toEqual([1]);
    expect(release?.mark.base).toBe(0);
  });

  it('lets a first-branch checkpoint go too', () => {
    const withCheckpoint = markOf(2, link(2, 'b', 'checkpoint'), link(3, 'c'));
    const forkAtTwo = new Map([heldAt(2, 'e', 'other-hash', 2)]);
    const release = releaseHeld(withCheckpoint, forkAtTwo, new Set(forkAtTwo.keys()));
    expect(release?.mark).toEqual({ base: 0, segments: new Map() });
    const forkAtFour = new Map([heldAt(4, 'e', 'chain', 3)]);
    const below = releaseHeld(withCheckpoint, forkAtFour, new Set([nameOf(link(2, 'b')), ...forkAtFour.keys()]));
    expect(below?.mark).toEqual(markOf(2, link(2, 'b', 'checkpoint')));
  });
});
