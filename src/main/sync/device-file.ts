import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

import { z } from 'zod';

import { writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { IV_BYTES, open, seal, TAG_BYTES } from '../vault/aead';
import { fromB64u, toB64u } from '../vault/encoding';
import { pad, unpad } from '../vault/padding';
import { DEVICES_FOLDER, SMALL_FILE_CAP } from './format-file';
import { type MovedFrom, movedFromSchema } from './moved-ids';
import { makeOwnFolder } from './sync-folder-write';

/**
 * `devices/<deviceId>/device.json` (docs/sync-format.md §2.4): the name the
 * person gave this computer, sealed with the data key so only their own
 * computers can read it, and bound to the vault, the device folder and the
 * key, so a copy in another device's folder opens nothing. Padded like a
 * record: the file does not show the name's length. Replaced whole by its
 * one writer.
 */
export const DEVICE_FILE = 'device.json';
export const MAX_DEVICE_NAME = 64;
/** Control characters, line and paragraph separators, and lone surrogates (with /u, a pair is one code point). */
const NOT_IN_A_NAME = /[\p{Cc}\p{Zl}\p{Zp}\uD800-\uDFFF]/u;
const HEX32 = /^[0-9a-f]{32}$/;

/** The name as kept: trimmed, 1–64 characters (code points), no control characters; undefined when it is not a name. */
export const cleanDeviceName = (name: string): string | undefined => {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  return length >= 1 && length <= MAX_DEVICE_NAME && !NOT_IN_A_NAME.test(trimmed) ? trimmed : undefined;
};

export interface DeviceIds {
  vaultId: string;
  deviceId: string;
  keyId: string;
}

export const deviceAad = ({ vaultId, deviceId, keyId }: DeviceIds): Buffer =>
  Buffer.from(`attune-sync.v1.device.${vaultId}.${deviceId}.${keyId}`, 'utf8');

const b64u = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);
const hex32 = z.string().regex(HEX32);
export const deviceFileSchema = z.strictObject({
  format: z.literal('attune-sync-device'),
  version: z.literal(1),
  vaultId: hex32,
  deviceId: hex32,
  keyId: hex32,
  createdAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  iv: b64u(16),
  // A name pads to 1 KiB (64 characters of at most 4 bytes each); a few buckets more is still well under the file cap.
  body: b64u(16 * 1024),
});
export type DeviceFile = z.infer<typeof deviceFileSchema>;
/** The sealed part: the name, and the ids this device moved from (§4.3, moved-ids.ts) once it has moved. */
const namePayloadSchema = z.strictObject({ name: z.string(), movedFrom: movedFromSchema.optional() });

/** What a device.json says once opened. */
export interface DeviceInfo {
  readonly name: string;
  readonly movedFrom: MovedFrom;
}

/** `{iv, body = C ‖ T}` for a name already cleaned. */
export const sealDeviceName = (key: KeyObject, ids: DeviceIds, name: string, movedFrom: MovedFrom = []): { iv: string; body: string } => {
  const json = Buffer.from(JSON.stringify(movedFrom.length > 0 ? { name, movedFrom } : { name }), 'utf8');
  const sealed = seal(key, pad(json), deviceAad(ids));
  json.fill(0);
  return { iv: toB64u(sealed.iv), body: toB64u(Buffer.concat([sealed.ciphertext, sealed.tag])) };
};

/** The name and moves, or undefined when the body does not authenticate under these ids, or is not a name once opened. */
export const openDeviceInfo = (key: KeyObject, ids: DeviceIds, fields: { iv: string; body: string }): DeviceInfo | undefined => {
  const iv = fromB64u(fields.iv, IV_BYTES);
  const body = fromB64u(fields.body);
  if (!iv || !body || body.length < TAG_BYTES) return undefined;
  const plain = open(
    key,
    { iv, ciphertext: body.subarray(0, body.length - TAG_BYTES), tag: body.subarray(body.length - TAG_BYTES) },
    deviceAad(ids),
  );
  const json = plain && unpad(plain);
  if (!json) return undefined;
  try {
    const parsed = namePayloadSchema.safeParse(JSON.parse(json.toString('utf8')));
    // Only a name as Attune keeps it: the writer cleans it, so anything else was not written by Attune.
    return parsed.success && cleanDeviceName(parsed.data.name) === parsed.data.name
      ? { name: parsed.data.name, movedFrom: parsed.data.movedFrom ?? [] }
      : undefined;
  } catch {
    return undefined;
  } finally {
    plain.fill(0);
  }
};

export const deviceFilePath = (syncRoot: string, deviceId: string): string => join(syncRoot, DEVICES_FOLDER, deviceId, DEVICE_FILE);

export interface DeviceFileInput extends DeviceIds {
  key: KeyObject;
  name: string;
  now: number;
  /** The ids it moved from, as its state.bin keeps them. */
  movedFrom?: MovedFrom | undefined;
}

/**
 * Write (or replace whole: temp, fsync, rename) this device's device.json,
 * owner only; makes `devices/` and its own folder (0700) first when they are
 * not there. Returns the name as kept. Throws on a name that is not one
 * (the caller checks with cleanDeviceName first).
 */
export const writeDeviceFile = async (fs: FsPort, syncRoot: string, input: DeviceFileInput): Promise<string> => {
  const name = cleanDeviceName(input.name);
  if (name === undefined) throw new RangeError(`a device name is 1–${MAX_DEVICE_NAME} characters with no control characters`);
  const ids = { vaultId: input.vaultId, deviceId: input.deviceId, keyId: input.keyId };
  const file: DeviceFile = deviceFileSchema.parse({
    format: 'attune-sync-device',
    version: 1,
    ...ids,
    createdAt: input.now,
    ...sealDeviceName(input.key, ids, name, input.movedFrom),
  });
  await makeOwnFolder(fs, join(syncRoot, DEVICES_FOLDER));
  await makeOwnFolder(fs, join(syncRoot, DEVICES_FOLDER, input.deviceId));
  await writeFileAtomic(fs, deviceFilePath(syncRoot, input.deviceId), Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'));
  return name;
};

/**
 * What `devices/<deviceId>/device.json` says, or undefined (shown as
 * "Another computer", moved from nothing) when it is absent, unreadable, a
 * link, too large, for another vault or device, under a key this device
 * does not hold, or does not authenticate. Never throws on what is in the
 * folder.
 */
export const readDeviceInfo = async (
  syncRoot: string,
  deviceId: string,
  vaultId: string,
  keyFor: (keyId: string) => KeyObject | undefined,
): Promise<DeviceInfo | undefined> => {
  if (!HEX32.test(deviceId)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse((await readRegularFile(deviceFilePath(syncRoot, deviceId), SMALL_FILE_CAP, { noFollow: true })).toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = deviceFileSchema.safeParse(value);
  if (!parsed.success || parsed.data.vaultId !== vaultId || parsed.data.deviceId !== deviceId) return undefined;
  const key = keyFor(parsed.data.keyId);
  // The AAD is built from the folder the file was found in, not only from the file's own fields.
  return key && openDeviceInfo(key, { vaultId, deviceId, keyId: parsed.data.keyId }, parsed.data);
};

/** The name alone (readDeviceInfo). */
export const readDeviceName = async (...args: Parameters<typeof readDeviceInfo>): Promise<string | undefined> =>
  (await readDeviceInfo(...args))?.name;
