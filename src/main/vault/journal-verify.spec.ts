import { describe, expect, it } from 'vitest';

import { type CheckedLine, verifyChain } from './journal-verify';

/** Pure chain verdicts over hand-made lines: hash "h<seq>", each linking to the previous. */
const good = (seq: number, prev = seq === 11 ? 'anchor' : `h${seq - 1}`): CheckedLine => ({
  ok: true,
  seq,
  prev,
  hash: `h${seq}`,
  op: { op: 'del', id: `id${seq}` },
});
const bad = (claimedSeq: number | undefined, hash = 'x'): CheckedLine => ({ ok: false, claimedSeq, hash });
const base = { throughSeq: 10, anchor: 'anchor', tornClaimedSeq: null };

describe('verifyChain', () => {
  it('accepts a clean tail and says where the next append goes', () => {
    const verdict = verifyChain({ ...base, lines: [good(11), good(12), good(13)] });
    expect(verdict.problems).toEqual([]);
    expect(verdict.ops.map((op) => op.seq)).toEqual([11, 12, 13]);
    expect(verdict).toMatchObject({ lastSeq: 13, lastHash: 'h13', superseded: 0, damagedLines: [] });
  });

  it('an empty journal links to the anchor', () => {
    expect(verifyChain({ ...base, lines: [] })).toMatchObject({ lastSeq: 10, lastHash: 'anchor', problems: [] });
  });

  it('names a damaged record by its claimed seq, or by its place when the claim is taken or unreadable', () => {
    expect(verifyChain({ ...base, lines: [good(11), bad(12), good(13, 'h12')] }).problems).toEqual([
      { kind: 'damaged', affected: [{ from: 12, to: 12 }], setAside: null },
    ]);
    expect(verifyChain({ ...base, lines: [good(11), bad(undefined), good(13, 'h12')] }).problems).toEqual([
      { kind: 'damaged', affected: [{ from: 12, to: 12 }], setAside: null },
    ]);
    expect(verifyChain({ ...base, lines: [good(11), bad(11), good(13, 'h12')] }).problems).toEqual([
      { kind: 'damaged', affected: [{ from: 12, to: 12 }], setAside: null },
    ]);
  });

  it('reports gaps as missing and swaps as reordered, keeping authentic content', () => {
    expect(verifyChain({ ...base, lines: [good(11), good(13), good(14)] }).problems).toEqual([
      { kind: 'missing', affected: [{ from: 12, to: 12 }], setAside: null },
    ]);
    const swapped = verifyChain({ ...base, lines: [good(11), good(13), good(12), good(14)] });
    expect(swapped.problems).toEqual([{ kind: 'reordered', affected: [{ from: 12, to: 13 }], setAside: null }]);
    expect(swapped.ops.map((op) => op.seq)).toEqual([11, 12, 13, 14]);
  });

  it('reports a replaced record through the next record’s link', () => {
    const verdict = verifyChain({ ...base, lines: [good(11), { ...good(12), hash: 'forged' }, good(13)] });
    expect(verdict.problems).toEqual([{ kind: 'chain-broken', affected: [{ from: 13, to: 13 }], setAside: null }]);
  });

  it('reports a first record that does not link to this snapshot', () => {
    expect(verifyChain({ ...base, lines: [good(11, 'other-anchor')] }).problems).toEqual([
      { kind: 'chain-broken', affected: [{ from: 11, to: 11 }], setAside: null },
    ]);
  });

  it('skips records the snapshot already holds (an interrupted roll), quietly when they come first', () => {
    const stale = verifyChain({ ...base, lines: [good(9, 'h8'), good(10, 'h9')] });
    expect(stale).toMatchObject({ superseded: 2, problems: [], ops: [] });
    const replayed = verifyChain({ ...base, lines: [good(11), good(7, 'h6')] });
    expect(replayed.problems).toEqual([{ kind: 'reordered', affected: [{ from: 7, to: 7 }], setAside: null }]);
  });

  it('names a torn tail after the last record', () => {
    expect(verifyChain({ ...base, lines: [good(11)], tornClaimedSeq: 12 }).problems).toEqual([
      { kind: 'torn-tail', affected: [{ from: 12, to: 12 }], setAside: null },
    ]);
    expect(verifyChain({ ...base, lines: [good(11)], tornClaimedSeq: undefined }).tornSeq).toBe(12);
  });

  it('without a snapshot header, starts where the journal starts and cannot check the first link', () => {
    const verdict = verifyChain({
      throughSeq: undefined,
      anchor: undefined,
      tornClaimedSeq: null,
      lines: [good(21, 'whatever'), good(22, 'h21')],
    });
    expect(verdict.problems).toEqual([]);
    expect(verdict.lastSeq).toBe(22);
  });
});

describe('problem ranges', () => {
  it('stay exact for the first thousand and fold the rest into one covering range', async () => {
    const { toRanges, MAX_RANGES } = await import('./vault-problem');
    const every3rd = Array.from({ length: 5000 }, (_, i) => i * 3);
    const ranges = toRanges(every3rd);
    expect(ranges).toHaveLength(MAX_RANGES);
    expect(ranges[0]).toEqual({ from: 0, to: 0 });
    expect(ranges[MAX_RANGES - 2]).toEqual({ from: 2994, to: 2994 });
    expect(ranges[MAX_RANGES - 1]).toEqual({ from: 2997, to: 14997 });
  });
});
