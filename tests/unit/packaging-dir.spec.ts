import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { describe, expect, it } from 'vitest';

import config from '../../electron-builder.config';
import { useTempDirs } from '../support/temp-dir';

/**
 * electron-builder run for real (Linux `dir` target: no download, no external
 * tools) on a stand-in for the Electron binary: a file holding Electron's fuse
 * sentinel and a fuse wire at Electron's defaults. It shows what only a real
 * run can: the fuses are flipped in the binary as configured, and the asar
 * holds the allow-listed files and nothing else. The project is a temp copy
 * with a stub main, so it does not need `npm run build` first.
 * @see https://github.com/electron/fuses (wire format: sentinel, version, length, one byte per fuse)
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in FuseV1Options order: the opposite of what we want for every fuse but two.
const DEFAULT_WIRE = '10110001';
const tempDir = useTempDirs();

const packLinuxDir = async (): Promise<string> => {
  const root = tempDir('attune-pack-');
  const project = join(root, 'project');
  mkdirSync(join(project, 'out', 'main'), { recursive: true });
  writeFileSync(join(project, 'out', 'main', 'index.js'), 'export {};\n');
  for (const file of ['package.json', 'package-lock.json', 'resources']) cpSync(join(ROOT, file), join(project, file), { recursive: true });
  // Things that must never be packed, placed where a too-wide pattern would pick them up.
  for (const stray of ['src/main/index.ts', 'tests/unit/x.spec.ts', 'README.md', 'docs/vault-format.md', '.env']) {
    mkdirSync(join(project, stray, '..'), { recursive: true });
    writeFileSync(join(project, stray), 'not for the package\n');
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  const electronDist = join(root, 'electron');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), `stand-in ${SENTINEL}\x01\x08${DEFAULT_WIRE} end`, { mode: 0o755 });

  const output = join(root, 'dist');
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { ...config, electronDist, directories: { output } },
  });
  return join(output, 'linux-unpacked');
};

describe('electron-builder on a stand-in Electron (Linux dir)', () => {
  it('flips every fuse as configured and packs only the allow-listed files', async () => {
    const appDir = await packLinuxDir();

    const wire = await getCurrentFuseWire(join(appDir, 'attune'));
    // Each fuse is one byte on the wire: '0' off, '1' on.
    const fuses = Object.fromEntries(
      Object.entries(wire).flatMap(([index, byte]) =>
        index === 'version' ? [] : [[FuseV1Options[Number(index)], String.fromCharCode(byte as number) === '1']],
      ),
    );
    expect(fuses).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });

    const packed = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false });
    expect([...new Set(packed.map((file) => file.split('/')[1]))].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources']);
    expect(packed).toEqual(expect.arrayContaining(['/out/main/index.js', '/resources/attune.desktop', '/resources/trayTemplate.png']));
    // Nothing had to be unpacked beside the asar: no native modules, no helper binaries.
    expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked'))).toBe(false);
  }, 60_000);
});
