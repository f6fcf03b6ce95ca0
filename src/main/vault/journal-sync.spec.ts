import { constants } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { dsyncFlag } from './vault-store';

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
