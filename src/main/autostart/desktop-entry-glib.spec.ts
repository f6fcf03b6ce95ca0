import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { autostartDesktopEntry } from './xdg-autostart';

/**
 * The same files checked by real freedesktop readers, where installed:
 * GLib's launcher (`gio launch`, what GNOME's session uses for autostart) and
 * `desktop-file-validate`. Debian packages libglib2.0-bin and desktop-file-utils.
 */
const has = (tool: string, ...args: string[]): boolean => spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
const hasGioLaunch = has('gio', 'help', 'launch');
const hasValidator = has('desktop-file-validate', '--help');
if (!hasGioLaunch) console.info('desktop-entry-glib: launch test skipped, `gio launch` not installed (Debian: libglib2.0-bin)');
if (!hasValidator) console.info('desktop-entry-glib: validation skipped, desktop-file-validate not installed (Debian: desktop-file-utils)');

const tempDir = useTempDirs();
const entryFor = (exec: string[]) =>
  autostartDesktopEntry({ name: 'Attune', exec, icon: 'attune', comment: 'A small tray app for short pauses' });

describe.runIf(hasGioLaunch)('gio launch', () => {
  it('runs the program with exactly the arguments that were quoted', async () => {
    // Every reserved character in the program's own folder. Not `%`: GLib looks the program up
    // before it undoes `%%`, so it cannot launch from a folder with a percent sign at all.
    const dir = join(tempDir(), `it's a "dir" $HOME \`x\` back\\slash ü ~ #;&|*?<>()`);
    mkdirSync(dir);
    const program = join(dir, 'record');
    writeFileSync(program, `#!/bin/sh\nprintf '%s\\0' "$@" > "$0.out"\n`);
    chmodSync(program, 0o755);
    const args = ['--a b', '%U', '100%', 'x"y', '$Z', 'back\\', '', 'tab\there'];
    const file = join(tempDir(), 'attune.desktop');
    writeFileSync(file, entryFor([program, ...args]));

    execFileSync('gio', ['launch', file], { stdio: 'pipe' });
    // gio returns once the program is spawned; the recording lands a moment later.
    await expect.poll(() => existsSync(`${program}.out`), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => readFileSync(`${program}.out`, 'utf8').split('\0').slice(0, -1), { timeout: 10_000 }).toEqual(args);
  });
});

describe.runIf(hasValidator)('desktop-file-validate', () => {
  const validate = (file: string) => spawnSync('desktop-file-validate', [file], { encoding: 'utf8' });

  it('accepts the autostart entry, awkward path and all', () => {
    const file = join(tempDir(), 'attune.desktop');
    writeFileSync(file, entryFor(['/home/sam/My "Apps" 100%/Attune.AppImage', '--hidden']));
    expect(validate(file)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('accepts the app’s own entry in resources/', () => {
    expect(validate(resolve(import.meta.dirname, '../../../resources/attune.desktop'))).toMatchObject({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });
});
