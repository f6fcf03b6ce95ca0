import { access, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { checkIn } from '../vault/testing/vault-fixtures';
import { makeComputer, newVaultId, startEngine, type TestComputer } from './testing/sync-computers';

/**
 * docs/sync-format.md §4.5 and §5.3 (e): "Remove this device" leaves one
 * final segment restating every id the device carries and nothing else of
 * it; the other computers adopt those ids into their next checkpoint, so a
 * computer linked later gets every entry even after someone deletes the
 * final segment by hand. On real files, one shared folder.
 */
const tempDir = useTempDirs();

const ids = async (computer: TestComputer): Promise<string[]> => (await computer.vault.entries()).map((entry) => entry.id).sort();
const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

describe('removing one of three computers (§4.5)', () => {
  it('leaves only its final segment; the others adopt its ids, so a computer linked later still gets everything', async () => {
    const root = tempDir('attune-remove-');
    const syncRoot = join(root, 'F', 'attune-sync');
    const vaultId = newVaultId();
    const { computer: a, given } = await makeComputer(join(root, 'a'), syncRoot, vaultId);
    const { computer: b } = await makeComputer(join(root, 'b'), syncRoot, vaultId, given);
    const { computer: c } = await makeComputer(join(root, 'c'), syncRoot, vaultId, given);
    const [engineA, engineB, engineC] = [await startEngine(a), await startEngine(b), await startEngine(c)];
    const fromA = await engineA.append(checkIn('written on a'));
    await engineB.append(checkIn('written on b'));
    for (const engine of [engineA, engineB, engineC]) await engine.pass();
    // Written and deleted on c only, and never passed to the others before it goes.
    const onlyC = [await engineC.append(checkIn('only on c')), await engineC.append(checkIn('also only on c'))];
    await engineC.delete(fromA.id);
    const cFolder = join(syncRoot, 'devices', engineC.deviceId);

    await engineC.remove();
    const left = await readdir(cFolder);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^seg-\d{8}-[0-9a-f]{64}\.alog$/);
    expect(await exists(c.localDir)).toBe(false);
    // The local history stays.
    expect((await ids(c)).length).toBe(3);
    await expect(engineC.pass()).rejects.toThrow();

    const passA = await engineA.pass();
    expect(passA.devices.find((device) => device.deviceId === engineC.deviceId)?.final).toBe(true);
    await engineB.pass();
    // The next checkpoint of each (due now: a final segment was adopted, an entry was deleted here) is written by now.
    for (const engine of [engineA, engineB]) await engine.pass();
    await rm(join(cFolder, left[0] as string));

    const { computer: d } = await makeComputer(join(root, 'd'), syncRoot, vaultId, given);
    const engineD = await startEngine(d);
    await engineD.pass();
    const everything = await ids(a);
    expect(everything).toEqual(expect.arrayContaining(onlyC.map((entry) => entry.id)));
    expect(everything).not.toContain(fromA.id);
    expect(await ids(d)).toEqual(everything);
    expect(await ids(b)).toEqual(everything);
    for (const engine of [engineA, engineB, engineD]) await engine.idle();
    for (const computer of [a, b, c, d]) await computer.vault.close();
  });

  it('a computer that carries nothing leaves no folder at all', async () => {
    const root = tempDir('attune-remove-empty-');
    const syncRoot = join(root, 'F', 'attune-sync');
    const { computer } = await makeComputer(join(root, 'a'), syncRoot, newVaultId());
    const engine = await startEngine(computer);
    await engine.pass();
    await engine.remove();
    expect(await readdir(join(syncRoot, 'devices'))).toEqual([]);
    expect(await exists(computer.localDir)).toBe(false);
    await computer.vault.close();
  });

  it('stops with nothing deleted when the sync folder refuses the final segment', async () => {
    const root = tempDir('attune-remove-refused-');
    const syncRoot = join(root, 'F', 'attune-sync');
    const vaultId = newVaultId();
    const { computer, given } = await makeComputer(join(root, 'a'), syncRoot, vaultId);
    const { computer: peer } = await makeComputer(join(root, 'b'), syncRoot, vaultId, given);
    let refuse = false;
    const devices = join(syncRoot, 'devices');
    // The folder turns read-only (or is unplugged) after the first publish: every new file under it is refused.
    const fs: FsPort = {
      ...nodeFs,
      open: (path, flags, mode) =>
        refuse && path.startsWith(devices)
          ? Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' }))
          : nodeFs.open(path, flags, mode),
    };
    const engine = await startEngine(computer, { fs });
    await engine.append(checkIn('kept'));
    const folder = join(devices, engine.deviceId);
    const before = await readdir(folder);
    refuse = true;
    await expect(engine.remove()).rejects.toThrow();
    expect(await readdir(folder)).toEqual(before);
    expect(await exists(computer.localDir)).toBe(true);
    // Once the folder takes files again, the device that stayed does not look removed to the others.
    refuse = false;
    await engine.pass();
    const peerEngine = await startEngine(peer);
    const seen = await peerEngine.pass();
    expect(seen.devices.find((device) => device.deviceId === engine.deviceId)?.final).toBe(false);
    expect(await peer.vault.entries()).toHaveLength(1);
    // And removing works.
    await engine.remove();
    expect(await readdir(folder)).toHaveLength(1);
    await peerEngine.idle();
    await computer.vault.close();
    await peer.vault.close();
  });
});
