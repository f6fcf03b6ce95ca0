import { join } from 'node:path';

import { z } from 'zod';

import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { type LinkFile, makeOwnFolder, nodeLink, writeFileOnce } from './sync-folder-write';

/**
 * `attune-sync/format.json` (docs/sync-format.md §2.1): written once by the
 * device that sets up sync in a folder, never rewritten. It names the shared
 * history (`vaultId`) and the format version; a folder whose file this
 * version cannot read in full is left alone (nothing is written there).
 */
export const SYNC_FOLDER = 'attune-sync';
export const FORMAT_FILE = 'format.json';
export const KEYS_FOLDER = 'keys';
export const DEVICES_FOLDER = 'devices';
/** §3.3: format.json, key files and device.json are read only up to 64 KiB. */
export const SMALL_FILE_CAP = 64 * 1024;

/** The `attune-sync` folder inside the folder the person chose: every other path here is relative to it. */
export const syncRootIn = (folder: string): string => join(folder, SYNC_FOLDER);

const HEX32 = /^[0-9a-f]{32}$/;
export const formatFileSchema = z.strictObject({
  format: z.literal('attune-sync'),
  version: z.literal(1),
  vaultId: z.string().regex(HEX32),
  createdAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type FormatFile = z.infer<typeof formatFileSchema>;

export type FormatFileRead =
  | { kind: 'absent' }
  | { kind: 'ok'; vaultId: string; createdAt: number }
  /** Written by a newer Attune: a version above 1, or version 1 with fields this one does not know. */
  | { kind: 'newer' }
  /** There, but not a format file this version can use (damaged, not JSON, a link, a folder, too large). */
  | { kind: 'unreadable' };

/** Pure: what the bytes of a format.json say. */
export const parseFormatFile = (bytes: Buffer): FormatFileRead => {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { kind: 'unreadable' };
  }
  const parsed = formatFileSchema.safeParse(value);
  if (parsed.success) return { kind: 'ok', vaultId: parsed.data.vaultId, createdAt: parsed.data.createdAt };
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== 'attune-sync')
    return { kind: 'unreadable' };
  const { version } = value as { version?: unknown };
  if (Number.isSafeInteger(version) && (version as number) > 1) return { kind: 'newer' };
  // Version 1 whose known fields are right but which has more: a newer writer added something we would ignore.
  const known = z.object(formatFileSchema.shape).safeParse(value);
  return known.success ? { kind: 'newer' } : { kind: 'unreadable' };
};

/** Never throws on what is in the folder: a missing file is `absent`, anything else that is not ours `unreadable`. */
export const readFormatFile = async (syncRoot: string): Promise<FormatFileRead> => {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(join(syncRoot, FORMAT_FILE), SMALL_FILE_CAP, { noFollow: true });
  } catch (error) {
    return isNotFound(error) ? { kind: 'absent' } : { kind: 'unreadable' };
  }
  return parseFormatFile(bytes);
};

export type CreateFormatResult =
  | { kind: 'created'; vaultId: string; createdAt: number }
  /** A format.json was already there (or appeared meanwhile): nothing of ours was written over it. */
  | { kind: 'exists'; found: FormatFileRead };

/**
 * §4.2 step 1: make `attune-sync/`, `keys/` and `devices/` (0700) and write
 * format.json once. If one is already there, nothing is written at all (not
 * even the folders, so a newer folder is left untouched) and what is there is
 * returned: the caller then links to it (§4.4) or says why it cannot. The
 * file is read back after writing, and only a read-back of our own vault id
 * and time counts as created (see writeFileOnce on the no-hard-link fallback).
 */
export const createFormatFile = async (
  fs: FsPort,
  syncRoot: string,
  vaultId: string,
  now: number,
  link: LinkFile = nodeLink,
): Promise<CreateFormatResult> => {
  const file: FormatFile = formatFileSchema.parse({ format: 'attune-sync', version: 1, vaultId, createdAt: now });
  const before = await readFormatFile(syncRoot);
  if (before.kind !== 'absent') return { kind: 'exists', found: before };
  for (const folder of [syncRoot, join(syncRoot, KEYS_FOLDER), join(syncRoot, DEVICES_FOLDER)]) await makeOwnFolder(fs, folder);
  await writeFileOnce(fs, join(syncRoot, FORMAT_FILE), Buffer.from(`${JSON.stringify(file)}\n`, 'utf8'), link);
  const after = await readFormatFile(syncRoot);
  return after.kind === 'ok' && after.vaultId === vaultId && after.createdAt === now
    ? { ...after, kind: 'created' }
    : { kind: 'exists', found: after };
};
