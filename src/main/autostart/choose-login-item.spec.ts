import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test, vi } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { chooseLoginItem } from './choose-login-item';

const tempDir = useTempDirs();
const electron = { set: vi.fn(), get: vi.fn(() => false) };

describe('chooseLoginItem', () => {
  test('macOS and Windows use Electron’s login item', () => {
    for (const platform of ['darwin', 'win32']) {
      expect(chooseLoginItem({ platform, env: {}, home: '/home/x', execPath: '/x', isPackaged: true, appPath: '/x', electron })).toBe(
        electron,
      );
    }
  });

  test('Linux writes and removes a real XDG autostart file', () => {
    const home = tempDir();
    const port = chooseLoginItem({
      platform: 'linux',
      env: {},
      home,
      execPath: '/opt/Attune/attune',
      isPackaged: true,
      appPath: '/opt/Attune/resources/app.asar',
      electron,
    });
    const file = join(home, '.config', 'autostart', 'attune.desktop');
    port?.set(true);
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/Attune/attune');
    expect(port?.get()).toBe(true);
    port?.set(false);
    expect(existsSync(file)).toBe(false);
  });

  test('elsewhere: none (the setting is hidden)', () => {
    expect(chooseLoginItem({ platform: 'aix', env: {}, home: '/h', execPath: '/x', isPackaged: true, appPath: '/x', electron })).toBeNull();
  });
});
