import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { canMountTmpfs, remount, tryMountTmpfs, unmount } from '../vault/testing/tmpfs';
import { parseDesktopEntry } from './desktop-entry';
import {
  attuneAutostartEntry,
  AUTOSTART_IDENTITY,
  autostartCommand,
  autostartDesktopEntry,
  autostartPath,
  isAutostartEntryEnabled,
  readLinuxAutostart,
  setLinuxAutostart,
  xdgAutostartLoginItem,
} from './xdg-autostart';

const tempDir = useTempDirs();
const options = { ...AUTOSTART_IDENTITY, exec: ['/opt/Attune/attune'] };
const ENTRY = attuneAutostartEntry(options.exec);

describe('autostartDesktopEntry', () => {
  it('is exactly the expected file', () => {
    expect(ENTRY).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Attune',
        'Comment=A small tray app for short pauses',
        'Exec=/opt/Attune/attune',
        'Icon=attune',
        'Terminal=false',
        'NoDisplay=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('names, describes and shows the app exactly as its own desktop entry does', () => {
    const app = parseDesktopEntry(readFileSync(join(import.meta.dirname, '../../../resources/attune.desktop'), 'utf8')).groups[
      'Desktop Entry'
    ]!;
    expect({ name: app.Name, icon: app.Icon, comment: app.Comment }).toEqual(AUTOSTART_IDENTITY);
    expect(ENTRY).toBe(autostartDesktopEntry(options));
  });

  it('quotes an AppImage path with spaces, quotes and a percent sign', () => {
    const text = autostartDesktopEntry({ ...options, exec: ['/home/sam/My "Apps" 100%/Attune.AppImage'] });
    expect(text).toContain('\nExec="/home/sam/My \\\\"Apps\\\\" 100%%/Attune.AppImage"\n');
  });

  it('cannot be given an extra key through a name or comment', () => {
    const text = autostartDesktopEntry({ ...options, name: 'A\nHidden=true', comment: 'c\r\nExec=/bin/evil' });
    expect(text.split('\n').filter((line) => /^(Hidden|Exec)=/.test(line))).toEqual(['Exec=/opt/Attune/attune']);
    expect(isAutostartEntryEnabled(text)).toBe(true);
  });
});

describe('autostartPath', () => {
  it('uses ~/.config/autostart when XDG_CONFIG_HOME is unset or empty', () => {
    expect(autostartPath({}, '/home/sam')).toBe('/home/sam/.config/autostart/attune.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: '' }, '/home/sam')).toBe('/home/sam/.config/autostart/attune.desktop');
  });

  it('respects an absolute XDG_CONFIG_HOME and ignores a relative one, as the basedir spec says', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/data/cfg' }, '/home/sam')).toBe('/data/cfg/autostart/attune.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/sam')).toBe('/home/sam/.config/autostart/attune.desktop');
  });
});

describe('autostartCommand', () => {
  const base = { execPath: '/tmp/.mount_AttuneX1/attune', appPath: '/work/attune', env: {} };
  it('points an AppImage at the .AppImage file, not its temporary mount', () => {
    expect(autostartCommand({ ...base, isPackaged: true, env: { APPIMAGE: '/home/sam/Apps/Attune.AppImage' } })).toEqual([
      '/home/sam/Apps/Attune.AppImage',
    ]);
  });
  it('runs an installed app by its executable, and a dev build with its app folder', () => {
    expect(autostartCommand({ ...base, isPackaged: true, execPath: '/opt/Attune/attune' })).toEqual(['/opt/Attune/attune']);
    expect(autostartCommand({ ...base, isPackaged: false, execPath: '/x/electron' })).toEqual(['/x/electron', '/work/attune']);
  });
});

describe('isAutostartEntryEnabled', () => {
  it('counts Hidden=true and GNOME’s X-GNOME-Autostart-enabled=false as off', () => {
    expect(isAutostartEntryEnabled(ENTRY)).toBe(true);
    expect(isAutostartEntryEnabled(`${ENTRY}Hidden=true\n`)).toBe(false);
    expect(isAutostartEntryEnabled(ENTRY.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'))).toBe(false);
    expect(isAutostartEntryEnabled('not a desktop file')).toBe(false);
  });
});

describe('setLinuxAutostart (real files)', () => {
  it('creates the folder, writes the exact text readable by the session, and removes it again', () => {
    const path = autostartPath({ XDG_CONFIG_HOME: join(tempDir(), 'config') }, '/nonexistent');
    setLinuxAutostart(true, { path, entry: ENTRY });
    expect(readFileSync(path, 'utf8')).toBe(ENTRY);
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(readLinuxAutostart(path)).toBe(true);

    setLinuxAutostart(false, { path, entry: ENTRY });
    expect(existsSync(path)).toBe(false);
    expect(readLinuxAutostart(path)).toBe(false);

    setLinuxAutostart(true, { path, entry: ENTRY });
    expect(readFileSync(path, 'utf8')).toBe(ENTRY);
  });

  it('is idempotent and leaves no temp files behind', () => {
    const path = join(tempDir(), 'autostart', 'attune.desktop');
    const item = xdgAutostartLoginItem({ path, entry: ENTRY });
    item.set(true);
    item.set(true);
    expect(readdirSync(join(path, '..'))).toEqual(['attune.desktop']);
    expect(item.get()).toBe(true);
    item.set(false);
    item.set(false);
    expect(readdirSync(join(path, '..'))).toEqual([]);
    expect(item.get()).toBe(false);
  });

  it('replaces a copy the desktop switched off, so turning it on in Attune means on', () => {
    const path = join(tempDir(), 'autostart', 'attune.desktop');
    mkdirSync(join(path, '..'));
    writeFileSync(path, `${ENTRY}Hidden=true\n`);
    expect(readLinuxAutostart(path)).toBe(false);
    setLinuxAutostart(true, { path, entry: ENTRY });
    expect(readLinuxAutostart(path)).toBe(true);
  });
});

/**
 * A read-only target: chmod where we are not root; as root (which chmod does
 * not stop) a tiny tmpfs remounted read-only. Where neither is possible the
 * test says why in one line.
 */
const isRoot = process.getuid?.() === 0;
const probe = mkdtempSync(join(tmpdir(), 'attune-autostart-probe-'));
const mountable = isRoot ? canMountTmpfs(probe) : { ok: true as const };
rmdirSync(probe);
if (!mountable.ok)
  console.info(`xdg-autostart: read-only test skipped, running as root and cannot mount a tmpfs here (${mountable.reason})`);

describe.runIf(mountable.ok)('setLinuxAutostart on a read-only folder', () => {
  let cleanup: (() => void) | null = null;
  afterEach(() => {
    cleanup?.();
    cleanup = null;
  });

  const readOnlyAutostartDir = (withFile: boolean): string => {
    const root = tempDir();
    if (isRoot) {
      const failure = tryMountTmpfs(root, 64);
      if (failure !== undefined) throw new Error(failure);
      cleanup = () => unmount(root);
    }
    const dir = join(root, 'autostart');
    mkdirSync(dir);
    if (withFile) writeFileSync(join(dir, 'attune.desktop'), ENTRY);
    if (isRoot) remount(root, 'ro');
    else {
      chmodSync(dir, 0o555);
      cleanup = () => chmodSync(dir, 0o755);
    }
    return join(dir, 'attune.desktop');
  };
  const readOnlyError = expect.objectContaining({ name: 'AttuneError', code: 'read-only' });

  it('turning on gives a calm typed error and writes nothing', () => {
    const path = readOnlyAutostartDir(false);
    expect(() => setLinuxAutostart(true, { path, entry: ENTRY })).toThrow(readOnlyError);
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });

  it('turning off gives the same error and the file stays', () => {
    const path = readOnlyAutostartDir(true);
    expect(() => setLinuxAutostart(false, { path, entry: ENTRY })).toThrow(readOnlyError);
    expect(readFileSync(path, 'utf8')).toBe(ENTRY);
  });
});
