import { createHmac, scryptSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeEach, describe, expect, it } from 'vitest';

import { gcmOpen, recoverySecret, sha256 } from '../../../tests/support/doc-crypto';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { checkIn, followUp, makeVault, vaultDirIn } from './testing/vault-fixtures';

/**
 * A reader written from docs/vault-format.md alone, with plain node:crypto
 * calls — the reader imports nothing from the vault module (the module only
 * writes the vault under test). If the docs and the code ever disagree, this
 * test says so.
 */
type Json = Record<string, unknown>;

const b64u = (text: string): Buffer => Buffer.from(text, 'base64url');

/** §3: passphrase wrap. */
const keyFromPassphrase = (keyFile: Json, passphrase: string): Buffer => {
  const wrap = (keyFile.wraps as Json).passphrase as Json;
  const N = wrap.N as number;
  const r = wrap.r as number;
  const kek = scryptSync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), b64u(wrap.salt as string), 32, {
    N,
    r,
    p: wrap.p as number,
    maxmem: 256 * 1024 * 1024,
  });
  return gcmOpen(
    kek,
    b64u(wrap.iv as string),
    b64u(wrap.ct as string),
    b64u(wrap.tag as string),
    Buffer.from(`attune-vault.v1.wrap.passphrase.${keyFile.keyId as string}`),
  );
};

/** §3: recovery key → Crockford base32 → secret + checksum → HMAC → unwrap. */
const keyFromRecovery = (keyFile: Json, recoveryKey: string): Buffer => {
  const secret = recoverySecret(recoveryKey);
  const wrap = (keyFile.wraps as Json).recovery as Json;
  const kek = createHmac('sha256', secret)
    .update('attune-vault.v1.recovery')
    .update(b64u(wrap.salt as string))
    .digest();
  return gcmOpen(
    kek,
    b64u(wrap.iv as string),
    b64u(wrap.ct as string),
    b64u(wrap.tag as string),
    Buffer.from(`attune-vault.v1.wrap.recovery.${keyFile.keyId as string}`),
  );
};

/**
 * §4.1: version 2 plaintexts end in 0x80 then zero bytes, and are exactly
 * the bucket their content calls for; version 1 has no padding.
 */
const unpadded = (plain: Buffer, version: number): Buffer => {
  if (version === 1) return plain;
  let end = plain.length;
  while (end > 0 && plain[end - 1] === 0) end -= 1;
  expect(plain[end - 1]).toBe(0x80);
  const content = plain.subarray(0, end - 1);
  let bucket = 1024;
  while (bucket < content.length + 1) bucket *= 2;
  expect(plain.length).toBe(bucket);
  return content;
};

/** §5 + §4 + §6: snapshot chunks, then the journal's records after throughSeq, chain checked. Either version (§12). */
const readVault = (keyFile: Json, dk: Buffer, snapshot: Buffer, journal: string): Map<string, Json> => {
  const keyId = keyFile.keyId as string;
  const check = keyFile.check as Json;
  gcmOpen(dk, b64u(check.iv as string), Buffer.alloc(0), b64u(check.tag as string), Buffer.from(`attune-vault.v1.key-check.${keyId}`));

  const magic = snapshot.subarray(0, 8).toString('ascii');
  expect(['ATSNAP01', 'ATSNAP02']).toContain(magic);
  const version = Number(magic.slice(6));
  const snapshotId = snapshot.subarray(8, 24).toString('hex');
  const entries = new Map<string, Json>();
  let header: Json | undefined;
  let anchor = '';
  for (let offset = 24; offset < snapshot.length;) {
    const length = snapshot.readUInt32BE(offset);
    const frame = snapshot.subarray(offset, offset + 4 + length);
    const head = frame.subarray(4, 25);
    const plain = unpadded(
      gcmOpen(
        dk,
        frame.subarray(25, 37),
        frame.subarray(37, frame.length - 16),
        frame.subarray(frame.length - 16),
        Buffer.concat([Buffer.from(`attune-vault.v${version}.snapshot.${keyId}.${snapshotId}.`), head]),
      ),
      version,
    );
    if (head[0] === 1) {
      header = JSON.parse(plain.toString('utf8')) as Json;
      expect(header.v).toBe(version);
      anchor = sha256(frame).toString('base64url');
    } else {
      for (const [, entry] of JSON.parse(plain.toString('utf8')) as Array<[number, Json]>) entries.set(entry.id as string, entry);
    }
    offset += 4 + length;
  }
  const throughSeq = (header as Json).throughSeq as number;

  let prevHash = anchor;
  let expectedSeq = throughSeq + 1;
  for (const line of journal.split('\n').filter(Boolean)) {
    const [mark, seqText, prev, iv, body] = line.split('.') as [string, string, string, string, string];
    expect(['A1', 'A2']).toContain(mark);
    const lineVersion = Number(mark.slice(1));
    const seq = Number(seqText);
    if (seq <= throughSeq) continue;
    expect(seq).toBe(expectedSeq);
    expect(prev).toBe(prevHash);
    const sealed = b64u(body);
    const payload = JSON.parse(
      unpadded(
        gcmOpen(
          dk,
          b64u(iv),
          sealed.subarray(0, sealed.length - 16),
          sealed.subarray(sealed.length - 16),
          Buffer.from(`attune-vault.v${lineVersion}.record.${keyId}.${seq}.${prev}`),
        ),
        lineVersion,
      ).toString('utf8'),
    ) as Json;
    expect(payload.v).toBe(1);
    if (payload.op === 'put') entries.set((payload.entry as Json).id as string, payload.entry as Json);
    else entries.delete(payload.id as string);
    prevHash = sha256(Buffer.from(line, 'ascii')).toString('base64url');
    expectedSeq = seq + 1;
  }
  return entries;
};

let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir();
});

describe('independent decrypter (docs/vault-format.md + node:crypto only)', () => {
  it('reads a vault the module wrote: snapshot chunks, journal tail, tombstones, both wraps', async () => {
    // Real fs; one chosen write fails as a full disk would, to leave a tombstone in the journal (a delete that could not compact).
    let failWriteIn: number | undefined;
    const fs: FsPort = {
      ...nodeFs,
      write: (...args) => {
        if (failWriteIn !== undefined && failWriteIn-- === 0)
          return Promise.reject(Object.assign(new Error('injected'), { code: 'ENOSPC' }));
        return nodeFs.write(...args);
      },
      writeSync: (...args) => {
        if (failWriteIn !== undefined && failWriteIn-- === 0) throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
        return nodeFs.writeSync(...args);
      },
    };
    const vault = makeVault(root, { fs });
    const { recoveryKey } = await vault.setup({ passphrase: 'read me elsewhere', useKeychain: true, createRecoveryKey: true });
    await vault.keepRecoveryKey(recoveryKey as string);
    const first = await vault.append(checkIn('first'));
    await vault.append(followUp(first.id));
    for (let i = 0; i < 600; i += 1) await vault.append(checkIn(`bulk ${i}`));
    await vault.delete(first.id); // tombstones + roll: two snapshot chunks now
    for (let i = 0; i < 5; i += 1) await vault.append(checkIn(`tail ${i}`));
    const gone = await vault.append(checkIn('deleted from the tail'));
    await vault.append(checkIn('after it'));
    failWriteIn = 1; // the tombstone is written, the new snapshot is not
    expect(await vault.delete(gone.id)).toMatchObject({ compacted: false });
    await vault.append(checkIn('journal again'));
    const expected = (await vault.list({ limit: 10_000 })).entries;
    await vault.close();

    const dir = vaultDirIn(root);
    const keyFile = JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as Json;
    const snapshot = await readFile(join(dir, 'snapshot.bin'));
    const journal = await readFile(join(dir, 'journal.log'), 'ascii');
    expect(journal.split('\n').filter(Boolean)).toHaveLength(9);
    // §4.1: what this vault wrote is version 2 throughout.
    expect(snapshot.subarray(0, 8).toString('ascii')).toBe('ATSNAP02');
    expect(journal.split('\n').every((line) => line === '' || line.startsWith('A2.'))).toBe(true);

    for (const dk of [keyFromPassphrase(keyFile, 'read me elsewhere'), keyFromRecovery(keyFile, recoveryKey as string)]) {
      const entries = readVault(keyFile, dk, snapshot, journal);
      expect(entries.size).toBe(expected.length);
      for (const entry of expected) expect(entries.get(entry.id)).toEqual(entry);
      expect(entries.has(first.id)).toBe(false);
      expect(entries.has(gone.id)).toBe(false);
    }
    expect(() => keyFromPassphrase(keyFile, 'wrong guess')).toThrow();
  });

  it('reads a version-1 vault written by the code before the upgrade (§12)', async () => {
    const fixture = join(dirname(fileURLToPath(import.meta.url)), 'testing', 'v1-vault');
    const keyFile = JSON.parse(await readFile(join(fixture, 'vault.json'), 'utf8')) as Json;
    const snapshot = await readFile(join(fixture, 'snapshot.bin'));
    const journal = await readFile(join(fixture, 'journal.log'), 'ascii');
    expect(snapshot.subarray(0, 8).toString('ascii')).toBe('ATSNAP01');
    const entries = readVault(keyFile, keyFromPassphrase(keyFile, 'version one passphrase'), snapshot, journal);
    const expected = JSON.parse(await readFile(join(fixture, 'entries.json'), 'utf8')) as Json[];
    expect(entries.size).toBe(expected.length);
    for (const entry of expected) expect(entries.get(entry.id as string)).toEqual(entry);
  });

  it('reads a journal left with tombstones and records the snapshot already holds (an interrupted roll)', async () => {
    const vault = makeVault(root);
    await vault.setup({ passphrase: 'read me elsewhere', useKeychain: false, createRecoveryKey: false });
    const kept = await vault.append(checkIn('kept'));
    await vault.append(checkIn('also kept'));
    const dir = vaultDirIn(root);
    const journalBefore = await readFile(join(dir, 'journal.log'), 'ascii');
    await vault.compact();
    await vault.close();
    // Put the already-rolled records back, as if the crash came between snapshot rename and journal cut.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'journal.log'), journalBefore, 'ascii');

    const keyFile = JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as Json;
    const entries = readVault(
      keyFile,
      keyFromPassphrase(keyFile, 'read me elsewhere'),
      await readFile(join(dir, 'snapshot.bin')),
      journalBefore,
    );
    expect(entries.size).toBe(2);
    expect(entries.get(kept.id)).toEqual(kept);

    const reopened = makeVault(root);
    expect(await reopened.unlock({ method: 'passphrase', passphrase: 'read me elsewhere' })).toMatchObject({ entryCount: 2, problems: [] });
    await reopened.close();
    expect(await readFile(join(dir, 'journal.log'), 'ascii')).toBe('');
  });
});
