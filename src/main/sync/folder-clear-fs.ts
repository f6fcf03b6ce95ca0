import * as fs from 'node:fs';
import { join } from 'node:path';

import { type ClearPlan, type FolderListing, planFolderClear } from './folder-clear';
import { errorCode, nodeScanFs, type ScanFs } from './scan-fs';

/**
 * The effects of "Also delete Attune's files in the sync folder" (the
 * decision is folder-clear.ts): list `attune-sync/`, delete what the plan
 * names, then remove each folder that is empty by then, `attune-sync/` last.
 * A folder is never removed with anything in it: a file a sync tool brings
 * in meanwhile stays, and is counted as left.
 */
export interface ClearFs {
  readonly list: ScanFs['list'];
  unlink(path: string): Promise<void>;
  /** Removes an empty folder only. */
  rmdir(path: string): Promise<void>;
}

export const nodeClearFs: ClearFs = {
  list: nodeScanFs.list,
  unlink: (path) => fs.promises.unlink(path),
  rmdir: (path) => fs.promises.rmdir(path),
};

export type ClearResult =
  | { readonly outcome: 'deleted' }
  /** Nothing was deleted: a computer that may still sync has files there. */
  | { readonly outcome: 'another-computer' }
  /** Attune's files went as far as the folder let them; `left` files (the person's, or ones that would not go) stay. */
  | { readonly outcome: 'some-left'; readonly left: number };

const listTree = async (port: ClearFs, root: string): Promise<FolderListing> => {
  const files: string[] = [];
  const folders: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await port.list(relative === '' ? root : join(root, relative))) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isFolder) {
        folders.push(path);
        await walk(path);
      } else files.push(path);
    }
  };
  await walk('');
  return { files, folders };
};

const gone = (error: unknown): boolean => errorCode(error) === 'ENOENT';

/** `settled`: device ids whose files may go (this install's, removed computers', and the old ids they moved from). */
export const clearSyncFolder = async (
  syncRoot: string,
  settled: ReadonlySet<string>,
  port: ClearFs = nodeClearFs,
): Promise<ClearResult> => {
  let plan: ClearPlan;
  try {
    plan = planFolderClear(await listTree(port, syncRoot), settled);
  } catch (error) {
    if (gone(error)) return { outcome: 'deleted' };
    throw error;
  }
  if (plan.kind === 'another-computer') return { outcome: 'another-computer' };
  let left = plan.kept.length;
  for (const path of plan.files)
    await port.unlink(join(syncRoot, path)).catch((error: unknown) => {
      if (!gone(error)) left += 1;
    });
  let rootGone = false;
  for (const folder of plan.folders)
    await port.rmdir(folder === '' ? syncRoot : join(syncRoot, folder)).then(
      () => (rootGone = folder === ''),
      (error: unknown) => (rootGone = folder === '' && gone(error)),
    );
  return rootGone ? { outcome: 'deleted' } : { outcome: 'some-left', left: Math.max(left, 1) };
};
