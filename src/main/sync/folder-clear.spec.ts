import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { planFolderClear } from './folder-clear';
import { classifyName } from './sync-file-names';

const OWN = 'a'.repeat(32);
const OLD_OWN = 'b'.repeat(32);
const REMOVED = 'c'.repeat(32);
const OTHER = 'd'.repeat(32);
const SETTLED = new Set([OWN, OLD_OWN, REMOVED]);
const HASH = '0'.repeat(64);
const seg = (deviceId: string, seq = 1) => `devices/${deviceId}/seg-${String(seq).padStart(8, '0')}-${HASH}.alog`;

const listing = (files: string[], folders?: string[]) => ({
  files,
  folders: folders ?? [
    ...new Set(
      files.flatMap((path) =>
        path
          .split('/')
          .slice(0, -1)
          .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
      ),
    ),
  ],
});

describe('planFolderClear', () => {
  it("deletes Attune's files and sync tools' copies of them, folders deepest first and attune-sync/ last", () => {
    const files = [
      'format.json',
      `keys/${'e'.repeat(32)}.json`,
      `keys/${'e'.repeat(32)} (1).json`,
      seg(OWN),
      `devices/${OWN}/device.json`,
      `devices/${OWN}/.seg-00000002-${HASH}.alog.0123456789ab.tmp`,
      `devices/${OWN}/.syncthing.seg-00000003-${HASH}.alog.tmp`,
      `devices/${OWN}/seg-00000001-${HASH}.sync-conflict-20261204-094500-ABCDEFG.alog`,
      `devices/${OWN} (1)/seg-00000001-${HASH}.alog`,
      seg(OLD_OWN, 4),
      seg(REMOVED, 9),
      'devices/.DS_Store',
      'desktop.ini',
    ];
    const plan = planFolderClear(listing(files), SETTLED);
    expect(plan).toEqual({
      kind: 'clear',
      files: [...files].sort(),
      kept: [],
      folders: [`devices/${OWN}`, `devices/${OWN} (1)`, `devices/${OLD_OWN}`, `devices/${REMOVED}`, 'devices', 'keys', ''],
    });
  });

  it("keeps what is not Attune's, and says so", () => {
    const plan = planFolderClear(listing([seg(OWN), 'notes.txt', `devices/${OWN}/photo.jpg`, 'devices/deeper/than/names.alog']), SETTLED);
    expect(plan.kind === 'clear' && plan.files).toEqual([seg(OWN)]);
    expect(plan.kind === 'clear' && plan.kept).toEqual([`devices/${OWN}/photo.jpg`, 'devices/deeper/than/names.alog', 'notes.txt']);
  });

  it('deletes nothing while a computer that may still sync has anything there, even a copy or a temp file', () => {
    const others = [
      [seg(OTHER)],
      [`devices/${OTHER}/.seg-00000002-${HASH}.alog.0123456789ab.tmp`],
      [`devices/${OTHER} (Case Conflict)/device.json`],
      [],
    ];
    for (const extra of others) {
      const folders = extra.length === 0 ? ['devices', `devices/${OTHER}`] : undefined;
      expect(planFolderClear(listing([seg(OWN), 'format.json', ...extra], folders), SETTLED)).toEqual({
        kind: 'another-computer',
        deviceIds: [OTHER],
      });
    }
  });

  it('property: never deletes a file of an unsettled computer or one that is not Attune-shaped; deletes every settled one', () => {
    const device = fc.constantFrom(OWN, OLD_OWN, REMOVED, OTHER);
    const path = fc.oneof(
      device.map((id) => seg(id)),
      device.map((id) => `devices/${id}/device.json`),
      device.map((id) => `devices/${id} (2)/device.json`),
      fc.constantFrom('format.json', `keys/${'e'.repeat(32)}.json`, 'notes.txt', 'devices/x.txt', '.DS_Store', 'keys/old.json'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 12 }), (files) => {
        const plan = planFolderClear(listing(files), SETTLED);
        const touchesOther = files.some((file) => file.includes(OTHER));
        expect(plan.kind).toBe(touchesOther ? 'another-computer' : 'clear');
        if (plan.kind !== 'clear') return;
        expect([...plan.files, ...plan.kept].sort()).toEqual([...files].sort());
        for (const file of plan.files) expect(classifyName(file).kind !== 'ignored' || file.endsWith('.DS_Store')).toBe(true);
        for (const file of plan.kept) expect(classifyName(file).kind).toBe('ignored');
      }),
      { numRuns: 300 },
    );
  });
});
