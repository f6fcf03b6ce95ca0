import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { byId, checkIn, makeVault, openVaults } from '../vault/testing/vault-fixtures';
import type { VaultService } from '../vault/vault-service';
import { readDeviceName } from './device-file';
import { readFormatFile } from './format-file';
import { type LinkPlaces, linkSync, resumeSync, setUpSync } from './sync-link';
import { decodeSyncState, encodeSyncState, STATE_FILE } from './sync-state-file';

/**
 * Setting up sync on one computer and linking a second through the same
 * folder (docs/sync-format.md §4.2, §4.4), and finding the link again at
 * the next unlock — on real files, with the vault's real setup path.
 */
const vaults = openVaults();
afterEach(vaults.closeAll);
const tempDir = useTempDirs();
let root: string;
let folder: string;
beforeEach(async () => {
  root = tempDir('attune-link-');
  folder = join(root, 'Dropbox');
  await mkdir(folder);
});

const places = (computer: string, machineId: string | undefined = `machine-${computer}`): LinkPlaces => ({
  fs: nodeFs,
  vaultDir: join(root, computer, 'vault'),
  folder,
  machineId,
  now: () => 1_795_424_400_000,
});

const firstComputer = async (): Promise<{ vault: VaultService; recoveryKey: string }> => {
  const vault = vaults.track(makeVault(join(root, 'one')));
  const made = await vault.setup({ passphrase: 'the first passphrase', useKeychain: false, createRecoveryKey: true });
  await vault.keepRecoveryKey(made.recoveryKey as string);
  return { vault, recoveryKey: made.recoveryKey as string };
};

describe('setting up and linking', () => {
  it('the second computer opens the folder with the recovery key and shares the data key; both find the link again', async () => {
    const { vault: first, recoveryKey } = await firstComputer();
    await first.append(checkIn('on the first computer'));
    const setUp = await setUpSync(places('one'), first, 'Work laptop');
    if (setUp.kind !== 'set-up') throw new Error(setUp.kind);
    const format = await readFormatFile(setUp.syncRoot);
    expect(format).toMatchObject({ kind: 'ok', vaultId: setUp.identity.vaultId });
    expect(await readDeviceName(setUp.syncRoot, setUp.identity.deviceId, setUp.identity.vaultId, (id) => setUp.identity.keys.get(id))).toBe(
      'Work laptop',
    );

    const second = vaults.track(makeVault(join(root, 'two')));
    const linked = await linkSync(places('two'), second, {
      recoveryKey: ` ${recoveryKey.toLowerCase()} `,
      setup: { passphrase: 'the second passphrase', useKeychain: false, createRecoveryKey: false },
      deviceName: 'Home desktop',
    });
    if (linked.kind !== 'linked') throw new Error(linked.kind);
    expect(linked.identity.vaultId).toBe(setUp.identity.vaultId);
    expect(linked.identity.keyId).toBe(setUp.identity.keyId);
    expect(linked.identity.deviceId).not.toBe(setUp.identity.deviceId);
    // Same data key: what one seals, the other opens.
    const sealed = encodeSyncState(setUp.identity.keys.get(setUp.identity.keyId) as never, { ...linked.identity }, linked.state);
    expect(decodeSyncState(linked.identity.keys.get(linked.identity.keyId) as never, linked.identity, sealed)?.state).toEqual(linked.state);
    expect(await second.status()).toMatchObject({ state: 'unlocked', methods: { passphrase: true, recovery: true } });

    // Next unlock, on each computer: the link is found with the same ids.
    await second.close();
    const reopened = vaults.track(makeVault(join(root, 'two')));
    await reopened.unlock({ method: 'recovery', recoveryKey });
    const resumed = await resumeSync(places('two'), reopened);
    expect(resumed).toMatchObject({ kind: 'resumed', syncRoot: linked.syncRoot, state: { folder, deviceName: 'Home desktop' } });
    if (resumed.kind === 'resumed') expect({ ...resumed.identity, keys: undefined }).toEqual({ ...linked.identity, keys: undefined });
    expect(await resumeSync(places('one'), first)).toMatchObject({ kind: 'resumed', identity: { deviceId: setUp.identity.deviceId } });
  });

  it('a second set-up in the same folder links instead, and writes nothing over the first', async () => {
    const { vault } = await firstComputer();
    expect((await setUpSync(places('one'), vault, 'Laptop')).kind).toBe('set-up');
    const format = await readFile(join(folder, 'attune-sync', 'format.json'));
    const other = vaults.track(makeVault(join(root, 'two')));
    await other
      .setup({ passphrase: 'another history here', useKeychain: false, createRecoveryKey: true })
      .then(async (made) => other.keepRecoveryKey(made.recoveryKey as string));
    expect(await setUpSync(places('two'), other, 'Desktop')).toEqual({ kind: 'already-set-up' });
    expect(await readFile(join(folder, 'attune-sync', 'format.json'))).toEqual(format);
  });

  it('needs a kept recovery key to set up', async () => {
    const vault = vaults.track(makeVault(join(root, 'one')));
    await vault.setup({ passphrase: 'no recovery key here', useKeychain: false, createRecoveryKey: false });
    expect(await setUpSync(places('one'), vault, 'Laptop')).toEqual({ kind: 'needs-recovery-key' });
    expect(await readFormatFile(join(folder, 'attune-sync'))).toEqual({ kind: 'absent' });
  });

  it('says plainly what is wrong with the folder or the words, and makes no vault', async () => {
    const { vault: first, recoveryKey } = await firstComputer();
    const second = vaults.track(makeVault(join(root, 'two')));
    const link = (words: string) =>
      linkSync(places('two'), second, {
        recoveryKey: words,
        setup: { passphrase: 'the second passphrase', useKeychain: false, createRecoveryKey: false },
        deviceName: 'Desktop',
      });
    expect(await link(recoveryKey)).toEqual({ kind: 'not-set-up' });
    expect((await setUpSync(places('one'), first, 'Laptop')).kind).toBe('set-up');
    expect(await link('not a key')).toEqual({ kind: 'not-a-recovery-key', reason: 'format' });
    const typo = recoveryKey.replace(/[A-Z2-7](?=[^A-Z2-7]*$)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await link(typo)).kind).toMatch(/^(not-a-recovery-key|wrong-recovery-key)$/);
    const someoneElses = await (async () => {
      const other = vaults.track(makeVault(join(root, 'three')));
      const made = await other.setup({ passphrase: 'a third history', useKeychain: false, createRecoveryKey: true });
      return made.recoveryKey as string;
    })();
    expect(await link(someoneElses)).toEqual({ kind: 'wrong-recovery-key' });
    expect((await second.status()).state).toBe('not-set-up');

    await writeFile(join(folder, 'attune-sync', 'format.json'), JSON.stringify({ format: 'attune-sync', version: 2 }));
    expect(await link(recoveryKey)).toEqual({ kind: 'newer-folder' });
    await rm(join(folder, 'attune-sync', 'format.json'));
    await mkdir(join(folder, 'attune-sync', 'format.json'));
    expect(await link(recoveryKey)).toEqual({ kind: 'unreadable-folder' });
    expect((await second.status()).state).toBe('not-set-up');
  });

  it('does not link over a history this computer already has', async () => {
    const { vault: first, recoveryKey } = await firstComputer();
    expect((await setUpSync(places('one'), first, 'Laptop')).kind).toBe('set-up');
    const second = vaults.track(makeVault(join(root, 'two')));
    await second.setup({ passphrase: 'a history of its own', useKeychain: false, createRecoveryKey: false });
    const own = await second.append(checkIn('mine'));
    const result = await linkSync(places('two'), second, {
      recoveryKey,
      setup: { passphrase: 'x'.repeat(12), useKeychain: false, createRecoveryKey: false },
      deviceName: 'Desktop',
    });
    expect(result).toEqual({ kind: 'has-history' });
    expect(byId(await second.entries())).toEqual([own]);
  });
});

describe('finding the link again', () => {
  it('is off before any set-up, and on another machine asks for a new device id', async () => {
    const { vault } = await firstComputer();
    expect(await resumeSync(places('one'), vault)).toEqual({ kind: 'off' });
    expect((await setUpSync(places('one'), vault, 'Laptop')).kind).toBe('set-up');
    expect(await resumeSync(places('one', 'a-restored-copy-elsewhere'), vault)).toEqual({ kind: 'another-machine' });
    // No machine id can be read here: the folder check (§4.3 rule 2) is left to decide.
    expect((await resumeSync(places('one', undefined), vault)).kind).toBe('resumed');
  });

  it('after a re-key the link does not open under the new key: sync stops here, nothing is lost (§4.6 not built)', async () => {
    const { vault } = await firstComputer();
    const entry = await vault.append(checkIn('kept through the re-key'));
    expect((await setUpSync(places('one'), vault, 'Laptop')).kind).toBe('set-up');
    await vault.rekey({ method: 'passphrase', passphrase: 'the first passphrase' });
    expect(await resumeSync(places('one'), vault)).toEqual({ kind: 'unreadable' });
    expect(await vault.get(entry.id)).toEqual(entry);
  });

  it('a damaged or foreign state file is unreadable, never an error', async () => {
    const { vault } = await firstComputer();
    const setUp = await setUpSync(places('one'), vault, 'Laptop');
    if (setUp.kind !== 'set-up') throw new Error(setUp.kind);
    const path = join(setUp.localDir, STATE_FILE);
    const bytes = await readFile(path);
    for (const damaged of [
      Buffer.alloc(0),
      bytes.subarray(0, 40),
      Buffer.concat([bytes, Buffer.from([0])]),
      Buffer.from(bytes).fill(7, 30, 31),
    ]) {
      await writeFile(path, damaged);
      expect(await resumeSync(places('one'), vault)).toEqual({ kind: 'unreadable' });
    }
    await chmod(path, 0o000);
    if (process.getuid?.() !== 0) expect(await resumeSync(places('one'), vault)).toEqual({ kind: 'unreadable' });
  });
});
