import { createCipheriv, createDecipheriv } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { pad, unpad } from './padding';
import { createFakeKeychain } from './testing/fake-keychain';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService, VaultStatus } from './vault-service';

/**
 * Whole frames cut out of snapshot.bin leave no damaged byte behind, so
 * completeness is checked on every open against the header's chunk list and
 * entry count. A short read is reported as snapshot damage, the file is
 * copied to recovered/, and no compaction replaces it with a smaller one
 * until the person accepts what is left.
 */
let root: string;
const keychain = createFakeKeychain();
const services: VaultService[] = [];
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir();
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close();
});

const snapshotPath = (): string => join(vaultDirIn(root), 'snapshot.bin');
const journalPath = (): string => join(vaultDirIn(root), 'journal.log');
const recoveredDir = (): string => join(vaultDirIn(root), 'recovered');
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const idsOf = (entries: Entry[], seqs: number[]): string[] => seqs.map((seq) => (entries[seq - 1] as Entry).id);

/** `count` entries rolled into a snapshot (chunks of 512), journal empty, closed. */
const buildRolled = async (count: number): Promise<Entry[]> => {
  const vault = makeVault(root, { keychain });
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  const saved: Entry[] = [];
  for (let i = 1; i <= count; i += 1) saved.push(await vault.append(checkIn(`entry ${i}`)));
  await vault.compact();
  await vault.close();
  return saved;
};

const open = async (options: { rollAfterRecords?: number } = {}): Promise<{ vault: VaultService; status: VaultStatus; ids: string[] }> => {
  for (const previous of services.splice(0)) await previous.close();
  const vault = makeVault(root, { keychain, ...options });
  services.push(vault);
  const status = await vault.unlock({ method: 'keychain' });
  const ids = (await vault.list({ limit: 10_000 })).entries.map((entry) => entry.id).reverse();
  return { vault, status, ids };
};

/** The frames of snapshot.bin as [start, end) byte offsets; frame 0 is the header. */
const frames = (bytes: Buffer): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  for (let offset = 24; offset < bytes.length;) {
    const end = offset + 4 + bytes.readUInt32BE(offset);
    out.push([offset, end]);
    offset = end;
  }
  return out;
};

const cutFrames = async (drop: number[]): Promise<Buffer> => {
  const bytes = await readFile(snapshotPath());
  const kept = frames(bytes)
    .filter((_, index) => !drop.includes(index))
    .map(([start, end]) => bytes.subarray(start, end));
  const cut = Buffer.concat([bytes.subarray(0, 24), ...kept]);
  await writeFile(snapshotPath(), cut);
  return cut;
};

const incidents = async (): Promise<Array<{ problems: unknown[]; pieces: Array<{ source: string; bytes: string }> }>> => {
  const names = (await readdir(recoveredDir())).filter((name) => name.startsWith('incident-'));
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(recoveredDir(), name), 'utf8')) as never));
};

const snapshotDamage = (from: number, to: number) => ({
  kind: 'snapshot-damaged',
  affected: [{ from, to }],
  setAside: expect.stringMatching(/^incident-\d+-[0-9a-f]{6}\.json$/),
});

describe('a snapshot with whole chunk frames cut out', () => {
  it('cut right after the header: every chunk is reported lost and the file is set aside whole', async () => {
    await buildRolled(700);
    const cut = await cutFrames([1, 2]);
    const { status, ids } = await open();
    expect(status.problems).toEqual([
      {
        kind: 'snapshot-damaged',
        affected: [
          { from: 1, to: 512 },
          { from: 513, to: 700 },
        ],
        setAside: expect.any(String),
      },
    ]);
    expect(ids).toEqual([]);
    expect(status.recoveredFiles).toBe(1);
    const [incident] = await incidents();
    expect(incident?.pieces).toEqual([{ source: 'snapshot', seq: null, offset: 0, bytes: cut.toString('base64url') }]);
  });

  it('a middle chunk cut out: its seq range is reported, the chunks around it stay', async () => {
    const saved = await buildRolled(1300);
    await cutFrames([2]);
    const { status, ids } = await open();
    expect(status.problems).toEqual([snapshotDamage(513, 1024)]);
    expect(ids).toEqual(idsOf(saved, [...range(1, 512), ...range(1025, 1300)]));
  });

  it('the last chunk cut out: its seq range is reported', async () => {
    const saved = await buildRolled(1300);
    await cutFrames([3]);
    const { status, ids } = await open();
    expect(status.problems).toEqual([snapshotDamage(1025, 1300)]);
    expect(ids).toEqual(idsOf(saved, range(1, 1024)));
  });

  it('an entry count that does not match what decrypted is reported, even when every frame authenticates', async () => {
    await buildRolled(20);
    const bytes = await readFile(snapshotPath());
    const keyFile = JSON.parse(await readFile(join(vaultDirIn(root), 'vault.json'), 'utf8')) as {
      keyId: string;
      wraps: { keychain: { blob: string } };
    };
    const dataKey = keychain.decrypt(Buffer.from(keyFile.wraps.keychain.blob, 'base64url'));
    // Re-seal the header with the real key, claiming one entry more than the chunks hold.
    const [[start, end] = [0, 0]] = frames(bytes);
    const head = bytes.subarray(start + 4, start + 25);
    const iv = bytes.subarray(start + 25, start + 37);
    const aad = Buffer.concat([Buffer.from(`attune-vault.v2.snapshot.${keyFile.keyId}.${bytes.subarray(8, 24).toString('hex')}.`), head]);
    const decipher = createDecipheriv('aes-256-gcm', dataKey, iv)
      .setAAD(aad)
      .setAuthTag(bytes.subarray(end - 16, end));
    const padded = Buffer.concat([decipher.update(bytes.subarray(start + 37, end - 16)), decipher.final()]);
    const header = JSON.parse((unpad(padded) as Buffer).toString()) as { entryCount: number };
    header.entryCount += 1;
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv).setAAD(aad);
    const body = Buffer.concat([cipher.update(pad(Buffer.from(JSON.stringify(header)))), cipher.final(), cipher.getAuthTag()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(21 + 12 + body.length);
    await writeFile(snapshotPath(), Buffer.concat([bytes.subarray(0, 24), length, head, iv, body, bytes.subarray(end)]));

    const { status, ids } = await open();
    expect(status.problems).toEqual([{ kind: 'snapshot-damaged', affected: [], setAside: expect.any(String) }]);
    expect(ids).toHaveLength(20);
  });
});

describe('compaction is held while snapshot damage is not accepted', () => {
  it('appends, deletes, compaction requests, background rolls and reopening leave the damaged snapshot as it is', async () => {
    const saved = await buildRolled(1300);
    const cut = await cutFrames([2]);
    const first = await open({ rollAfterRecords: 2 });
    const kept = first.ids;
    // Enough appends to pass the background-roll threshold (2 × rollAfterRecords).
    const added: string[] = [];
    for (let i = 0; i < 6; i += 1) added.push((await first.vault.append(checkIn(`after the cut ${i}`))).id);
    await expect(first.vault.compact()).rejects.toMatchObject({ code: 'vault-damaged' });
    const deleted = saved[0] as Entry;
    expect(await first.vault.delete(deleted.id)).toEqual({ deletedIds: [deleted.id], compacted: false });
    await first.vault.close();
    expect(await readFile(snapshotPath())).toEqual(cut);

    // Found again at the next unlock, still held, and kept in recovered/ once.
    const second = await open({ rollAfterRecords: 2 });
    expect(second.status.problems).toEqual([snapshotDamage(513, 1024)]);
    expect(second.ids).toEqual([...kept.filter((id) => id !== deleted.id), ...added]);
    expect(await readFile(snapshotPath())).toEqual(cut);
    expect(second.status.recoveredFiles).toBe(1);
    const [incident] = await incidents();
    expect(incident?.pieces.filter((piece) => piece.source === 'snapshot')).toEqual([
      { source: 'snapshot', seq: null, offset: 0, bytes: cut.toString('base64url') },
    ]);
  });

  it('once the person accepts what is left, compaction runs and the next open is clean', async () => {
    const saved = await buildRolled(1300);
    await cutFrames([3]);
    const first = await open();
    const next = await first.vault.append(checkIn('after the cut'));
    const accepted = await first.vault.acceptSnapshotDamage();
    expect(accepted.problems).toEqual([]);
    const again = await open();
    expect(again.status.problems).toEqual([]);
    expect(again.ids).toEqual([...idsOf(saved, range(1, 1024)), next.id]);
    expect(again.status.recoveredFiles).toBe(1);
  });
});

describe('seqs are never reused', () => {
  it('after a damaged snapshot header is accepted and rolled, the next append takes the seq after the highest seen', async () => {
    await buildRolled(700);
    const bytes = await readFile(snapshotPath());
    bytes.writeUInt8(bytes.readUInt8(24 + 4 + 21 + 12 + 3) ^ 0x01, 24 + 4 + 21 + 12 + 3); // inside the header's ciphertext
    await writeFile(snapshotPath(), bytes);
    const first = await open();
    expect(first.status.problems).toEqual([{ kind: 'snapshot-damaged', affected: [], setAside: expect.any(String) }]);
    expect(first.ids).toHaveLength(700);
    await first.vault.acceptSnapshotDamage();
    await first.vault.append(checkIn('after the repair'));
    const journal = await readFile(journalPath(), 'latin1');
    expect(journal.split('\n')[0]).toMatch(/^A2\.701\./);
    const again = await open();
    expect(again.status.problems).toEqual([]);
    expect(again.ids).toHaveLength(701);
  });

  it('with the damaged header still held, appends go on after the highest seq and link on', async () => {
    await buildRolled(700);
    const bytes = await readFile(snapshotPath());
    bytes.writeUInt8(bytes.readUInt8(24 + 4 + 21 + 12 + 3) ^ 0x01, 24 + 4 + 21 + 12 + 3);
    await writeFile(snapshotPath(), bytes);
    const first = await open();
    await first.vault.append(checkIn('one'));
    await first.vault.append(checkIn('two'));
    expect((await readFile(journalPath(), 'latin1')).split('\n').map((line) => line.split('.')[1])).toEqual(['701', '702', undefined]);
    const again = await open();
    expect(again.status.problems).toEqual([{ kind: 'snapshot-damaged', affected: [], setAside: expect.any(String) }]);
    expect(again.ids).toHaveLength(702);
  });
});
