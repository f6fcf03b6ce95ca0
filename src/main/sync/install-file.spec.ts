import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { createInstall, type Install, judgeInstall, machineHash, readInstall } from './install-file';

const tempDir = useTempDirs();
const T = 1_795_424_400_000;
const HERE = '3d1219c7c4c5404aaa1f6d2a48adfda4';
const ELSEWHERE = '6f1a3e2b-9c4d-4e5f-8a7b-1c2d3e4f5a6b';
const syncDir = (): string => join(tempDir('attune-install-'), 'vault.sync');

describe('install.json (docs/sync-format.md §4.1, §4.3 rule 1)', () => {
  it('machine is b64u(SHA-256("attune-sync.v1.machine." ‖ device id bytes ‖ machine id)), spelled out from the doc', () => {
    const deviceId = '00112233445566778899aabbccddeeff';
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from('attune-sync.v1.machine.'), Buffer.from(deviceId, 'hex'), Buffer.from(HERE)]))
      .digest('base64url');
    expect(machineHash(deviceId, HERE)).toBe(expected);
    expect(expected).toHaveLength(43);
    // Bound to the device id: the same computer gives another hash for another id.
    expect(machineHash('ffeeddccbbaa99887766554433221100', HERE)).not.toBe(expected);
  });

  it('a new install has a fresh 16-byte id and the machine hash, owner only, and reads back as written', async () => {
    const dir = syncDir();
    const install = await createInstall(nodeFs, dir, HERE, T);
    expect(install).toEqual({
      format: 'attune-sync-install',
      version: 1,
      deviceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      machine: machineHash(install.deviceId, HERE),
      createdAt: T,
    });
    expect(await readInstall(dir)).toEqual({ kind: 'ok', install });
    expect(JSON.parse(readFileSync(join(dir, 'install.json'), 'utf8'))).toEqual(install);
    expect(readdirSync(dir)).toEqual(['install.json']);
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'install.json')).mode & 0o777).toBe(0o600);
    }
    // A move to a new id replaces it with another id.
    const moved = await createInstall(nodeFs, dir, HERE, T + 1);
    expect(moved.deviceId).not.toBe(install.deviceId);
    expect(await readInstall(dir)).toEqual({ kind: 'ok', install: moved });
  });

  it('without a machine id the field is absent, and the judgement is left to the folder check', async () => {
    const install = await createInstall(nodeFs, syncDir(), undefined, T);
    expect('machine' in install).toBe(false);
    expect(judgeInstall(install, HERE)).toBe('unknown');
  });

  it('judges the same computer, another computer, and not knowing', () => {
    const deviceId = '00112233445566778899aabbccddeeff';
    const install: Install = { format: 'attune-sync-install', version: 1, deviceId, machine: machineHash(deviceId, HERE), createdAt: T };
    expect(judgeInstall(install, HERE)).toBe('same');
    expect(judgeInstall(install, ELSEWHERE)).toBe('another-machine');
    expect(judgeInstall(install, undefined)).toBe('unknown');
    // The hash of another install's id on this computer is not this one's: a copied install.json is not "same".
    expect(judgeInstall({ ...install, deviceId: 'ffeeddccbbaa99887766554433221100' }, HERE)).toBe('another-machine');
  });

  it('absent, truncated, garbage, unknown fields, another version, too large or a link: never throws', async () => {
    const dir = syncDir();
    expect(await readInstall(dir)).toEqual({ kind: 'absent' });
    const install = await createInstall(nodeFs, dir, HERE, T);
    const path = join(dir, 'install.json');
    const text = JSON.stringify(install);
    for (const bad of [
      text.slice(0, 30),
      '\u0000\u00ff',
      '',
      JSON.stringify({ ...install, extra: 1 }),
      JSON.stringify({ ...install, version: 2 }),
      JSON.stringify({ ...install, deviceId: 'x' }),
    ]) {
      writeFileSync(path, bad);
      expect(await readInstall(dir)).toEqual({ kind: 'unreadable' });
    }
    writeFileSync(path, text);
    truncateSync(path, 1024 * 1024);
    expect(await readInstall(dir)).toEqual({ kind: 'unreadable' });

    const linked = syncDir();
    mkdirSync(linked);
    const outside = join(tempDir('attune-outside-'), 'install.json');
    writeFileSync(outside, text);
    symlinkSync(outside, join(linked, 'install.json'));
    expect(await readInstall(linked)).toEqual({ kind: 'unreadable' });
  });
});
