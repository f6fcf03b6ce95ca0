import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { DEFAULT_SETTINGS } from '../../shared/settings-schema';
import { createMemoryLogger } from '../log/logger';
import { useSpecialFiles } from '../vault/testing/special-files';
import { openSettings } from './open-settings';
import { openConfSettingsStore, settingsFilePath } from './settings-store-options';

/** Start-up reads settings.json before anything else: a FIFO or an endless device there must never hang it. */
const tempDir = useTempDirs();
const special = useSpecialFiles();

describe('a special file in place of settings.json', () => {
  test.each([
    ['a FIFO', 'fifo'],
    ['a link to /dev/zero', 'endless'],
  ] as const)('%s is set aside with the calm notice, and Attune starts from the defaults', (_label, kind) => {
    const dir = tempDir();
    special[kind](settingsFilePath(dir));
    const { settings, notice, firstRun } = openSettings(dir, openConfSettingsStore, createMemoryLogger(), 5);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(notice).toEqual(expect.any(String));
    expect(firstRun).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['settings.json', 'settings.json.unreadable-5']);
    expect(lstatSync(join(dir, 'settings.json')).isFile()).toBe(true);
  });
});
