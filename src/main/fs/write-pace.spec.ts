import { constants } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { blockingWritesFit, dsyncFlag, SLOW_SYNC_WRITE_MS, WritePace } from './write-pace';

/** A clock the write itself moves, as a slow disk would. */
const clocked = (): { now: () => number; spend: (ms: number) => void } => {
  let at = 1_000;
  return { now: () => at, spend: (ms) => void (at += ms) };
};

describe('WritePace', () => {
  it('blocks while every write answers within the limit, and passes the write’s result through', () => {
    const clock = clocked();
    const pace = new WritePace(true, clock.now);
    for (let i = 0; i < 50; i += 1) {
      expect(pace.blocking).toBe(true);
      expect(
        pace.time(() => {
          clock.spend(SLOW_SYNC_WRITE_MS);
          return i;
        }),
      ).toBe(i);
    }
    expect(pace.blocking).toBe(true);
  });

  it('turns to the thread pool for good after one write that took longer than the limit', () => {
    const clock = clocked();
    const pace = new WritePace(true, clock.now);
    pace.time(() => clock.spend(SLOW_SYNC_WRITE_MS + 1));
    expect(pace.blocking).toBe(false);
    pace.time(() => clock.spend(0));
    expect(pace.blocking).toBe(false);
  });

  it('a slow write that fails also ends blocking, and its error reaches the caller', () => {
    const clock = clocked();
    const pace = new WritePace(true, clock.now);
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(() =>
      pace.time(() => {
        clock.spend(40);
        throw full;
      }),
    ).toThrow(full);
    expect(pace.blocking).toBe(false);
  });

  it('a fast write that fails keeps blocking: the disk answered quickly', () => {
    const clock = clocked();
    const pace = new WritePace(true, clock.now);
    expect(() =>
      pace.time(() => {
        throw new Error('EACCES');
      }),
    ).toThrow('EACCES');
    expect(pace.blocking).toBe(true);
  });

  it('never blocks where blocking writes do not fit', () => {
    expect(new WritePace(false).blocking).toBe(false);
  });
});

/**
 * Which platforms write the journal with O_DSYNC, and which follow each
 * write with an explicit fsync. On macOS only the fsync reaches past the
 * drive's cache (Node issues F_FULLFSYNC there), so O_DSYNC is not used.
 */
describe('the journal write barrier', () => {
  const oDsync = 0o10000;

  it('Linux and the BSDs write with O_DSYNC', () => {
    expect(dsyncFlag('linux', oDsync)).toBe(oDsync);
    expect(dsyncFlag('freebsd', oDsync)).toBe(oDsync);
  });

  it('macOS and Windows fsync after each write instead', () => {
    expect(dsyncFlag('darwin', oDsync)).toBeUndefined();
    expect(dsyncFlag('win32', oDsync)).toBeUndefined();
    expect(dsyncFlag('linux', undefined)).toBeUndefined();
  });

  it('on this machine, the flag matches the platform', () => {
    expect(dsyncFlag(process.platform, constants.O_DSYNC)).toBe(process.platform === 'linux' ? constants.O_DSYNC : undefined);
  });
});

describe('where blocking durable writes fit', () => {
  const oDsync = 0o10000;
  it('where the journal takes O_DSYNC; not macOS (a full flush), not Windows (no O_DSYNC)', () => {
    expect(blockingWritesFit('linux', oDsync)).toBe(true);
    expect(blockingWritesFit('freebsd', oDsync)).toBe(true);
    expect(blockingWritesFit('darwin', oDsync)).toBe(false);
    expect(blockingWritesFit('win32', oDsync)).toBe(false);
    expect(blockingWritesFit('linux', undefined)).toBe(false);
  });
});
