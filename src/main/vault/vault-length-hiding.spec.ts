import { createCipheriv, createDecipheriv } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { NEED_IDS, STATE_IDS } from '../../shared/entry-schema';
import { importKey } from './aead';
import { pad } from './padding';
import { encodeRecord, hashText } from './record-codec';
import { createFakeKeychain } from './testing/fake-keychain';
import { checkIn, followUp, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Issue 14: the files show which length bucket a record fell in, not its
 * exact length, so a long note cannot be told from a short one within a
 * bucket, nor a check-in from a follow-up. Padding is authenticated, and an
 * authentic record or chunk whose padding is malformed is reported as damage.
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

const open = async (at = root): Promise<VaultService> => {
  const vault = makeVault(at, { keychain });
  services.push(vault);
  return vault;
};
const journalLines = async (at = root): Promise<string[]> =>
  (await readFile(join(vaultDirIn(at), 'journal.log'), 'latin1')).split('\n').filter(Boolean);
/** The `body` field: ciphertext and tag. */
const bodyLength = (line: string): number => (line.split('.')[4] as string).length;

const dataKeyOf = async (at = root): Promise<{ keyId: string; dataKey: Buffer }> => {
  const keyFile = JSON.parse(await readFile(join(vaultDirIn(at), 'vault.json'), 'utf8')) as {
    keyId: string;
    wraps: { keychain: { blob: string } };
  };
  return { keyId: keyFile.keyId, dataKey: keychain.decrypt(Buffer.from(keyFile.wraps.keychain.blob, 'base64url')) };
};

describe('record lengths show only a bucket', () => {
  it('a bare check-in, a full one with a long note, and a follow-up give journal lines of one length', async () => {
    const vault = await open();
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const bare = await vault.append({ kind: 'check-in', data: { states: [], needs: [] } });
    await vault.append({
      kind: 'check-in',
      data: {
        states: [...STATE_IDS],
        driver: 'observing',
        capacity: 5,
        needs: [...NEED_IDS],
        step: { id: 'look-at-something-neutral', text: 'Rest your eyes on something plain' },
      },
    });
    await vault.append(checkIn(`${'A long evening, written out at length. '.repeat(10)}`));
    await vault.append(followUp(bare.id));
    await vault.append({ kind: 'follow-up', data: { checkInId: bare.id, outcome: 'did-not-get-to-it', instead: 'Slept instead.' } });
    const lines = await journalLines();
    expect(lines).toHaveLength(5);
    // Seqs 1–5 have one digit each, so whole lines compare too.
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(new Set(lines.map(bodyLength))).toEqual(new Set([Math.ceil(((1024 + 16) * 4) / 3)]));
  });

  it('a note past the first bucket moves to the next one, not to its own length', async () => {
    const vault = await open();
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('x'.repeat(900)));
    await vault.append(checkIn('x'.repeat(1800)));
    expect((await journalLines()).map(bodyLength)).toEqual([Math.ceil(((2048 + 16) * 4) / 3), Math.ceil(((2048 + 16) * 4) / 3)]);
  });

  it('two small vaults with different entries and amounts of text have snapshots of one size', async () => {
    const a = await open(join(root, 'a'));
    await a.setup({ useKeychain: true, createRecoveryKey: false });
    await a.append({ kind: 'check-in', data: { states: [], needs: [] } });
    await a.compact();
    const b = await open(join(root, 'b'));
    await b.setup({ useKeychain: true, createRecoveryKey: false });
    const first = await b.append(checkIn('Shoulders down a little after the walk home.'));
    await b.append(followUp(first.id));
    await b.append(checkIn());
    await b.compact();
    const sizeOf = async (at: string): Promise<number> => (await readFile(join(vaultDirIn(at), 'snapshot.bin'))).length;
    expect(await sizeOf(join(root, 'a'))).toBe(await sizeOf(join(root, 'b')));
  });
});

describe('malformed padding inside an authentic record is damage, never a crash', () => {
  it('a journal record sealed with the right key but bad padding is reported by its seq; the rest reads', async () => {
    const vault = await open();
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const kept = await vault.append(checkIn('kept'));
    await vault.close();
    const lines = await journalLines();
    const { keyId, dataKey } = await dataKeyOf();
    const key = importKey(dataKey);
    // A correct record for seq 2, then its padded payload swapped for one with a stray byte after the mark.
    const good = encodeRecord(key, keyId, 2, hashText(lines[0] as string), Buffer.from('{"v":1,"op":"del","id":"x"}'));
    const [mark, seq, prev, ivText] = good.split('.') as [string, string, string, string, string];
    const payload = pad(Buffer.from('{"v":1,"op":"del","id":"x"}'));
    payload[payload.length - 1] = 1;
    const cipher = createCipheriv('aes-256-gcm', dataKey, Buffer.from(ivText, 'base64url')).setAAD(
      Buffer.from(`attune-vault.v2.record.${keyId}.${seq}.${prev}`),
    );
    const body = Buffer.concat([cipher.update(payload), cipher.final(), cipher.getAuthTag()]).toString('base64url');
    await appendFile(join(vaultDirIn(root), 'journal.log'), `${[mark, seq, prev, ivText, body].join('.')}\n`, 'latin1');

    const again = await open();
    const status = await again.unlock({ method: 'keychain' });
    expect(status.problems).toEqual([{ kind: 'damaged', affected: [{ from: 2, to: 2 }], setAside: expect.any(String) }]);
    expect((await again.list({ limit: 10 })).entries.map((entry) => entry.id)).toEqual([kept.id]);
  });

  it('a snapshot chunk re-sealed with bad padding is reported with its seq range', async () => {
    const vault = await open();
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    for (let i = 0; i < 3; i += 1) await vault.append(checkIn(`rolled ${i}`));
    await vault.compact();
    await vault.close();
    const path = join(vaultDirIn(root), 'snapshot.bin');
    const bytes = await readFile(path);
    const { keyId, dataKey } = await dataKeyOf();
    // Frame 0 is the header; frame 1 the one chunk. Re-seal the chunk's plaintext with its mark removed.
    const headerEnd = 24 + 4 + bytes.readUInt32BE(24);
    const end = headerEnd + 4 + bytes.readUInt32BE(headerEnd);
    const head = bytes.subarray(headerEnd + 4, headerEnd + 25);
    const iv = bytes.subarray(headerEnd + 25, headerEnd + 37);
    const aad = Buffer.concat([Buffer.from(`attune-vault.v2.snapshot.${keyId}.${bytes.subarray(8, 24).toString('hex')}.`), head]);
    const decipher = createDecipheriv('aes-256-gcm', dataKey, iv)
      .setAAD(aad)
      .setAuthTag(bytes.subarray(end - 16, end));
    const padded = Buffer.concat([decipher.update(bytes.subarray(headerEnd + 37, end - 16)), decipher.final()]);
    padded[padded.lastIndexOf(0x80)] = 0;
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv).setAAD(aad);
    const sealed = Buffer.concat([cipher.update(padded), cipher.final(), cipher.getAuthTag()]);
    await writeFile(path, Buffer.concat([bytes.subarray(0, headerEnd + 37), sealed, bytes.subarray(end)]));

    const again = await open();
    const status = await again.unlock({ method: 'keychain' });
    expect(status.problems).toEqual([{ kind: 'snapshot-damaged', affected: [{ from: 1, to: 3 }], setAside: expect.any(String) }]);
    expect(status.entryCount).toBe(0);
  });
});
