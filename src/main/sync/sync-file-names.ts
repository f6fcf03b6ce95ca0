import { ATOMIC_TEMP_NAME } from '../fs/durable-write';

/**
 * The names inside `attune-sync/` (docs/sync-format.md §3). Only the exact
 * names of §3.1 are ever read as data; everything else a sync tool leaves
 * behind (temp files, placeholders, conflict copies, duplicated folders) is
 * classified here for the "pending" count and otherwise left alone: never an
 * error, never deleted. Pure: the caller lists folders, this only judges names.
 */

/** A name of §3.1, read as data. */
export type SyncDataName =
  | { kind: 'format' }
  | { kind: 'key'; keyId: string }
  | { kind: 'device-folder'; deviceId: string }
  | { kind: 'device-file'; deviceId: string }
  | { kind: 'segment'; deviceId: string; seq: number; hash: string };

/** Which tool's conflict naming a copy follows; `numbered` is ` (1)` (Google Drive, Finder, OneDrive). */
export type ConflictTool = 'syncthing' | 'dropbox' | 'nextcloud' | 'owncloud' | 'onedrive' | 'numbered';

export type SyncName =
  | SyncDataName
  /** The owning device's own atomic-write temp file (`.X.<12 hex>.tmp`): it is publishing X. */
  | { kind: 'publishing'; target: SyncDataName }
  /** X is on its way: a Syncthing temp file, or an iCloud placeholder not downloaded yet. */
  | { kind: 'pending'; via: 'syncthing' | 'icloud'; target: SyncDataName }
  /** A sync tool's conflict copy of X (or of X's folder). Never read. */
  | { kind: 'conflict'; tool: ConflictTool; target: SyncDataName }
  | { kind: 'ignored' };

export const SEQ_MAX = 99_999_999;
const HEX32 = /^[0-9a-f]{32}$/;
const KEY_FILE = /^([0-9a-f]{32})\.json$/;
const SEGMENT_FILE = /^seg-([0-9]{8})-([0-9a-f]{64})\.alog$/;

/** `seg-<8 digits>-<64 hex>.alog`; seq 1 … 99 999 999, hash = hex SHA-256 of the file. */
export const segmentFileName = (seq: number, hash: string): string => {
  if (!Number.isInteger(seq) || seq < 1 || seq > SEQ_MAX) throw new RangeError(`segment seq out of range: ${seq}`);
  return `seg-${String(seq).padStart(8, '0')}-${hash}.alog`;
};

const exactName = (parts: readonly string[]): SyncDataName | undefined => {
  const [top, middle, leaf] = parts;
  if (parts.length === 1) return top === 'format.json' ? { kind: 'format' } : undefined;
  if (top === 'keys' && parts.length === 2) {
    const keyId = KEY_FILE.exec(middle ?? '')?.[1];
    return keyId === undefined ? undefined : { kind: 'key', keyId };
  }
  if (top !== 'devices' || middle === undefined || !HEX32.test(middle)) return undefined;
  if (parts.length === 2) return { kind: 'device-folder', deviceId: middle };
  if (parts.length !== 3 || leaf === undefined) return undefined;
  if (leaf === 'device.json') return { kind: 'device-file', deviceId: middle };
  const segment = SEGMENT_FILE.exec(leaf);
  if (!segment) return undefined;
  const seq = Number(segment[1]);
  return seq === 0 ? undefined : { kind: 'segment', deviceId: middle, seq, hash: segment[2] as string };
};

/** Wrappers around a whole leaf name X; the inner name must itself be exact. */
const LEAF_WRAPPERS: ReadonlyArray<{ inner: (leaf: string) => string | undefined; name: (target: SyncDataName) => SyncName }> = [
  {
    inner: (leaf) => (ATOMIC_TEMP_NAME.test(leaf) ? leaf.slice(1, -'.0123456789ab.tmp'.length) : undefined),
    name: (target) => ({ kind: 'publishing', target }),
  },
  { inner: (leaf) => /^\.syncthing\.(.+)\.tmp$/.exec(leaf)?.[1], name: (target) => ({ kind: 'pending', via: 'syncthing', target }) },
  { inner: (leaf) => /^~syncthing~(.+)\.tmp$/.exec(leaf)?.[1], name: (target) => ({ kind: 'pending', via: 'syncthing', target }) },
  { inner: (leaf) => /^\.(.+)\.icloud$/.exec(leaf)?.[1], name: (target) => ({ kind: 'pending', via: 'icloud', target }) },
];

/**
 * Conflict copies keep the original stem and extension and put a marker
 * between them. The order matters: Nextcloud's marker (with a time) is a
 * special case of Dropbox's (owner optional).
 */
const CONFLICT_MARKERS: ReadonlyArray<[ConflictTool, RegExp]> = [
  // name.sync-conflict-20261204-094500-ABCDEFG.ext (7 = the short Syncthing device id, base32)
  ['syncthing', /^\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z2-7]{7}$/],
  // name (conflicted copy 2026-12-04 094500).ext
  ['nextcloud', /^ \(conflicted copy [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{6}\)$/],
  // name (Sam's conflicted copy 2026-12-04).ext, also with a trailing " (1)" inside
  ['dropbox', /^ \((?:[^()]+ )?conflicted copy [0-9]{4}-[0-9]{2}-[0-9]{2}(?: \([0-9]+\))?\)$/],
  // name (Case Conflict).ext, name (Case Conflict 1).ext, name (Selective Sync Conflict).ext
  ['dropbox', /^ \((?:Case|Selective Sync) Conflict(?: [0-9]+)?\)$/],
  // name_conflict-20261204-094500.ext (ownCloud and older Nextcloud clients)
  ['owncloud', /^_conflict-[0-9]{8}-[0-9]{6}$/],
  ['numbered', /^ \([0-9]+\)$/],
  // name-LAPTOP.ext, name-DESKTOP-AB12CD3.ext, name-2.ext
  ['onedrive', /^-[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/],
];

/** The exact components of §3.1, as stem + extension, so a marker between them can be found. */
const COMPONENTS: ReadonlyArray<[stem: string, ext: string]> = [
  ['seg-[0-9]{8}-[0-9a-f]{64}', '.alog'],
  ['[0-9a-f]{32}', '.json'],
  ['[0-9a-f]{32}', ''],
  ['device', '.json'],
  ['format', '.json'],
];
const COMPONENT_PATTERNS = COMPONENTS.map(([stem, ext]) => new RegExp(`^(${stem})(.+)${ext.replace('.', '\\.')}$`));

const undecorate = (component: string): { tool: ConflictTool; original: string } | undefined => {
  for (const [index, pattern] of COMPONENT_PATTERNS.entries()) {
    const match = pattern.exec(component);
    if (!match) continue;
    const marker = match[2] as string;
    const tool = CONFLICT_MARKERS.find(([, markerPattern]) => markerPattern.test(marker))?.[0];
    if (tool) return { tool, original: `${match[1] as string}${(COMPONENTS[index] as [string, string])[1]}` };
  }
  return undefined;
};

/**
 * `path` is relative to `attune-sync/`, with `/` between components (the
 * caller builds it from folder listings, never from user input).
 */
export const classifyName = (path: string): SyncName => {
  const parts = path.split('/');
  if (parts.length > 3 || parts.some((part) => part === '' || part === '.' || part === '..')) return { kind: 'ignored' };
  const exact = exactName(parts);
  if (exact) return exact;
  const folder = parts.slice(0, -1);
  const leaf = parts[parts.length - 1] as string;
  for (const wrapper of LEAF_WRAPPERS) {
    const inner = wrapper.inner(leaf);
    const target = inner === undefined ? undefined : exactName([...folder, inner]);
    if (target) return wrapper.name(target);
  }
  for (const [index, part] of parts.entries()) {
    const copy = undecorate(part);
    const target = copy && exactName(parts.map((other, at) => (at === index ? copy.original : other)));
    if (copy && target) return { kind: 'conflict', tool: copy.tool, target };
  }
  return { kind: 'ignored' };
};
