import { describe, expect, it } from 'vitest';

import { classifyName, segmentFileName, type SyncName } from './sync-file-names';

/**
 * Real-world names from each sync tool's documented or observed naming
 * (docs/sync-format.md §3.2): Syncthing `<base>.sync-conflict-<date>-<time>-<7
 * char device id>.<ext>` and `.syncthing.<name>.tmp` / `~syncthing~<name>.tmp`;
 * Dropbox `<base> (<owner>'s conflicted copy <date>).<ext>`, `(Case Conflict)`,
 * `(Selective Sync Conflict)`; Nextcloud
 * `<base> (conflicted copy <date> <hhmmss>).<ext>`; ownCloud
 * `<base>_conflict-<date>-<time>.<ext>`; OneDrive `<base>-<MACHINE>.<ext>` and
 * `<base>-2.<ext>`; Google Drive / Finder `<base> (1).<ext>`; iCloud
 * `.<name>.icloud`.
 */
const DEV = '0123456789abcdef0123456789abcdef';
const KEY = 'fedcba9876543210fedcba9876543210';
const HASH = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
const SEG = `seg-00000043-${HASH}.alog`;
const STEM = `seg-00000043-${HASH}`;
const segment: SyncName = { kind: 'segment', deviceId: DEV, seq: 43, hash: HASH };
const deviceFile: SyncName = { kind: 'device-file', deviceId: DEV };
const format: SyncName = { kind: 'format' };
const key: SyncName = { kind: 'key', keyId: KEY };
const folder: SyncName = { kind: 'device-folder', deviceId: DEV };
const conflict = (tool: string, target: SyncName): SyncName => ({ kind: 'conflict', tool, target }) as SyncName;
const ignored: SyncName = { kind: 'ignored' };

const table: Array<[string, SyncName]> = [
  // §3.1 exact names
  ['format.json', format],
  [`keys/${KEY}.json`, key],
  [`devices/${DEV}`, folder],
  [`devices/${DEV}/device.json`, deviceFile],
  [`devices/${DEV}/${SEG}`, segment],
  [`devices/${DEV}/seg-00000001-${HASH}.alog`, { ...segment, seq: 1 }],
  [`devices/${DEV}/seg-99999999-${HASH}.alog`, { ...segment, seq: 99_999_999 }],
  // the owner publishing (vault atomic-write temp)
  [`devices/${DEV}/.${SEG}.0a1b2c3d4e5f.tmp`, { kind: 'publishing', target: segment }],
  [`devices/${DEV}/.device.json.0a1b2c3d4e5f.tmp`, { kind: 'publishing', target: deviceFile }],
  // Syncthing temp files (Unix, Windows)
  [`devices/${DEV}/.syncthing.${SEG}.tmp`, { kind: 'pending', via: 'syncthing', target: segment }],
  [`devices/${DEV}/~syncthing~${SEG}.tmp`, { kind: 'pending', via: 'syncthing', target: segment }],
  ['.syncthing.format.json.tmp', { kind: 'pending', via: 'syncthing', target: format }],
  // iCloud placeholder
  [`devices/${DEV}/.${SEG}.icloud`, { kind: 'pending', via: 'icloud', target: segment }],
  [`keys/.${KEY}.json.icloud`, { kind: 'pending', via: 'icloud', target: key }],
  // Syncthing conflicts
  [`devices/${DEV}/${STEM}.sync-conflict-20261204-094500-ABCDEFG.alog`, conflict('syncthing', segment)],
  ['format.sync-conflict-20260818-173636-D4LGQYW.json', conflict('syncthing', format)],
  [`devices/${DEV}/device.sync-conflict-20260817-144138-O4SHF2J.json`, conflict('syncthing', deviceFile)],
  // Dropbox
  [`devices/${DEV}/${STEM} (Sam's conflicted copy 2026-12-04).alog`, conflict('dropbox', segment)],
  [`devices/${DEV}/${STEM} (Sam Smith's conflicted copy 2026-12-04 (1)).alog`, conflict('dropbox', segment)],
  [`devices/${DEV}/${STEM} (conflicted copy 2026-12-04).alog`, conflict('dropbox', segment)],
  ["format (Sam's conflicted copy 2026-12-04).json", conflict('dropbox', format)],
  [`devices/${DEV}/${STEM} (Case Conflict).alog`, conflict('dropbox', segment)],
  [`devices/${DEV} (Case Conflict 1)`, conflict('dropbox', folder)],
  [`keys/${KEY} (Selective Sync Conflict).json`, conflict('dropbox', key)],
  // Nextcloud, ownCloud
  [`devices/${DEV}/${STEM} (conflicted copy 2026-12-04 094500).alog`, conflict('nextcloud', segment)],
  [`keys/${KEY} (conflicted copy 2021-06-16 143218).json`, conflict('nextcloud', key)],
  [`devices/${DEV}/${STEM}_conflict-20261204-094500.alog`, conflict('owncloud', segment)],
  // OneDrive: machine name, number
  [`devices/${DEV}/${STEM}-LAPTOP.alog`, conflict('onedrive', segment)],
  [`devices/${DEV}/${STEM}-DESKTOP-AB12CD3.alog`, conflict('onedrive', segment)],
  [`devices/${DEV}/${STEM}-2.alog`, conflict('onedrive', segment)],
  [`devices/${DEV}/device-LAPTOP.json`, conflict('onedrive', deviceFile)],
  [`devices/${DEV}-2`, conflict('onedrive', folder)],
  // Google Drive, Finder, OneDrive numbered copies
  [`devices/${DEV}/${STEM} (1).alog`, conflict('numbered', segment)],
  [`keys/${KEY} (1).json`, conflict('numbered', key)],
  [`devices/${DEV} (1)`, conflict('numbered', folder)],
  [`devices/${DEV} (1)/${SEG}`, conflict('numbered', segment)],
  // near misses: never a segment, never anything
  [`devices/${DEV}/seg-00000043-${HASH.toUpperCase()}.alog`, ignored],
  [`devices/${DEV}/seg-00000043-${HASH.slice(1)}.alog`, ignored],
  [`devices/${DEV}/seg-00000043-${HASH}0.alog`, ignored],
  [`devices/${DEV}/seg-0000043-${HASH}.alog`, ignored],
  [`devices/${DEV}/seg-000000043-${HASH}.alog`, ignored],
  [`devices/${DEV}/seg-00000000-${HASH}.alog`, ignored],
  [`devices/${DEV}/seg-0000004a-${HASH}.alog`, ignored],
  [`devices/${DEV}/${SEG}.tmp`, ignored],
  [`devices/${DEV}/${SEG}.part`, ignored],
  [`devices/${DEV}/${STEM}.ALOG`, ignored],
  [`devices/${DEV}/SEG-00000043-${HASH}.alog`, ignored],
  [`devices/${DEV}/ ${SEG}`, ignored],
  [`devices/${DEV}/${SEG} `, ignored],
  [`devices/${DEV}/.${SEG}.tmp`, ignored],
  [`devices/${DEV}/.${SEG}.0A1B2C3D4E5F.tmp`, ignored],
  [`devices/${DEV}/${STEM}.sync-conflict-20261204-094500-abcdefg.alog`, ignored],
  [`devices/${DEV}/${STEM} conflicted copy.alog`, ignored],
  [`devices/${DEV.toUpperCase()}/${SEG}`, ignored],
  [`devices/${DEV.slice(1)}/${SEG}`, ignored],
  [`devices/${DEV}/sub/${SEG}`, ignored],
  [`devices/${DEV}/../${DEV}/${SEG}`, ignored],
  [`devices//${SEG}`, ignored],
  [`/devices/${DEV}/${SEG}`, ignored],
  [SEG, ignored],
  [`keys/${SEG}`, ignored],
  [`keys/${KEY.toUpperCase()}.json`, ignored],
  [`devices/${DEV}/Device.json`, ignored],
  ['Format.json', ignored],
  ['format.json.bak', ignored],
  ['.DS_Store', ignored],
  [`devices/${DEV}/desktop.ini`, ignored],
  [`devices/${DEV}/.syncthing.notes.txt.tmp`, ignored],
  ['', ignored],
];

describe('classifyName', () => {
  it.each(table)('%s', (path, expected) => {
    expect(classifyName(path)).toEqual(expected);
  });

  it('parses a segment only from the exact grammar of §3.1', () => {
    const segmentPattern = /^devices\/[0-9a-f]{32}\/seg-(?!00000000)[0-9]{8}-[0-9a-f]{64}\.alog$/;
    for (const [path] of table) expect(classifyName(path).kind === 'segment').toBe(segmentPattern.test(path));
  });
});

describe('segmentFileName', () => {
  it('zero-pads seq to 8 digits and round-trips through classifyName', () => {
    expect(segmentFileName(43, HASH)).toBe(SEG);
    expect(classifyName(`devices/${DEV}/${segmentFileName(7, HASH)}`)).toEqual({ ...segment, seq: 7 });
  });

  it('refuses seqs the grammar cannot name', () => {
    for (const seq of [0, -1, 1.5, 100_000_000, Number.NaN]) expect(() => segmentFileName(seq, HASH)).toThrow(RangeError);
  });
});
