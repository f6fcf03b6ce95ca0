import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { z } from 'zod';

import { writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { toB64u } from '../vault/encoding';
import { makeOwnFolder } from './sync-folder-write';

/**
 * `<vault>.sync/install.json` (docs/sync-format.md §4.1, §4.3): this
 * install's device id, and a hash of it with the computer's own id, so that
 * a copy of the data folder started on another computer (a restored backup,
 * a cloned disk) sees at start that it is not the install that made the id,
 * and takes a new one instead of writing as it. Outside the vault folder and
 * never in the sync folder; not secret (random ids and a hash).
 */
export const INSTALL_FILE = 'install.json';
const DEVICE_ID_BYTES = 16;
const MACHINE_PREFIX = Buffer.from('attune-sync.v1.machine.', 'utf8');

export const installSchema = z.strictObject({
  format: z.literal('attune-sync-install'),
  version: z.literal(1),
  deviceId: z.string().regex(/^[0-9a-f]{32}$/),
  /** b64u SHA-256: 43 characters. Absent when no machine id could be read when it was made. */
  machine: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
  createdAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type Install = z.infer<typeof installSchema>;

/** `machine = b64u(SHA-256(utf8("attune-sync.v1.machine.") ‖ deviceId bytes ‖ utf8(machineId)))`. */
export const machineHash = (deviceId: string, machineId: string): string =>
  toB64u(createHash('sha256').update(MACHINE_PREFIX).update(Buffer.from(deviceId, 'hex')).update(Buffer.from(machineId, 'utf8')).digest());

export type InstallJudgement = 'same' | 'another-machine' | 'unknown';

/** §4.3 rule 1, pure: 'another-machine' means take a new device id; 'unknown' leaves it to the folder check (rule 2). */
export const judgeInstall = (install: Install, machineId: string | undefined): InstallJudgement => {
  if (install.machine === undefined || machineId === undefined) return 'unknown';
  return machineHash(install.deviceId, machineId) === install.machine ? 'same' : 'another-machine';
};

export type InstallRead = { kind: 'absent' } | { kind: 'ok'; install: Install } | { kind: 'unreadable' };

/** `dir` is the `<vault>.sync` folder. Never throws: a file that is not ours is `unreadable` (the caller makes a new install). */
export const readInstall = async (dir: string): Promise<InstallRead> => {
  let value: unknown;
  try {
    value = JSON.parse((await readRegularFile(join(dir, INSTALL_FILE), 4096, { noFollow: true })).toString('utf8'));
  } catch (error) {
    return isNotFound(error) ? { kind: 'absent' } : { kind: 'unreadable' };
  }
  const parsed = installSchema.safeParse(value);
  return parsed.success ? { kind: 'ok', install: parsed.data } : { kind: 'unreadable' };
};

/**
 * A new device id for this install (at link, set-up, or a move to a new id,
 * §4.3), written atomically over whatever install.json was there. `dir`'s
 * parent must exist; `dir` is made owner-only.
 */
export const createInstall = async (fs: FsPort, dir: string, machineId: string | undefined, now: number): Promise<Install> => {
  const deviceId = randomBytes(DEVICE_ID_BYTES).toString('hex');
  const install = installSchema.parse({
    format: 'attune-sync-install',
    version: 1,
    deviceId,
    ...(machineId === undefined ? {} : { machine: machineHash(deviceId, machineId) }),
    createdAt: now,
  });
  await makeOwnFolder(fs, dir);
  await writeFileAtomic(fs, join(dir, INSTALL_FILE), Buffer.from(`${JSON.stringify(install)}\n`, 'utf8'));
  return install;
};
