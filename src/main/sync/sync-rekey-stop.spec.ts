import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { MovableClock } from '../app/testing/movable-clock';
import { createMemoryLogger } from '../log/logger';
import { frozenFs } from '../vault/testing/frozen-fs';
import { byId, checkIn, keyIdIn, makeVault, vaultDirIn } from '../vault/testing/vault-fixtures';
import type { VaultService } from '../vault/vault-service';
import { SyncDriver } from './sync-driver';

/**
 * §4.6: a re-key on a synced computer stopped at every file step, from the
 * moment it starts to the moment sync runs under the new key. The stop
 * leaves the disk as a kill -9 there would (frozen-fs). The next start
 * opens the history with everything in it, under the old key or the new
 * one, and the link with it: sync goes on (under the new key once its
 * recovery key is kept). Before the link was staged under the new key, a
 * stop right after the vault's commit left a link sealed under a key that
 * nothing opens any more: "Forget the link".
 */
const PASSPHRASE = 'first computer words';
const words = { method: 'passphrase' as const, passphrase: PASSPHRASE };
const tempDir = useTempDirs();
const machineId = async () => 'this-machine';

const driverFor = (vault: VaultService, root: string, fs?: ReturnType<typeof frozenFs>) =>
  new SyncDriver({
    vault,
    vaultDir: vaultDirIn(root),
    timer: new MovableClock(),
    log: createMemoryLogger(),
    machineId,
    ...(fs ? { fs } : {}),
  });

/** A synced laptop with a few check-ins (one deleted), published, then closed: each step starts from a copy of it. */
const syncedComputer = async (template: string) => {
  const folder = join(template, 'Nextcloud');
  await mkdir(folder, { recursive: true });
  const vault = makeVault(template);
  const made = await vault.setup({ passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: true });
  await vault.keepRecoveryKey(made.recoveryKey as string);
  const driver = driverFor(vault, template);
  await driver.vaultStateChanged('unlocked');
  expect(await driver.setUp(folder, 'Laptop')).toBe('set-up');
  const written = [];
  for (const note of ['one', 'two', 'three']) written.push(await driver.append(checkIn(note)));
  await driver.delete((written[1] as { id: string }).id);
  await driver.passNow();
  const live = byId(await vault.entries());
  await driver.stop();
  await vault.close();
  return { folder, live };
};

describe('re-key while synced, stopped at every step', () => {
  it('the next start opens the history and the link, under the old key or the new one', { timeout: 120_000 }, async () => {
    const template = tempDir('attune-rekey-sync-');
    const { folder, live } = await syncedComputer(template);
    const oldKeyId = await keyIdIn(vaultDirIn(template));
    const pristine = join(tempDir('attune-rekey-folder-'), 'Nextcloud');
    await cp(folder, pristine, { recursive: true });
    const seen = { old: 0, new: 0 };
    let step = 0;
    for (; step < 400; step += 1) {
      const root = tempDir('attune-rekey-sync-step-');
      await cp(template, root, { recursive: true });
      // The link points at the template's folder (its path is in state.bin): put it back as it was.
      await rm(folder, { recursive: true, force: true });
      await cp(pristine, folder, { recursive: true });
      const fs = frozenFs();
      const vault = makeVault(root, { fs });
      await vault.unlock(words);
      const driver = driverFor(vault, root, fs);
      await driver.vaultStateChanged('unlocked');
      expect(driver.current().state, `step ${step}`).toBe('on');
      fs.arm(step);
      const done = await driver
        .withNewKey((stage) => vault.rekey(words, { stage }))
        .then(() => driver.passNow())
        .then(
          () => true,
          () => false,
        );
      if (!fs.frozen) {
        expect(done, `step ${step}`).toBe(true);
        break;
      }
      // The dead process's lock is stale; a new process would take it over the same way.
      await rm(`${vaultDirIn(root)}.lock`, { force: true });
      const rekeyed = (await keyIdIn(vaultDirIn(root))) !== oldKeyId;
      seen[rekeyed ? 'new' : 'old'] += 1;

      const again = makeVault(root);
      await again.unlock(words);
      expect(byId(await again.entries()), `step ${step}`).toEqual(live);
      const restarted = driverFor(again, root);
      await restarted.vaultStateChanged('unlocked');
      const status = restarted.current();
      expect(status.state, `step ${step}`).toBe(rekeyed ? 'needs-recovery-key' : 'on');
      if (rekeyed) {
        // The new recovery key was never shown: making one here is the way on (Settings › Devices).
        await again.keepRecoveryKey(await again.makeRecoveryKey());
        await restarted.recoveryKept();
      }
      expect(restarted.current(), `step ${step}`).toMatchObject({ state: 'on', folder, deviceName: 'Laptop' });
      const after = await restarted.append(checkIn('after the start'));
      expect((await restarted.passNow()).state, `step ${step}`).toBe('on');
      expect(await again.get(after.id)).toEqual(after);
      // The folder has the key file of the key in use, so the other computers can take it.
      expect(await readdir(join(folder, 'attune-sync', 'keys')), `step ${step}`).toContain(`${await keyIdIn(vaultDirIn(root))}.json`);
      // Nothing staged is left behind.
      expect(
        (await readdir(`${vaultDirIn(root)}.sync`)).filter((name) => name.startsWith('state-')),
        `step ${step}`,
      ).toEqual([]);
      await restarted.stop();
      await again.close();
      await driver.stop().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    }
    console.info(`re-key while synced: ${step} stops, ${JSON.stringify(seen)}`);
    expect(step).toBeGreaterThan(10);
    expect(step).toBeLessThan(400);
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  });

  it('a re-key that fails after its commit (the old files could not go) still leaves sync going on', async () => {
    const template = tempDir('attune-rekey-sync-after-');
    const { folder } = await syncedComputer(template);
    const vault = makeVault(template);
    await vault.unlock(words);
    const driver = driverFor(vault, template);
    await driver.vaultStateChanged('unlocked');
    const oldKeyId = await keyIdIn(vaultDirIn(template));
    // The vault committed the new key, then something after it refused: the re-key answers with an error.
    await expect(
      driver.withNewKey(async (stage) => {
        await vault.rekey(words, { stage });
        throw new Error('the old snapshot could not be removed');
      }),
    ).rejects.toThrow('could not be removed');
    expect(await keyIdIn(vaultDirIn(template))).not.toBe(oldKeyId);
    // The link follows the key the history has now: waiting for its recovery key, not a link that no longer opens.
    expect(driver.current()).toMatchObject({ state: 'needs-recovery-key' });
    await vault.keepRecoveryKey(await vault.makeRecoveryKey());
    await driver.recoveryKept();
    expect(driver.current()).toMatchObject({ state: 'on', folder, deviceName: 'Laptop' });
    await driver.stop();
    await vault.close();
  });
});
