import { describe, expect, it } from 'vitest';

import type { PeerMark, SegmentLink } from './peer-mark';
import { EMPTY_DEVICE_SCAN, reportDevice } from './scan-state';

const link = (seq: number, type: SegmentLink['type'] = 'delta'): SegmentLink => ({
  seq,
  type,
  hash: String(seq).repeat(64).slice(0, 64),
  prevSegment: '0'.repeat(64),
  firstPrev: '0'.repeat(64),
  lastFrame: '0'.repeat(64),
});
const markOf = (base: number, ...links: SegmentLink[]): PeerMark => ({ base, segments: new Map(links.map((one) => [one.seq, one])) });

describe('reportDevice', () => {
  it('says what is waiting, and that a listing below what was merged went backwards', () => {
    const state = { ...EMPTY_DEVICE_SCAN, mark: markOf(0, link(1), link(2), link(5)) };
    expect(reportDevice('a', state, 'listed', [1, 2, 5], 0)).toMatchObject({ waiting: [{ from: 3, to: 4 }], backwards: false });
    expect(reportDevice('a', state, 'listed', [1], 0).backwards).toBe(true);
    expect(reportDevice('a', state, 'missing', [], 0).backwards).toBe(true);
    // A folder that could not be listed says nothing about what it holds.
    expect(reportDevice('a', state, 'unavailable', [], 0).backwards).toBe(false);
  });

  it('names each missing key once, and a removed device by its final segment', () => {
    const state = {
      ...EMPTY_DEVICE_SCAN,
      mark: markOf(3, link(3, 'final')),
      needsKey: new Map([
        ['x', 'k2'],
        ['y', 'k1'],
        ['z', 'k2'],
      ]),
    };
    expect(reportDevice('a', state, 'listed', [3], 4)).toMatchObject({ needsKey: ['k1', 'k2'], final: true, pending: 4 });
    expect(reportDevice('a', { ...state, mark: markOf(3, link(3, 'checkpoint')) }, 'listed', [3], 0).final).toBe(false);
  });
});
