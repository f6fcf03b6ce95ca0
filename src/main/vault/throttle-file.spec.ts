import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { useSpecialFiles } from './testing/special-files';
import { makeVault, manualClock, vaultDirIn } from './testing/vault-fixtures';
import { initialThrottle } from './throttle';
import { parseThrottle, throttleFilePath } from './throttle-file';
import type { VaultService } from './vault-service';

/** Quitting and starting Attune again between guesses must not reset the wait. */
const tempDir = useTempDirs();
const special = useSpecialFiles();
let root: string;
const open: VaultService[] = [];
let clock = manualClock();
const start = (): VaultService => {
  const vault = makeVault(root, { clock });
  open.push(vault);
  return vault;
};
const right = { method: 'passphrase', passphrase: 'the right one' } as const;
const wrong = { method: 'passphrase', passphrase: 'a wrong guess' } as const;
const file = (): string => throttleFilePath(vaultDirIn(root));

beforeEach(async () => {
  root = tempDir('attune-throttle-');
  clock = manualClock();
  const vault = start();
  await vault.setup({ passphrase: right.passphrase, useKeychain: false, createRecoveryKey: false });
  await vault.close();
});
afterEach(async () => {
  for (const vault of open.splice(0)) await vault.close();
});

/** Three free misses, then a fourth that starts a 2 s wait; then the app quits. */
const missFourTimesAndQuit = async (): Promise<void> => {
  const vault = start();
  for (let i = 0; i < 3; i += 1) await expect(vault.unlock(wrong)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  clock.advance(1000);
  await expect(vault.unlock(wrong)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  await vault.close();
};

describe('the unlock throttle across restarts', () => {
  it('a restart between guesses still waits, as long as before; a success clears the file', async () => {
    await missFourTimesAndQuit();
    expect(existsSync(file())).toBe(true);
    expect(await readFile(file(), 'utf8')).not.toContain(right.passphrase);

    const restarted = start();
    await expect(restarted.unlock(right)).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterSeconds: 2 });
    clock.advance(2000);
    expect(await restarted.unlock(right)).toMatchObject({ state: 'unlocked' });
    expect(existsSync(file())).toBe(false);
    await restarted.close();

    // After the success, a restart starts with three free misses again.
    const again = start();
    for (let i = 0; i < 3; i += 1) await expect(again.unlock(wrong)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('a clock moved back since the last miss never makes the wait longer than the throttle asks', async () => {
    await missFourTimesAndQuit();
    clock.advance(-24 * 3_600_000);
    const restarted = start();
    await expect(restarted.unlock(right)).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterSeconds: 2 });
  });

  it('erase removes the file: a new history starts with no misses counted', async () => {
    await missFourTimesAndQuit();
    const restarted = start();
    await restarted.erase();
    expect(existsSync(file())).toBe(false);
  });

  it.each([
    ['a damaged file', (path: string) => writeFile(path, '{"format":"attune-unlock-att')],
    ['an empty file', (path: string) => writeFile(path, '')],
    ['a FIFO', async (path: string) => special.fifo(path)],
    ['a link to /dev/zero', async (path: string) => special.endless(path)],
  ] as const)('%s is read as no misses, without waiting on it; the next miss writes a real one', async (_label, make) => {
    await make(file());
    const vault = start();
    expect(await vault.status()).toMatchObject({ state: 'locked' });
    for (let i = 0; i < 3; i += 1) await expect(vault.unlock(wrong)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(parseThrottle(await readFile(file(), 'utf8'), clock.now())).toEqual({ failures: 3, lastFailureAt: clock.now() });
  });
});

describe('parseThrottle', () => {
  const now = 5_000_000;
  it('reads what Attune writes and nothing else', () => {
    const saved = (value: object): string => JSON.stringify({ format: 'attune-unlock-attempts', ...value });
    expect(parseThrottle(saved({ failures: 4, lastFailureAt: 1000 }), now)).toEqual({ failures: 4, lastFailureAt: 1000 });
    for (const text of [
      saved({ failures: 0, lastFailureAt: 1000 }),
      saved({ failures: 2.5, lastFailureAt: 1000 }),
      saved({ failures: 1e9, lastFailureAt: 1000 }),
      saved({ failures: 4, lastFailureAt: -1 }),
      saved({ failures: 4, lastFailureAt: null }),
      saved({ failures: '4', lastFailureAt: 1000 }),
      JSON.stringify({ failures: 4, lastFailureAt: 1000 }),
      'null',
      '[]',
    ]) {
      expect(parseThrottle(text, now), text).toEqual(initialThrottle);
    }
  });
});
