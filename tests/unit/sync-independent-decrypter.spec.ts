import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { mergeRecords } from '../../src/main/sync/merge-records';
import { decodeSegment, encodeSegment } from '../../src/main/sync/segment-codec';
import { NO_HASH } from '../../src/main/sync/segment-header';
import { classifyName } from '../../src/main/sync/sync-file-names';
import type { SyncRecord } from '../../src/main/sync/sync-record';
import { importKey } from '../../src/main/vault/aead';
import { makeKeyCheck, newDataKey, wrapWithRecovery } from '../../src/main/vault/key-wrap';
import { formatRecoveryKey, generateRecoverySecret } from '../../src/main/vault/recovery-key';
import { checkIn, followUp } from '../../src/main/vault/testing/vault-fixtures';
import type { Entry } from '../../src/shared/entry-schema';
import { gcmOpen, recoverySecret, sha256 } from '../support/doc-crypto';
import { useTempDirs } from '../support/temp-dir';

/**
 * docs/sync-format.md §10: a reader of a sync folder written from the
 * document alone (§2.1, §2.2, §3.1, §5.1, §5.2, §6.1, and vault-format.md §3
 * and §4.1), with plain node:crypto calls. The READER below imports nothing
 * from src/main/sync or src/main/vault; only the WRITER (the test's setup)
 * uses the app's codec and key code. If the document and the code ever
 * disagree, this test says so.
 */

// ───────────────────────── the independent reader ─────────────────────────

type Json = Record<string, unknown>;
interface ReadRecord {
  op: 'put' | 'edit' | 'del';
  id: string;
  hlc: [number, number];
  by: string;
  entry?: Json;
}

/** §2.2 steps 1–4. */
const openKeyFile = (file: Json, recoveryKey: string): Buffer => {
  const keyId = file.keyId as string;
  const recovery = file.recovery as Json;
  const b64 = (name: string, from: Json) => Buffer.from(from[name] as string, 'base64url');
  const kek = createHmac('sha256', recoverySecret(recoveryKey))
    .update(Buffer.concat([Buffer.from('attune-vault.v1.recovery', 'utf8'), b64('salt', recovery)]))
    .digest();
  const dk = gcmOpen(
    kek,
    b64('iv', recovery),
    b64('ct', recovery),
    b64('tag', recovery),
    Buffer.from(`attune-vault.v1.wrap.recovery.${keyId}`),
  );
  const check = file.check as Json;
  gcmOpen(dk, b64('iv', check), Buffer.alloc(0), b64('tag', check), Buffer.from(`attune-vault.v1.key-check.${keyId}`));
  return dk;
};

/** vault-format.md §4.1: content, one 0x80, zeros; the whole is the smallest power of two ≥ max(len + 1, 1024). */
const unpadded = (padded: Buffer): Buffer => {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  expect(padded[end]).toBe(0x80);
  let bucket = 1024;
  while (bucket < end + 1) bucket *= 2;
  expect(padded.length).toBe(bucket);
  return padded.subarray(0, end);
};

interface ReadSegment {
  /** 1 delta, 2 checkpoint, 3 final. */
  type: number;
  seq: number;
  hash: string;
  prevSegment: Buffer;
  firstPrev: Buffer;
  lastFrame: Buffer;
  records: ReadRecord[];
}

/** §5.1 and §5.5 for one file whose bytes hash to its name. */
const readSegment = (bytes: Buffer, vaultId: string, deviceId: string, seq: number, keys: Map<string, Buffer>): ReadSegment => {
  expect(bytes.subarray(0, 8).toString('ascii')).toBe('ATSEG001');
  expect([1, 2, 3]).toContain(bytes[8]);
  expect(bytes.toString('hex', 9, 25)).toBe(vaultId);
  expect(bytes.toString('hex', 25, 41)).toBe(deviceId);
  const dk = keys.get(bytes.toString('hex', 41, 57)) as Buffer;
  expect(dk).toBeDefined();
  expect(bytes.readBigUInt64BE(57)).toBe(BigInt(seq));
  const count = bytes.readUInt32BE(97);
  expect(count).toBeGreaterThanOrEqual(1);
  const header = bytes.subarray(0, 101);
  const records: ReadRecord[] = [];
  const frames: Buffer[] = [];
  let offset = 101;
  for (let i = 0; i < count; i += 1) {
    const length = bytes.readUInt32BE(offset);
    expect(length).toBeGreaterThanOrEqual(32 + 12 + 1024 + 16);
    const frame = bytes.subarray(offset, offset + 4 + length);
    const prev = frame.subarray(4, 36);
    if (i > 0) expect(prev).toEqual(sha256(frames[i - 1] as Buffer));
    const index = Buffer.alloc(4);
    index.writeUInt32BE(i);
    const aad = Buffer.concat([Buffer.from('attune-sync.v1.record.', 'utf8'), header, index, prev]);
    const plain = gcmOpen(dk, frame.subarray(36, 48), frame.subarray(48, frame.length - 16), frame.subarray(frame.length - 16), aad);
    const record = JSON.parse(unpadded(plain).toString('utf8')) as ReadRecord & { v: number };
    expect(record.v).toBe(1);
    expect(Object.keys(record).sort()).toEqual(
      record.op === 'del' ? ['by', 'hlc', 'id', 'op', 'v'] : ['by', 'entry', 'hlc', 'id', 'op', 'v'],
    );
    if (bytes[8] === 1) expect(record.by).toBe(deviceId);
    records.push(record);
    frames.push(frame);
    offset += 4 + length;
  }
  expect(offset).toBe(bytes.length);
  const lastFrame = sha256(frames[frames.length - 1] as Buffer);
  return {
    type: bytes[8] as number,
    seq,
    hash: sha256(bytes).toString('hex'),
    prevSegment: bytes.subarray(65, 97),
    firstPrev: frames[0]!.subarray(4, 36),
    lastFrame,
    records,
  };
};

/**
 * §6.1: (1) any `del` deletes its id; (2) so does any put/edit of a follow-up
 * naming a check-in deleted under (1); (3) otherwise the greatest (l, c, by).
 */
const mergeById = (records: ReadRecord[]): Json[] => {
  const tombstoned = new Set(records.filter((record) => record.op === 'del').map((record) => record.id));
  const names = (record: ReadRecord, checkInId: string) =>
    record.entry?.kind === 'follow-up' && (record.entry.data as Json).checkInId === checkInId;
  const cascaded = new Set(records.filter((record) => [...tombstoned].some((id) => names(record, id))).map((record) => record.id));
  const later = (a: ReadRecord, b: ReadRecord) => a.hlc[0] - b.hlc[0] || a.hlc[1] - b.hlc[1] || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0);
  const winners = new Map<string, ReadRecord>();
  for (const record of records) {
    if (record.op === 'del' || tombstoned.has(record.id) || cascaded.has(record.id)) continue;
    const current = winners.get(record.id);
    if (!current || later(record, current) > 0) winners.set(record.id, record);
  }
  return [...winners.values()].map((record) => record.entry as Json).sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
};

/** The whole folder: format.json, every key file the recovery key opens, every exact segment name. */
const readSyncFolder = (root: string, recoveryKey: string): Json[] => {
  const format = JSON.parse(readFileSync(join(root, 'format.json'), 'utf8')) as Json;
  expect(format).toMatchObject({ format: 'attune-sync', version: 1 });
  const vaultId = format.vaultId as string;
  const keys = new Map<string, Buffer>();
  for (const name of readdirSync(join(root, 'keys'))) {
    const match = /^([0-9a-f]{32})\.json$/.exec(name);
    if (!match) continue;
    const file = JSON.parse(readFileSync(join(root, 'keys', name), 'utf8')) as Json;
    expect(file).toMatchObject({ format: 'attune-sync-key', version: 1, vaultId, keyId: match[1] });
    keys.set(match[1] as string, openKeyFile(file, recoveryKey));
  }
  const records: ReadRecord[] = [];
  for (const deviceId of readdirSync(join(root, 'devices')).filter((name) => /^[0-9a-f]{32}$/.test(name))) {
    const segments: ReadSegment[] = [];
    for (const name of readdirSync(join(root, 'devices', deviceId))) {
      const match = /^seg-([0-9]{8})-([0-9a-f]{64})\.alog$/.exec(name);
      if (!match || match[1] === '00000000') continue;
      const bytes = readFileSync(join(root, 'devices', deviceId, name));
      if (sha256(bytes).toString('hex') !== match[2]) continue; // pending
      segments.push(readSegment(bytes, vaultId, deviceId, Number(match[1]), keys));
    }
    // §5.3: names below the newest checkpoint or final segment are superseded, never read.
    const base = Math.max(1, ...segments.filter((segment) => segment.type !== 1).map((segment) => segment.seq));
    const live = segments.filter((segment) => segment.seq >= base).sort((a, b) => a.seq - b.seq);
    for (const [index, segment] of live.entries()) {
      // §5.1, §7.1: each segment links to seq − 1 (to nothing for seq 1); checked when seq − 1 is at hand.
      const before = index === 0 ? undefined : live[index - 1];
      if (segment.seq === 1) expect([segment.prevSegment, segment.firstPrev]).toEqual([Buffer.alloc(32), Buffer.alloc(32)]);
      if (before?.seq === segment.seq - 1)
        expect([segment.prevSegment, segment.firstPrev]).toEqual([Buffer.from(before.hash, 'hex'), before.lastFrame]);
      records.push(...segment.records);
    }
  }
  return mergeById(records);
};

// ───────────────────────── the writer (the app's code) ─────────────────────────

const VAULT_ID = '0f0e0d0c0b0a09080706050403020100';
const A = 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf';
const B = 'b0b1b2b3b4b5b6b7b8b9babbbcbdbebf';

const entryOf = (id: string, at: number, input: ReturnType<typeof checkIn>): Entry => ({ ...input, id, at, offsetMinutes: 60 }) as Entry;
const put = (id: string, l: number, by: string, input = checkIn(`note ${id}`)): SyncRecord => ({
  op: 'put',
  id,
  hlc: [l, 0],
  by,
  entry: entryOf(id, l, input),
});
const T = 1_795_424_400_000;

/** Every rule of §6.1 is exercised: an edit by another device, a delete, a cascade, a later put after a delete. */
const HISTORY: Record<string, SyncRecord[][]> = {
  [A]: [
    [put('check-in-a1', T + 100, A), put('check-in-a2', T + 110, A)],
    [put('follow-a1', T + 120, A, followUp('check-in-a1')), put('check-in-a3', T + 130, A)],
    [{ op: 'del', id: 'check-in-a2', hlc: [T + 140, 0], by: A }],
  ],
  [B]: [
    [put('check-in-b1', T + 105, B), put('follow-b1', T + 115, B, followUp('check-in-b1'))],
    [{ op: 'edit', id: 'check-in-a3', hlc: [T + 150, 0], by: B, entry: entryOf('check-in-a3', T + 130, checkIn('edited on B')) }],
    [{ op: 'del', id: 'check-in-b1', hlc: [T + 160, 0], by: B }],
    [put('check-in-a2', T + 170, B)],
  ],
};

/**
 * B's checkpoint after its seq 4 (§5.3): the winning record of every id B wrote or carried,
 * unchanged, including another device's tombstone; then B deletes its older files.
 */
const CHECKPOINT_B = [HISTORY[B]![2]![0]!, HISTORY[B]![0]![1]!, HISTORY[B]![1]![0]!, HISTORY[A]![2]![0]!];

const writeFolder = (root: string, checkpoint: boolean) => {
  const { dataKey, keyId } = newDataKey();
  const key = importKey(dataKey);
  const secret = generateRecoverySecret();
  const recovery = wrapWithRecovery(dataKey, keyId, secret);
  mkdirSync(join(root, 'keys'), { recursive: true });
  writeFileSync(join(root, 'format.json'), JSON.stringify({ format: 'attune-sync', version: 1, vaultId: VAULT_ID, createdAt: T }));
  const keyFile = {
    format: 'attune-sync-key',
    version: 1,
    vaultId: VAULT_ID,
    keyId,
    createdAt: T,
    check: makeKeyCheck(key, keyId),
    recovery,
    previous: [],
  };
  writeFileSync(join(root, 'keys', `${keyId}.json`), JSON.stringify(keyFile));
  for (const [deviceId, segments] of Object.entries(HISTORY)) {
    const folder = join(root, 'devices', deviceId);
    mkdirSync(folder, { recursive: true });
    let prevSegment = NO_HASH;
    let prevFrame = NO_HASH;
    for (const [index, records] of segments.entries()) {
      const encoded = encodeSegment(key, {
        type: 'delta',
        vaultId: VAULT_ID,
        deviceId,
        keyId,
        seq: index + 1,
        prevSegment,
        prevFrame,
        records,
      });
      writeFileSync(join(folder, encoded.name), encoded.bytes);
      prevSegment = Buffer.from(encoded.hash, 'hex');
      prevFrame = encoded.lastFrame;
      // What sync tools leave beside it: never read.
      writeFileSync(join(folder, encoded.name.replace('.alog', ' (1).alog')), Buffer.from('not a segment'));
      writeFileSync(join(folder, `.syncthing.${encoded.name}.tmp`), encoded.bytes.subarray(0, 200));
    }
    if (checkpoint && deviceId === B) {
      const base = { vaultId: VAULT_ID, deviceId, keyId, seq: segments.length + 1, prevSegment, prevFrame };
      const encoded = encodeSegment(key, { ...base, type: 'checkpoint', records: CHECKPOINT_B });
      writeFileSync(join(folder, encoded.name), encoded.bytes);
      for (const name of readdirSync(folder))
        if (name !== encoded.name && classifyName(`devices/${B}/${name}`).kind === 'segment') rmSync(join(folder, name));
    }
    writeFileSync(join(folder, `seg-${String(segments.length + 2).padStart(8, '0')}-${'0'.repeat(64)}.alog`), Buffer.alloc(0));
  }
  mkdirSync(join(root, 'devices', `${A} (1)`));
  writeFileSync(join(root, 'devices', `${A} (1)`, 'seg-00000001-' + 'f'.repeat(64) + '.alog'), Buffer.from('a copied folder'));
  return { recoveryKey: formatRecoveryKey(secret), key, keyId };
};

/** What the app lists from the same folder: its name grammar, codec and merge. */
const appList = (root: string, keyId: string, key: ReturnType<typeof importKey>): Entry[] => {
  const records: SyncRecord[] = [];
  for (const deviceId of readdirSync(join(root, 'devices')))
    for (const name of readdirSync(join(root, 'devices', deviceId))) {
      const parsed = classifyName(`devices/${deviceId}/${name}`);
      if (parsed.kind !== 'segment') continue;
      const result = decodeSegment(readFileSync(join(root, 'devices', deviceId, name)), { vaultId: VAULT_ID, ...parsed }, (id) =>
        id === keyId ? key : undefined,
      );
      if (result.ok) records.push(...result.segment.records);
    }
  return [...mergeRecords(records).values()]
    .flatMap((outcome) => (outcome.deleted ? [] : [outcome.winner.entry]))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
};

describe('independent sync decrypter (docs/sync-format.md §10)', () => {
  const tempDir = useTempDirs();

  it.each([
    ['deltas only', false],
    ['a checkpoint that replaced older segments', true],
  ])('reads, from the document alone, the history the app wrote and lists: %s', (_, checkpoint) => {
    const root = join(tempDir('attune-sync-doc-'), 'attune-sync');
    const { recoveryKey, key, keyId } = writeFolder(root, checkpoint);
    // B's folder: the checkpoint and a zero-byte file still arriving, beside sync tools' leftovers.
    const exact = readdirSync(join(root, 'devices', B)).filter((name) => classifyName(`devices/${B}/${name}`).kind === 'segment');
    expect(exact).toHaveLength(checkpoint ? 2 : 5);
    const read = readSyncFolder(root, recoveryKey);
    expect(read.map((entry) => entry.id)).toEqual(['check-in-a1', 'check-in-a3', 'follow-a1']);
    expect(((read[1] as Json).data as Json).note).toBe('edited on B');
    expect(read).toEqual(JSON.parse(JSON.stringify(appList(root, keyId, key))));
  });
});
