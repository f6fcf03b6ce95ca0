import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { CallContext } from '../ipc/call-context';
import { type Attune, createAttune } from './create-attune';
import { standInPlatform } from './testing/stand-in-platform';
import type { WindowMessage } from './testing/stand-in-windows';

/**
 * Sync through the real composition root (issue 18): two Attunes, each on its
 * own data dir, one folder between them. The first sets sync up from
 * Settings › Devices (main's folder dialog picks the folder); the second,
 * with no history yet, joins with the recovery key; from then on a check-in saved
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
  const messages: WindowMessage[] = [];
  platform.standIns.windows().deliver = (message) => messages.push(message);
  return { platform, attune: outcome.attune, call, messages };
};

/** A history set up with the passphrase and a recovery key, kept: what syncing needs. Answers the key. */
const setUpWithKeptKey = async (attune: Awaited<ReturnType<typeof startAttune>>): Promise<string> => {
  const { recoveryKey } = await attune.call<{ recoveryKey: string }>('vault.setup', {
    passphrase: PASSPHRASE,
    useKeychain: false,
    createRecoveryKey: true,
  });
  await attune.call('vault.keepRecoveryKey', { recoveryKey });
  return recoveryKey;
};

describe('createAttune: sync between two computers', () => {
  test('set up from Settings › Devices, link a second computer, and check-ins and deletes travel both ways', async () => {
    const folder = join(tempDir(), 'Dropbox');
    mkdirSync(folder);
    const one = await startAttune(tempDir());
    const recoveryKey = await setUpWithKeptKey(one);
    const before = await one.call<{ id: string }>('vault.append', { kind: 'check-in', data: { states: ['freeze'], needs: ['rest'] } });

    // Cancelled dialog: nothing happens.
    expect(await one.call('devices.setUp', { deviceName: 'Laptop' })).toMatchObject({ outcome: 'cancelled', status: { state: 'off' } });
    one.platform.standIns.nextFolder = folder;
    expect(await one.call('devices.setUp', { deviceName: 'Laptop' })).toMatchObject({
      outcome: 'set-up',
      status: { state: 'on', folder, deviceName: 'Laptop', devices: [] },
    });

    // The second computer has no history yet: it joins through the same folder with the recovery key.
    const two = await startAttune(tempDir());
    const link = (words: string) =>
      two.call<{ outcome: string; vault: { state: string } }>('devices.link', {
        recoveryKey: words,
        setup: { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false },
        deviceName: 'Desktop',
      });
    expect(await link(recoveryKey)).toMatchObject({ outcome: 'cancelled', vault: { state: 'not-set-up' } });
    two.platform.standIns.nextFolder = folder;
    expect(await link('not a recovery key')).toMatchObject({ outcome: 'not-a-recovery-key', vault: { state: 'not-set-up' } });
    two.platform.standIns.nextFolder = folder;
    expect(await link(recoveryKey)).toMatchObject({ outcome: 'linked', vault: { state: 'unlocked' } });
    // Every window follows, as after an unlock.
    expect(two.messages).toContainEqual(expect.objectContaining({ event: 'vault.changed', payload: { state: 'unlocked' } }));
    const status = await two.call<{ state: string; devices: { name: string | null }[] }>('devices.syncNow');
    expect(status).toMatchObject({ state: 'on', deviceName: 'Desktop' });
    expect(status.devices).toEqual([expect.objectContaining({ name: 'Laptop', waiting: [], held: 0, backwards: false })]);
    const listed = async (attune: typeof one) =>
      (await attune.call<{ entries: { id: string }[] }>('vault.list', { limit: 50 })).entries.map((entry) => entry.id).sort();
    expect(await listed(two)).toEqual([before.id]);

    // A window showing the history is told when entries come or go without it: a check-in saved here, and what a pass brings.
    const told = (attune: typeof one) =>
      attune.messages.filter((message) => message.kind === 'app' && message.event === 'history.changed').length;
    const toldBefore = [told(one), told(two)];
    const fromTwo = await two.call<{ id: string }>('vault.append', { kind: 'check-in', data: { states: ['fawn'], needs: ['quiet'] } });
    expect(told(two)).toBe((toldBefore[1] as number) + 1);
    await one.call('devices.syncNow');
    expect(await listed(one)).toEqual([before.id, fromTwo.id].sort());
    expect(told(one)).toBe((toldBefore[0] as number) + 1);
    // A pass that brings nothing says nothing.
    await one.call('devices.syncNow');
    expect(told(one)).toBe((toldBefore[0] as number) + 1);

    await one.call('vault.delete', { id: before.id });
    await two.call('devices.syncNow');
    expect(await listed(two)).toEqual([fromTwo.id]);
    expect(told(two)).toBe((toldBefore[1] as number) + 2);

    // History's mark: which entries the other computer added.
    expect(await two.call('devices.addedElsewhere', { ids: [before.id, fromTwo.id] })).toEqual({
      entries: [{ id: before.id, name: 'Laptop' }],
    });
    expect(await one.call('devices.addedElsewhere', { ids: [fromTwo.id] })).toEqual({ entries: [{ id: fromTwo.id, name: 'Desktop' }] });

    // Locked: sync stops; the status says only that, and that a link exists (Erase everything's words need it).
    await two.call('vault.lock');
    expect(await two.call('devices.status')).toMatchObject({ state: 'locked', folder: null, devices: [], linked: true });
    const refused = (await two.attune.dispatch('devices.addedElsewhere', { ids: [fromTwo.id] }, APP)) as { ok: boolean };
    expect(refused).toMatchObject({ ok: false, error: { code: 'vault-locked' } });

    // Erase everything on the second computer: sync's own files there go; the first keeps everything.
    await two.call('vault.erase', { confirm: true });
    expect(await two.call('devices.status')).toMatchObject({ state: 'off', linked: false });
    await one.call('devices.syncNow');
    expect(await listed(one)).toEqual([fromTwo.id]);

    // A new key on the first computer (§4.6): sync waits for its new recovery key to be kept, then goes on under it.
    const replaced = await one.call<{ recoveryKey: string }>('vault.replaceKey', {
      current: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    expect(await one.call('devices.status')).toMatchObject({ state: 'needs-recovery-key', folder: null, linked: true });
    await one.call('vault.keepRecoveryKey', { recoveryKey: replaced.recoveryKey });
    expect(await one.call('devices.status')).toMatchObject({ state: 'on', folder, deviceName: 'Laptop', linked: true });
    // Its own new recovery key opens only the key already in use here: nothing new to take, nothing changes.
    const adopt = (await one.attune.dispatch(
      'devices.adoptKey',
      { recoveryKey: replaced.recoveryKey, current: { method: 'passphrase', passphrase: PASSPHRASE } },
      APP,
    )) as { ok: boolean; value?: { outcome: string } };
    expect(adopt).toMatchObject({ ok: true, value: { outcome: 'wrong-recovery-key' } });
    expect(await one.call('devices.remove', { alsoFolderFiles: false })).toMatchObject({
      outcome: 'removed',
      folderFiles: 'kept',
      status: { state: 'off', linked: false },
    });
    expect(await listed(one)).toEqual([fromTwo.id]);
  });

  test('a computer with its own history joins from Settings › Devices with its passphrase; the two histories become one', async () => {
    const folder = join(tempDir(), 'Syncthing');
    mkdirSync(folder);
    const ownHistory = async () => {
      const app = await startAttune(tempDir());
      const recoveryKey = await setUpWithKeptKey(app);
      const entry = await app.call<{ id: string }>('vault.append', { kind: 'check-in', data: { states: ['fight'], needs: ['space'] } });
      return { app, recoveryKey, entry };
    };
    const one = await ownHistory();
    one.app.platform.standIns.nextFolder = folder;
    expect(await one.app.call('devices.setUp', { deviceName: 'Laptop' })).toMatchObject({ outcome: 'set-up' });

    const two = await ownHistory();
    two.app.platform.standIns.nextFolder = folder;
    expect(await two.app.call('devices.setUp', { deviceName: 'Desktop' })).toMatchObject({ outcome: 'already-set-up' });
    const current = { method: 'passphrase', passphrase: PASSPHRASE };
    // One way in or the other, never both; and nothing else rides along.
    for (const payload of [
      { recoveryKey: one.recoveryKey, deviceName: 'Desktop', current, setup: { useKeychain: true, createRecoveryKey: false } },
      { recoveryKey: one.recoveryKey, deviceName: 'Desktop', current: { method: 'recovery', recoveryKey: two.recoveryKey } },
      { recoveryKey: one.recoveryKey, deviceName: 'Desktop', current, folder },
    ]) {
      const refused = (await two.app.attune.dispatch('devices.link', payload, APP)) as { ok: boolean };
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    two.app.platform.standIns.nextFolder = folder;
    expect(await two.app.call('devices.link', { recoveryKey: one.recoveryKey, deviceName: 'Desktop', current })).toMatchObject({
      outcome: 'linked',
      vault: { state: 'unlocked', methods: { passphrase: true, recovery: true } },
      status: { state: 'on', deviceName: 'Desktop' },
    });
    await one.app.call('devices.syncNow');
    const both = [one.entry.id, two.entry.id].sort();
    for (const { app } of [one, two]) {
      const { entries } = await app.call<{ entries: { id: string }[] }>('vault.list', { limit: 50 });
      expect(entries.map((entry) => entry.id).sort()).toEqual(both);
    }
  });

  test('while synced, a new recovery key alone is refused: it would leave the old one opening the folder’s key', async () => {
    const folder = join(tempDir(), 'OneDrive');
    mkdirSync(folder);
    const one = await startAttune(tempDir());
    await setUpWithKeptKey(one);
    one.platform.standIns.nextFolder = folder;
    expect(await one.call('devices.setUp', { deviceName: 'Laptop' })).toMatchObject({ outcome: 'set-up' });
    const makeKey = async () => (await one.attune.dispatch('vault.makeRecoveryKey', undefined, APP)) as { ok: boolean };
    expect(await makeKey()).toMatchObject({ ok: false, error: { code: 'synced-new-key', message: expect.stringContaining('Replace') } });
    // Nothing waits to be kept: the recovery key in use is the only one.
    expect(await one.attune.dispatch('vault.copyRecoveryKey', undefined, APP)).toMatchObject({
      ok: false,
      error: { code: 'recovery-key-gone' },
    });

    // A re-key whose new recovery key was left unkept (the notice closed): sync waits, and making one is the way on.
    await one.call('vault.replaceKey', { current: { method: 'passphrase', passphrase: PASSPHRASE } });
    expect(await one.call('vault.status')).toMatchObject({ methods: { recovery: false } });
    expect(await one.call('devices.status')).toMatchObject({ state: 'needs-recovery-key', linked: true });
    const made = await one.call<{ recoveryKey: string }>('vault.makeRecoveryKey');
    await one.call('vault.keepRecoveryKey', { recoveryKey: made.recoveryKey });
    expect(await one.call('devices.status')).toMatchObject({ state: 'on', linked: true });
    expect(await makeKey()).toMatchObject({ ok: false, error: { code: 'synced-new-key' } });

    // "Add them anyway" names one other computer by its id, and nothing else; with sync off there is nothing to add.
    for (const payload of [{ deviceId: 'not-an-id' }, { deviceId: 'e'.repeat(32), folder }, undefined])
      expect(await one.attune.dispatch('devices.addHeld', payload, APP)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await one.call('devices.addHeld', { deviceId: 'e'.repeat(32) })).toMatchObject({ state: 'on' });

    // Stopping says whether the folder's files go too, and nothing else.
    for (const payload of [undefined, {}, { alsoFolderFiles: 'yes' }, { alsoFolderFiles: true, folder }])
      expect(await one.attune.dispatch('devices.remove', payload, APP)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await one.call('devices.status')).toMatchObject({ state: 'on' });
    // Not synced any more, and the last computer there: Attune's files leave the folder with it.
    expect(await one.call('devices.remove', { alsoFolderFiles: true })).toMatchObject({ outcome: 'removed', folderFiles: 'deleted' });
    expect(readdirSync(folder)).toEqual([]);
    // A new recovery key alone is fine again.
    expect(await makeKey()).toMatchObject({ ok: true });
    expect(await one.attune.dispatch('devices.addHeld', { deviceId: 'e'.repeat(32) }, APP)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
