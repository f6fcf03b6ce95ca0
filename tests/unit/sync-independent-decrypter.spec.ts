import { createHmac, type KeyObject } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { nodeFs } from '../../src/main/fs/fs-port';
import { readDeviceInfo, writeDeviceFile } from '../../src/main/sync/device-file';
import { createFormatFile } from '../../src/main/sync/format-file';
import { mergeRecords } from '../../src/main/sync/merge-records';
import { decodeSegment, encodeSegment } from '../../src/main/sync/segment-codec';
import { NO_HASH, type SegmentType } from '../../src/main/sync/segment-header';
import { classifyName } from '../../src/main/sync/sync-file-names';
import { keyFileFromVault, openSyncKeys, sealPrevious, writeSyncKeyFile } from '../../src/main/sync/sync-key-file';
import type { SyncRecord } from '../../src/main/sync/sync-record';
import { importKey } from '../../src/main/vault/aead';
import type { KeyFile } from '../../src/main/vault/key-file';
import { makeKeyCheck, newDataKey, wrapWithRecovery } from '../../src/main/vault/key-wrap';
import { formatRecoveryKey, generateRecoverySecret } from '../../src/main/vault/recovery-key';
import { checkIn, followUp } from '../../src/main/vault/testing/vault-fixtures';
import type { Entry } from '../../src/shared/entry-schema';
import { gcmOpen, recoverySecret, sha256 } from '../support/doc-crypto';
import { useTempDirs } from '../support/temp-dir';

/**
 * docs/sync-format.md §10: a reader of a sync folder written from the
 * document alone (§2.1, §2.2 with its `previous` chains, §2.4, §3.1, §5.1,
 * §5.2, §6.1, and vault-format.md §3 and §4.1), with plain node:crypto calls.
 * The READER below imports nothing from src/ (its names must not collide
 * with the app's, imported for the writer); only the WRITER (the test's
 * setup) and the app's side of each comparison use the app's codec, key
 * files and device files. If the document and the code ever disagree, this
 * test says so.
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

const b64 = (value: unknown): Buffer => Buffer.from(value as string, 'base64url');

/** §2.2 steps 1–4: the data key, or undefined when this recovery secret does not open the file. */
const openKeyFile = (file: Json, secret: Buffer): Buffer | undefined => {
  const keyId = file.keyId as string;
  const recovery = file.recovery as Json;
  const check = file.check as Json;
  const kek = createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from('attune-vault.v1.recovery', 'utf8'), b64(recovery.salt)]))
    .digest();
  try {
    const dk = gcmOpen(kek, b64(recovery.iv), b64(recovery.ct), b64(recovery.tag), Buffer.from(`attune-vault.v1.wrap.recovery.${keyId}`));
    gcmOpen(dk, b64(check.iv), Buffer.alloc(0), b64(check.tag), Buffer.from(`attune-vault.v1.key-check.${keyId}`));
    return dk;
  } catch {
    return undefined;
  }
};

/**
 * §2.2 and §4.4 step 2: every key file the recovery key opens, then every
 * older key their `previous` entries hold, each sealed under the newer key
 * with A = "attune-sync.v1.key-chain." + vaultId + "." + keyId + "." + previous.keyId.
 * The current key is the opened one no other opened file lists.
 */
const readKeys = (root: string, vaultId: string, recoveryKey: string): { current: string; keys: Map<string, Buffer> } => {
  const secret = recoverySecret(recoveryKey);
  const files = new Map<string, Json>();
  for (const name of readdirSync(join(root, 'keys'))) {
    const match = /^([0-9a-f]{32})\.json$/.exec(name);
    if (!match) continue;
    const file = JSON.parse(readFileSync(join(root, 'keys', name), 'utf8')) as Json;
    expect(file).toMatchObject({ format: 'attune-sync-key', version: 1, vaultId, keyId: match[1] });
    files.set(match[1] as string, file);
  }
  const opened = new Map<string, Buffer>();
  for (const [keyId, file] of files) {
    const dk = openKeyFile(file, secret);
    if (dk) opened.set(keyId, dk);
  }
  expect(opened.size).toBeGreaterThan(0);
  const listed = new Set([...opened.keys()].flatMap((keyId) => (files.get(keyId)!.previous as Json[]).map((entry) => entry.keyId)));
  const heads = [...opened.keys()].filter((keyId) => !listed.has(keyId));
  expect(heads).toHaveLength(1);
  const keys = new Map(opened);
  for (let grew = true; grew;) {
    grew = false;
    for (const [keyId, dk] of [...keys]) {
      for (const entry of (files.get(keyId)?.previous ?? []) as Json[]) {
        if (keys.has(entry.keyId as string)) continue;
        const aad = Buffer.from(`attune-sync.v1.key-chain.${vaultId}.${keyId}.${entry.keyId as string}`, 'utf8');
        keys.set(entry.keyId as string, gcmOpen(dk, b64(entry.iv), b64(entry.ct), b64(entry.tag), aad));
        grew = true;
      }
    }
  }
  return { current: heads[0] as string, keys };
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
const readSegment = (bytes: Buffer, vaultId: string, deviceId: string, seq: number, keys: Map<string, Buffer>): ReadSegment | undefined => {
  expect(bytes.subarray(0, 8).toString('ascii')).toBe('ATSEG002');
  expect([1, 2, 3]).toContain(bytes[8]);
  expect(bytes.toString('hex', 9, 25)).toBe(vaultId);
  expect(bytes.toString('hex', 25, 41)).toBe(deviceId);
  // §5.5 step 3: a key neither opened nor reached through `previous` — "needs key", not read.
  const dk = keys.get(bytes.toString('hex', 41, 57));
  if (!dk) return undefined;
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
    const aad = Buffer.concat([Buffer.from('attune-sync.v1.frame.', 'utf8'), header, index, prev]);
    const plain = gcmOpen(dk, frame.subarray(36, 48), frame.subarray(48, frame.length - 16), frame.subarray(frame.length - 16), aad);
    const packed = JSON.parse(unpadded(plain).toString('utf8')) as Array<ReadRecord & { v: number }>;
    expect(Array.isArray(packed) && packed.length).toBeGreaterThanOrEqual(1);
    for (const record of packed) {
      expect(record.v).toBe(1);
      expect(Object.keys(record).sort()).toEqual(
        record.op === 'del' ? ['by', 'hlc', 'id', 'op', 'v'] : ['by', 'entry', 'hlc', 'id', 'op', 'v'],
      );
      if (bytes[8] === 1) expect(record.by).toBe(deviceId);
      records.push(record);
    }
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

/**
 * §2.4: `GCM⁻¹(DK[keyId], iv, C, T, A = "attune-sync.v1.device." + vaultId + "." + deviceId + "." + keyId)`,
 * deviceId being the folder's name; unpadded, `{"name": …}` and, after a move, `"movedFrom": [{deviceId, seq}, …]`.
 * Unreadable or absent → undefined ("Another computer", moved from nothing).
 */
interface ReadDevice {
  name: string;
  movedFrom: Json[];
}
const readNameFile = (root: string, vaultId: string, deviceId: string, keys: Map<string, Buffer>): ReadDevice | undefined => {
  try {
    const file = JSON.parse(readFileSync(join(root, 'devices', deviceId, 'device.json'), 'utf8')) as Json;
    if (file.format !== 'attune-sync-device' || file.version !== 1 || file.vaultId !== vaultId || file.deviceId !== deviceId)
      return undefined;
    const dk = keys.get(file.keyId as string);
    if (!dk) return undefined;
    const body = b64(file.body);
    const aad = Buffer.from(`attune-sync.v1.device.${vaultId}.${deviceId}.${file.keyId as string}`, 'utf8');
    const plain = gcmOpen(dk, b64(file.iv), body.subarray(0, body.length - 16), body.subarray(body.length - 16), aad);
    const payload = JSON.parse(unpadded(plain).toString('utf8')) as Json;
    expect(Object.keys(payload).filter((field) => field !== 'name' && field !== 'movedFrom')).toEqual([]);
    return { name: payload.name as string, movedFrom: (payload.movedFrom as Json[] | undefined) ?? [] };
  } catch {
    return undefined;
  }
};

interface ReadFolder {
  entries: Json[];
  currentKeyId: string;
  keyIds: string[];
  /** Device folder name → what its device.json says, or undefined. */
  names: Record<string, ReadDevice | undefined>;
}

/** The whole folder: format.json, the keys the recovery key reaches, every exact segment name, every device.json. */
const readSyncFolder = (root: string, recoveryKey: string): ReadFolder => {
  const format = JSON.parse(readFileSync(join(root, 'format.json'), 'utf8')) as Json;
  expect(format).toMatchObject({ format: 'attune-sync', version: 1 });
  const vaultId = format.vaultId as string;
  const { current, keys } = readKeys(root, vaultId, recoveryKey);
  const records: ReadRecord[] = [];
  const names: Record<string, ReadDevice | undefined> = {};
  for (const deviceId of readdirSync(join(root, 'devices')).filter((name) => /^[0-9a-f]{32}$/.test(name))) {
    names[deviceId] = readNameFile(root, vaultId, deviceId, keys);
    const segments: ReadSegment[] = [];
    for (const name of readdirSync(join(root, 'devices', deviceId))) {
      const match = /^seg-([0-9]{8})-([0-9a-f]{64})\.alog$/.exec(name);
      if (!match || match[1] === '00000000') continue;
      const bytes = readFileSync(join(root, 'devices', deviceId, name));
      if (sha256(bytes).toString('hex') !== match[2]) continue; // pending
      const segment = readSegment(bytes, vaultId, deviceId, Number(match[1]), keys);
      if (segment) segments.push(segment);
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
  return { entries: mergeById(records), currentKeyId: current, keyIds: [...keys.keys()].sort(), names };
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
      // Two records a frame, so the decrypter also walks the chain between frames (§5.1) that a larger history has.
      const encoded = encodeSegment(key, { ...base, type: 'checkpoint', records: CHECKPOINT_B, perFrame: 2 });
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
const appList = (root: string, keyFor: (keyId: string) => KeyObject | undefined): Entry[] => {
  const records: SyncRecord[] = [];
  for (const deviceId of readdirSync(join(root, 'devices')))
    for (const name of readdirSync(join(root, 'devices', deviceId))) {
      const parsed = classifyName(`devices/${deviceId}/${name}`);
      if (parsed.kind !== 'segment') continue;
      const result = decodeSegment(readFileSync(join(root, 'devices', deviceId, name)), { vaultId: VAULT_ID, ...parsed }, keyFor);
      if (result.ok) records.push(...result.segment.records);
    }
  return [...mergeRecords(records).values()]
    .flatMap((outcome) => (outcome.deleted ? [] : [outcome.winner.entry]))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
};

/** What the app reads from the same folder with the same recovery key: its key files, merge and device names. */
const appRead = async (root: string, recoveryKey: string) => {
  const opened = await openSyncKeys(root, recoveryKey, VAULT_ID);
  if (!opened.ok) throw new Error(opened.reason);
  const keyFor = (keyId: string) => opened.keys.get(keyId);
  const names: Record<string, { name: string; movedFrom: unknown[] } | undefined> = {};
  for (const deviceId of readdirSync(join(root, 'devices')))
    if (classifyName(`devices/${deviceId}`).kind === 'device-folder')
      names[deviceId] = await readDeviceInfo(root, deviceId, VAULT_ID, keyFor);
  return {
    entries: JSON.parse(JSON.stringify(appList(root, keyFor))) as Json[],
    currentKeyId: opened.currentKeyId,
    keyIds: [...opened.keys.keys()].sort(),
    names,
  };
};

const C = 'c0c1c2c3c4c5c6c7c8c9cacbcccdcecf';
/** B once wrote as another id, up to its seq 3, then moved (§4.3). */
const B_MOVED_FROM = [{ deviceId: 'd0d1d2d3d4d5d6d7d8d9dadbdcdddedf', seq: 3 }];

/** A vault key as vault.json holds it, with its own recovery key (a re-key makes a new one, §4.6). */
const vaultKey = () => {
  const secret = generateRecoverySecret();
  const { dataKey, keyId } = newDataKey();
  const key = importKey(dataKey);
  const keyFile: KeyFile = {
    format: 'attune-vault',
    version: 1,
    keyId,
    createdAt: T,
    check: makeKeyCheck(key, keyId),
    wraps: { recovery: wrapWithRecovery(dataKey, keyId, secret) },
  };
  return { dataKey, keyId, key, keyFile, recoveryKey: formatRecoveryKey(secret) };
};

const editOnB = {
  op: 'edit',
  id: 'check-in-a1',
  hlc: [T + 150, 0],
  by: B,
  entry: entryOf('check-in-a1', T + 100, checkIn('edited on B')),
} as const;

/**
 * §4.6: A re-keyed after its seq 2. Its new key file carries the old key in `previous`; its checkpoint
 * (seq 3) under the new key restates its records, and its older files are gone. B has not entered the
 * new recovery key yet and goes on publishing under the old key. Each device's name is in device.json,
 * A's under the new key; a copy of A's device.json sits in a third folder.
 */
const writeRekeyedFolder = async (root: string) => {
  const [older, newer] = [vaultKey(), vaultKey()];
  await createFormatFile(nodeFs, root, VAULT_ID, T);
  await writeSyncKeyFile(nodeFs, root, keyFileFromVault(VAULT_ID, older.keyFile, T));
  const chain = sealPrevious(newer.key, VAULT_ID, newer.keyId, older.keyId, older.dataKey);
  await writeSyncKeyFile(nodeFs, root, keyFileFromVault(VAULT_ID, newer.keyFile, T + 1000, [chain]));
  const a1 = put('check-in-a1', T + 100, A);
  const a2 = put('check-in-a2', T + 110, A);
  const a3 = put('check-in-a3', T + 120, A);
  const segments: Record<string, Array<{ with: typeof older; type: SegmentType; records: SyncRecord[] }>> = {
    [A]: [
      { with: older, type: 'delta', records: [a1, a2] },
      { with: older, type: 'delta', records: [a3] },
      { with: newer, type: 'checkpoint', records: [a1, a2, a3] },
      { with: newer, type: 'delta', records: [put('check-in-a4', T + 200, A)] },
    ],
    [B]: [
      { with: older, type: 'delta', records: [put('check-in-b1', T + 105, B), editOnB] },
      { with: older, type: 'delta', records: [{ op: 'del', id: 'check-in-a3', hlc: [T + 160, 0], by: B }] },
    ],
  };
  for (const [deviceId, list] of Object.entries(segments)) {
    const folder = join(root, 'devices', deviceId);
    let prevSegment = NO_HASH;
    let prevFrame = NO_HASH;
    for (const [index, segment] of list.entries()) {
      const { keyId, key } = segment.with;
      const encoded = encodeSegment(key, { ...segment, vaultId: VAULT_ID, deviceId, keyId, seq: index + 1, prevSegment, prevFrame });
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, encoded.name), encoded.bytes);
      if (segment.type === 'checkpoint')
        for (const name of readdirSync(folder)) if (name !== encoded.name && name.startsWith('seg-')) rmSync(join(folder, name));
      prevSegment = Buffer.from(encoded.hash, 'hex');
      prevFrame = encoded.lastFrame;
    }
  }
  const device = { vaultId: VAULT_ID, now: T };
  await writeDeviceFile(nodeFs, root, { ...device, deviceId: A, keyId: newer.keyId, key: newer.key, name: 'Sam’s laptop' });
  await writeDeviceFile(nodeFs, root, {
    ...device,
    deviceId: B,
    keyId: older.keyId,
    key: older.key,
    name: 'desk at home',
    movedFrom: B_MOVED_FROM,
  });
  mkdirSync(join(root, 'devices', C));
  copyFileSync(join(root, 'devices', A, 'device.json'), join(root, 'devices', C, 'device.json'));
  copyFileSync(join(root, 'devices', A, 'device.json'), join(root, 'devices', B, 'device.sync-conflict-20261204-094500-ABCDEFG.json'));
  return { older, newer };
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
    const read = readSyncFolder(root, recoveryKey).entries;
    expect(read.map((entry) => entry.id)).toEqual(['check-in-a1', 'check-in-a3', 'follow-a1']);
    expect(((read[1] as Json).data as Json).note).toBe('edited on B');
    expect(read).toEqual(JSON.parse(JSON.stringify(appList(root, (id) => (id === keyId ? key : undefined)))));
  });

  it('follows previous to read segments under the key a device replaced, and reads device names (§2.2, §2.4, §4.6)', async () => {
    const root = join(tempDir('attune-sync-doc-'), 'attune-sync');
    const { older, newer } = await writeRekeyedFolder(root);
    expect(readdirSync(join(root, 'devices', A)).filter((name) => name.startsWith('seg-'))).toHaveLength(2);

    const read = readSyncFolder(root, newer.recoveryKey);
    expect(read.currentKeyId).toBe(newer.keyId);
    expect(read.keyIds).toEqual([older.keyId, newer.keyId].sort());
    // B's records under the old key are read through the chain: its edit of a1 and its delete of a3.
    expect(read.entries.map((entry) => entry.id)).toEqual(['check-in-a1', 'check-in-a2', 'check-in-a4', 'check-in-b1']);
    expect(((read.entries[0] as Json).data as Json).note).toBe('edited on B');
    // A copy of A's device.json in C's folder opens nothing (its AAD names A's folder).
    expect(read.names).toEqual({
      [A]: { name: 'Sam’s laptop', movedFrom: [] },
      [B]: { name: 'desk at home', movedFrom: B_MOVED_FROM },
      [C]: undefined,
    });
    expect(read).toEqual(await appRead(root, newer.recoveryKey));
  });

  it('the old recovery key reaches only the old key: what was written under the new one stays closed (§2.2)', async () => {
    const root = join(tempDir('attune-sync-doc-'), 'attune-sync');
    const { older } = await writeRekeyedFolder(root);
    const read = readSyncFolder(root, older.recoveryKey);
    expect(read.currentKeyId).toBe(older.keyId);
    expect(read.keyIds).toEqual([older.keyId]);
    // Only B's segments open: a1 as B edited it, and b1. A's name is under the new key.
    expect(read.entries.map((entry) => entry.id)).toEqual(['check-in-a1', 'check-in-b1']);
    expect(read.names).toEqual({ [A]: undefined, [B]: { name: 'desk at home', movedFrom: B_MOVED_FROM }, [C]: undefined });
    expect(read).toEqual(await appRead(root, older.recoveryKey));
  });
});
