import { execFileSync } from 'node:child_process';

import { describe, expect, test } from 'vitest';

import { runCommand } from '../system/run-command';
import { hasTrayHost, parseNameHasOwner } from './tray-host';

const have = (command: string): boolean => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const realBus = have('dbus-run-session') && have('dbus-send');
if (!realBus) console.log('tray-host: real D-Bus check skipped — dbus-run-session or dbus-send is not installed.');

describe('tray host detection', () => {
  test('reads dbus-send replies', () => {
    expect(parseNameHasOwner('method return time=1 …\n   boolean true\n')).toBe(true);
    expect(parseNameHasOwner('method return time=1 …\n   boolean false\n')).toBe(false);
    expect(parseNameHasOwner('')).toBeNull();
  });

  test('macOS and Windows always have a tray; an unreadable bus is "cannot tell", never a crash', async () => {
    expect(await hasTrayHost('darwin', runCommand)).toBe(true);
    expect(await hasTrayHost('linux', async () => ({ ok: false, stdout: '' }))).toBeNull();
    expect(
      await hasTrayHost('linux', async () => {
        throw new Error('spawn failed');
      }),
    ).toBeNull();
  });

  test.skipIf(!realBus)('a real session bus with no StatusNotifierWatcher (plain GNOME) has no tray host', async () => {
    const inFreshSession = (file: string, args: readonly string[]) => runCommand('dbus-run-session', ['--', file, ...args]);
    expect(await hasTrayHost('linux', inFreshSession)).toBe(false);
  });
});
