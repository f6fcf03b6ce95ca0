import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import type { CallContext } from '../ipc/call-context';
import { machineId } from '../sync/machine-id';
import { linkSync } from '../sync/sync-link';
import { createFakeKeychain } from '../vault/testing/fake-keychain';
import { createVaultService } from '../vault/vault-service';
import { type Attune, createAttune } from './create-attune';
import { standInPlatform } from './testing/stand-in-platform';

/**
 * Sync through the real composition root (issue 18): two Attunes, each on its
 * own data dir, one folder between them. The first sets sync up from
 * Settings › Devices (main's folder dialog picks the folder); the second
 * computer is linked with the recovery key; from then on a check-in saved
 * through either's IPC reaches the other, and a delete follows it.
 */
const tempDir = useTempDirs();
const running: Attune[] = [];
afterEach(async () => {
  for (const attune of running.splice(0)) await attune.stop();
});

const APP: CallContext = { window: 'app' };
const PASSPHRASE = 'a long enough passphrase';

const startAttune = async (dataDir: string) => {
  const platform = standInPlatform({ dataDir });
  const outcome = await createAttune(platform);
  if (outcome.kind !== 'started') throw new Error(`did not start: ${outcome.kind}`);
  running.push(outcome.attune);
  const call = async <T = unknown>(channel: string, payload?: unknown): Promise<T> => {
    const result = (await outcome.attune.dispatch(channel, payload, APP)) as { ok: boolean; value?: T; error?: { code: string } };
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return { platform, attune: outcome.attune, call };
};

describe('createAttune: sync between two computers', () => {
  test('set up from Settings › Devices, link a second computer, and check-ins and deletes travel both ways', async () => {
    const folder = join(tempDir(), 'Dropbox');
    mkdirSync(folder);
    const one = await startAttune(tempDir());
    const { recoveryKey } = await one.call<{ recoveryKey: string }>('vault.setup', {
      passphrase: PASSPHRASE,
      useKeychain: false,
      createRecoveryKey: true,
    });
    await one.call('vault.keepRecoveryKey', { recoveryKey });
    const before = await one.call<{ id: string }>('vault.append', { kind: 'check-in', data: { states: ['freeze'], needs: ['rest'] } });

    // Cancelled dialog: nothing happens.
    expect(await one.call('devices.setUp', { deviceName: 'Laptop' })).toMatchObject({ outcome: 'cancelled', status: { state: 'off' } });
    one.platform.standIns.nextFolder = folder;
    expect(await one.call('devices.setUp', { deviceName: 'Laptop' })).toMatchObject({
      outcome: 'set-up',
      status: { state: 'on', folder, deviceName: 'Laptop', devices: [] },
    });

    // The second computer: linked with the recovery key (its screen is not built yet), then started like any other
    // start. Linked with this machine's own id: with another, the start would rightly say it is a copy (§4.3).
    const twoDir = tempDir();
    const vault = createVaultService({ dir: join(twoDir, 'vault'), keychain: createFakeKeychain(false) });
    const linked = await linkSync(
      { fs: nodeFs, vaultDir: join(twoDir, 'vault'), folder, machineId: await machineId(process.platform), now: Date.now },
      vault,
      {
        recoveryKey,
        setup: { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false },
        deviceName: 'Desktop',
      },
    );
    expect(linked.kind).toBe('linked');
    await vault.close();
    const two = await startAttune(twoDir);
    await two.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const status = await two.call<{ state: string; devices: { name: string | null }[] }>('devices.syncNow');
    expect(status).toMatchObject({ state: 'on', deviceName: 'Desktop' });
    expect(status.devices).toEqual([expect.objectContaining({ name: 'Laptop', waiting: [], held: 0, backwards: false })]);
    const listed = async (attune: typeof one) =>
      (await attune.call<{ entries: { id: string }[] }>('vault.list', { limit: 50 })).entries.map((entry) => entry.id).sort();
    expect(await listed(two)).toEqual([before.id]);

    const fromTwo = await two.call<{ id: string }>('vault.append', { kind: 'check-in', data: { states: ['fawn'], needs: ['quiet'] } });
    await one.call('devices.syncNow');
    expect(await listed(one)).toEqual([before.id, fromTwo.id].sort());

    await one.call('vault.delete', { id: before.id });
    await two.call('devices.syncNow');
    expect(await listed(two)).toEqual([fromTwo.id]);

    // Locked: sync stops, and Settings › Devices is closed like the history.
    await two.call('vault.lock');
    const locked = (await two.attune.dispatch('devices.status', undefined, APP)) as { ok: boolean; error?: { code: string } };
    expect(locked).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
  });
});
