import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

import { fsyncDir, writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isNotFound } from '../fs/storage-error';
import { type KeyFile, writeKeyFile } from './key-file';
import { encodeSnapshot, type StoredEntry } from './snapshot-codec';
import { JOURNAL_FILE, SNAPSHOT_FILE } from './vault-load';

/**
 * The files of a re-key (a new data key for the whole history). Two files
 * must change together — the snapshot, sealed with the new key, and
 * vault.json, which wraps it — and only vault.json can be the commit point:
 *
 * 1. the new snapshot is written (atomically) beside the old one as
 *    `snapshot-<new key id>.bin`;
 * 2. vault.json is replaced (atomically): the commit point;
 * 3. the journal, whose records the new snapshot already holds, is emptied;
 * 4. the new snapshot is renamed over `snapshot.bin`.
 *
 * A kill before 2 leaves the old vault whole plus a staged file that names
 * another key: it is removed at the next unlock. A kill after 2 leaves a
 * staged file that names the key in vault.json: the next unlock carries out
 * 3 and 4 before reading anything. So the folder always opens with the old
 * credentials or the new ones, and never holds a mix.
 */
const STAGED = /^snapshot-([0-9a-f]{32})\.bin$/;

export const stagedSnapshotName = (keyId: string): string => `snapshot-${keyId}.bin`;

/** Step 1: the new snapshot, staged. Returns its anchor (what the next record links to). */
export const stageSnapshot = async (
  fs: FsPort,
  dir: string,
  key: KeyObject,
  keyId: string,
  entries: readonly StoredEntry[],
  throughSeq: number,
  now: number,
): Promise<string> => {
  const { bytes, anchor } = encodeSnapshot(key, keyId, entries, throughSeq, now);
  await writeFileAtomic(fs, join(dir, stagedSnapshotName(keyId)), bytes);
  return anchor;
};

/** Step 2, the commit point. */
export const commitKeyFile = (fs: FsPort, dir: string, keyFile: KeyFile): Promise<void> => writeKeyFile(fs, dir, keyFile);

/** Steps 3 and 4 for the staged snapshot of `keyId`. */
const finish = async (fs: FsPort, dir: string, keyId: string): Promise<void> => {
  const fd = await fs.open(join(dir, JOURNAL_FILE), 'a', 0o600);
  try {
    await fs.ftruncate(fd, 0);
    await fs.fsync(fd);
  } finally {
    await fs.close(fd);
  }
  await fs.rename(join(dir, stagedSnapshotName(keyId)), join(dir, SNAPSHOT_FILE));
  await fsyncDir(fs, dir);
};

/**
 * Before a vault is read: finish a re-key whose key file was committed, and
 * drop one that never was. Idempotent; a folder without staged files costs
 * one readdir. `keyId` is the key id in vault.json now.
 */
export const settleRekey = async (fs: FsPort, dir: string, keyId: string): Promise<'none' | 'finished' | 'dropped'> => {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return 'none';
    throw error;
  }
  let outcome: 'none' | 'finished' | 'dropped' = 'none';
  for (const name of names) {
    const staged = STAGED.exec(name)?.[1];
    if (staged === undefined) continue;
    if (staged === keyId) {
      await finish(fs, dir, keyId);
      outcome = 'finished';
    } else {
      await fs.unlink(join(dir, name));
      await fsyncDir(fs, dir);
      if (outcome === 'none') outcome = 'dropped';
    }
  }
  return outcome;
};

/** Steps 3 and 4 right after the commit, in the same process. */
export const finishRekey = (fs: FsPort, dir: string, keyId: string): Promise<void> => finish(fs, dir, keyId);
