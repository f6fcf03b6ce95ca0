import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type ClearFs, clearSyncFolder, nodeClearFs } from './folder-clear-fs';

const OWN = 'a'.repeat(32);
const OTHER = 'd'.repeat(32);
const HASH = '0'.repeat(64);
const seg = (deviceId: string) => `devices/${deviceId}/seg-00000001-${HASH}.alog`;

let parent: string;
let root: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'attune-clear-'));
  root = join(parent, 'attune-sync');
});
afterEach(() => rm(parent, { recursive: true, force: true }));

const put = async (...paths: string[]) => {
  for (const path of paths) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), 'bytes');
  }
};
const ATTUNE = ['format.json', `keys/${'e'.repeat(32)}.json`, seg(OWN), `devices/${OWN}/device.json`, `devices/${OWN} (1)/device.json`];

describe('clearSyncFolder', () => {
  it("removes attune-sync/ whole when it holds only Attune's files, and nothing beside it", async () => {
    await put(...ATTUNE);
    await writeFile(join(parent, 'the person’s file.txt'), 'mine');
    expect(await clearSyncFolder(root, new Set([OWN]))).toEqual({ outcome: 'deleted' });
    expect(await readdir(parent)).toEqual(['the person’s file.txt']);
  });

  it("keeps the person's files and the folders holding them", async () => {
    await put(...ATTUNE, 'notes.txt', `devices/${OWN}/photo.jpg`);
    expect(await clearSyncFolder(root, new Set([OWN]))).toEqual({ outcome: 'some-left', left: 2 });
    expect((await readdir(root)).sort()).toEqual(['devices', 'notes.txt']);
    expect(await readdir(join(root, 'devices'))).toEqual([OWN]);
    expect(await readdir(join(root, 'devices', OWN))).toEqual(['photo.jpg']);
  });

  it('deletes nothing while another computer has files there', async () => {
    await put(...ATTUNE, seg(OTHER));
    expect(await clearSyncFolder(root, new Set([OWN]))).toEqual({ outcome: 'another-computer' });
    expect((await readdir(join(root, 'devices'))).sort()).toEqual([OWN, `${OWN} (1)`, OTHER]);
    expect(await readdir(join(root, 'keys'))).toHaveLength(1);
  });

  it('goes on past a file that will not go, and counts it', async () => {
    await put(...ATTUNE);
    const refusing: ClearFs = {
      ...nodeClearFs,
      unlink: (path) =>
        path.endsWith('device.json') && !path.includes('(1)')
          ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }))
          : nodeClearFs.unlink(path),
    };
    expect(await clearSyncFolder(root, new Set([OWN]), refusing)).toEqual({ outcome: 'some-left', left: 1 });
    expect(await readdir(root)).toEqual(['devices']);
    expect(await readdir(join(root, 'devices', OWN))).toEqual(['device.json']);
  });

  it('never removes a folder a sync tool put a file into meanwhile', async () => {
    await put(...ATTUNE);
    let delivered = false;
    const busy: ClearFs = {
      ...nodeClearFs,
      rmdir: async (path) => {
        if (!delivered && path.endsWith(join('devices', OWN))) {
          delivered = true;
          await writeFile(join(path, 'arrived.txt'), 'from elsewhere');
        }
        return nodeClearFs.rmdir(path);
      },
    };
    expect(await clearSyncFolder(root, new Set([OWN]), busy)).toEqual({ outcome: 'some-left', left: 1 });
    expect(await readdir(join(root, 'devices', OWN))).toEqual(['arrived.txt']);
  });

  it('is done when the folder is already gone', async () => {
    expect(await clearSyncFolder(root, new Set([OWN]))).toEqual({ outcome: 'deleted' });
  });
});
