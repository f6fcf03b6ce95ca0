import { classifyName, type SyncName } from './sync-file-names';

/**
 * What "Also delete Attune's files in the sync folder" deletes, when the
 * last computer stops syncing (docs/sync-format.md §4.5, §11 Q10), as a
 * pure decision over a listing of `attune-sync/`.
 *
 * Only names Attune writes, and the copies sync tools make of them (temp
 * files, placeholders, conflict copies), are deleted, with what file
 * managers leave in a folder once looked into; anything else is the
 * person's and stays, and so do the folders holding it. A device folder of
 * a computer that may still sync — one not settled (this install's own
 * ids, removed computers and the old ids they moved from) — stops the whole
 * clear: its history would lose the folder under it.
 */
export interface FolderListing {
  /** Paths under `attune-sync/`, `/`-separated: every file (a link counts as a file, never followed). */
  readonly files: readonly string[];
  /** Every folder under `attune-sync/`, itself not included. */
  readonly folders: readonly string[];
}

export type ClearPlan =
  | { readonly kind: 'another-computer'; readonly deviceIds: readonly string[] }
  /** `folders` deepest first, then `''` for `attune-sync/` itself: each is removed only if it is empty by then. */
  | { readonly kind: 'clear'; readonly files: readonly string[]; readonly kept: readonly string[]; readonly folders: readonly string[] };

const ATTUNE_KINDS: ReadonlySet<SyncName['kind']> = new Set([
  'format',
  'key',
  'device-file',
  'segment',
  'publishing',
  'pending',
  'conflict',
]);
/** What a file manager leaves in a folder someone looked into: nobody's content, and it would keep the folder there. */
const FILE_MANAGER_LEFTOVERS: ReadonlySet<string> = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

const leafOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The device a name belongs to, through any wrapper (a conflict copy of its folder, its temp file). */
const deviceOf = (name: SyncName): string | undefined => {
  if (name.kind === 'device-folder' || name.kind === 'device-file' || name.kind === 'segment') return name.deviceId;
  if (name.kind === 'publishing' || name.kind === 'pending' || name.kind === 'conflict') return deviceOf(name.target);
  return undefined;
};

const depth = (path: string): number => path.split('/').length;

export const planFolderClear = (listing: FolderListing, settled: ReadonlySet<string>): ClearPlan => {
  const others = new Set<string>();
  for (const path of [...listing.folders, ...listing.files]) {
    const deviceId = deviceOf(classifyName(path));
    if (deviceId !== undefined && !settled.has(deviceId)) others.add(deviceId);
  }
  if (others.size > 0) return { kind: 'another-computer', deviceIds: [...others].sort() };
  const files: string[] = [];
  const kept: string[] = [];
  for (const path of listing.files)
    (ATTUNE_KINDS.has(classifyName(path).kind) || FILE_MANAGER_LEFTOVERS.has(leafOf(path)) ? files : kept).push(path);
  const folders = [...listing.folders].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
  return { kind: 'clear', files: files.sort(), kept: kept.sort(), folders: [...folders, ''] };
};
