import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsSchema } from '../../shared/settings-schema';
import { AttuneError } from '../attune-error';
import { createMemoryLogger } from '../log/logger';
import { migrateSettings, MigrationError, MIGRATIONS } from './migrations';
import { openSettings } from './open-settings';
import { prepareSettingsFile } from './prepare-settings-file';
import { SettingsService } from './settings-service';
import { openConfSettingsStore, settingsFilePath } from './settings-store-options';

const tempDir = useTempDirs();
const open = (dir: string) => openSettings(dir, openConfSettingsStore, createMemoryLogger(), 1_700_000_000_000);
const fileIn = settingsFilePath;

describe('settings schema and defaults', () => {
  test('defaults are valid, off by default where the brief says so, and discreet', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.pauses.enabled).toBe(false);
    expect(DEFAULT_SETTINGS.appearance.discreet).toBe(true);
    expect(DEFAULT_SETTINGS.shortcut).toBe('CommandOrControl+Alt+Space');
  });

  test('a fresh data dir opens with defaults and no notice', () => {
    const dir = tempDir();
    const { settings, notice } = open(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(notice).toBeNull();
  });

  test('the store keeps its file where the checks before it opens look: settings.json in the data dir', () => {
    const dir = tempDir();
    expect(fileIn(dir)).toBe(join(dir, 'settings.json'));
    expect(openConfSettingsStore(dir).path).toBe(fileIn(dir));
  });

  test('zod guards every write: a change the schema refuses is not saved, and nothing else is either', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    await settings.set({ shortcut: 'Alt+Shift+K' });
    const before = readFileSync(fileIn(dir), 'utf8');
    await expect(settings.set({ shortcut: 42 } as never)).rejects.toThrow();
    await expect(settings.set({ extra: 1 } as never)).rejects.toThrow();
    await expect(settings.set({ appearance: { theme: 'neon' } } as never)).rejects.toThrow();
    expect(readFileSync(fileIn(dir), 'utf8')).toBe(before);
    expect(settings.get().shortcut).toBe('Alt+Shift+K');
  });

  test('zod guards the read: the service refuses a store holding anything the schema does not allow', () => {
    const store = (value: Record<string, unknown>) => ({ store: value, set: () => undefined });
    expect(new SettingsService(store({ ...DEFAULT_SETTINGS }), createMemoryLogger()).get()).toEqual(DEFAULT_SETTINGS);
    expect(() => new SettingsService(store({ ...DEFAULT_SETTINGS, shortcut: 42 }), createMemoryLogger())).toThrow();
    expect(() => new SettingsService(store({ ...DEFAULT_SETTINGS, extra: 1 }), createMemoryLogger())).toThrow();
  });

  test('changes persist across reopening', async () => {
    const dir = tempDir();
    await open(dir).settings.set({ shortcut: 'Alt+Shift+K' });
    expect(open(dir).settings.get().shortcut).toBe('Alt+Shift+K');
  });
});

describe('migrations', () => {
  test('an older (v0, flat) settings file is migrated to the current version on open', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), JSON.stringify({ shortcut: 'Control+Shift+A', theme: 'dark', discreetMode: false }));
    const { settings, notice } = open(dir);
    expect(notice).toBeNull();
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      shortcut: 'Control+Shift+A',
      appearance: { theme: 'dark', motion: 'system', discreet: false, zoomPercent: 100, language: 'system' },
    });
    expect(JSON.parse(readFileSync(fileIn(dir), 'utf8')).version).toBe(SETTINGS_VERSION);
  });

  test('a v1 settings file keeps every choice and gains the later sections with their defaults', () => {
    const dir = tempDir();
    const { showTimeLeft: _, ...v1Pauses } = { ...DEFAULT_SETTINGS.pauses, enabled: true };
    const v1 = { version: 1, shortcut: 'Alt+Shift+J', appearance: { theme: 'light', motion: 'reduce', discreet: false }, pauses: v1Pauses };
    writeFileSync(fileIn(dir), JSON.stringify(v1));
    const { settings, notice } = open(dir);
    expect(notice).toBeNull();
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      shortcut: 'Alt+Shift+J',
      appearance: { theme: 'light', motion: 'reduce', discreet: false, zoomPercent: 100, language: 'system' },
      pauses: { ...DEFAULT_SETTINGS.pauses, enabled: true },
    });
  });

  test('a v2 settings file keeps every choice and gains zoom, the "Noted." delay, the disclosure and the pause time left', () => {
    const dir = tempDir();
    const { showTimeLeft: _, ...v2Pauses } = { ...DEFAULT_SETTINGS.pauses, enabled: true, snoozeSeconds: 900 };
    const v2 = {
      version: 2,
      shortcut: 'Alt+Shift+J',
      appearance: { theme: 'dark', motion: 'reduce', discreet: false },
      pauses: v2Pauses,
      checkIn: { followUpMinutes: 60 },
      privacy: { lockAfterIdleMinutes: null, lockWithScreen: false },
      system: { startAtLogin: true },
      help: { region: 'NZ' },
    };
    writeFileSync(fileIn(dir), JSON.stringify(v2));
    const { settings, notice } = open(dir);
    expect(notice).toBeNull();
    expect(settings.get()).toEqual({
      ...v2,
      version: SETTINGS_VERSION,
      appearance: { ...v2.appearance, zoomPercent: 100, language: 'system' },
      pauses: { ...v2Pauses, showTimeLeft: false },
      checkIn: { followUpMinutes: 60, closeAfterSaveSeconds: 3, moreQuestionsOpen: false },
    });
  });

  test('why a migration cannot be done is typed, not read from the message', () => {
    const failure = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(MigrationError);
        return { failure: (error as MigrationError).failure, cause: (error as MigrationError).cause };
      }
      throw new Error('expected a MigrationError');
    };
    expect(failure(() => migrateSettings({ version: SETTINGS_VERSION + 1 }))).toEqual({
      failure: { kind: 'too-new', from: SETTINGS_VERSION + 1, target: SETTINGS_VERSION },
      cause: undefined,
    });
    expect(failure(() => migrateSettings({ version: SETTINGS_VERSION }, SETTINGS_VERSION + 1)).failure).toEqual({
      kind: 'no-step',
      version: SETTINGS_VERSION + 1,
    });
    const broken = new Error('step threw');
    const step = MIGRATIONS[1];
    MIGRATIONS[1] = () => {
      throw broken;
    };
    try {
      expect(failure(() => migrateSettings({}))).toEqual({ failure: { kind: 'step-failed', version: 1 }, cause: broken });
    } finally {
      MIGRATIONS[1] = step!;
    }
  });

  test('migrating does not change the object it was given', () => {
    const old = { shortcut: 'Alt+K', theme: 'light' };
    const copy = structuredClone(old);
    migrateSettings(old);
    expect(old).toEqual(copy);
  });
});

describe('damaged settings files are set aside, never lost', () => {
  const asideFiles = (dir: string) => readdirSync(dir).filter((f) => f.includes('.unreadable-'));

  test.each([
    ['not JSON', '{"shortcut": "Alt+K", '],
    ['a JSON array', '[1,2,3]'],
    ['empty', ''],
  ])('%s: defaults, the bad file kept aside, and a calm notice', (_label, content) => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), content);
    const { settings, notice } = open(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(notice).toMatch(/could not read its settings file/);
    expect(notice).toMatch(/history is not affected/);
    const aside = asideFiles(dir);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(content);
  });

  test('one bad section is reset; the valid ones are kept', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), JSON.stringify({ ...DEFAULT_SETTINGS, shortcut: 'Alt+J', appearance: { theme: 'neon' } }));
    const { settings, notice } = open(dir);
    expect(settings.get().shortcut).toBe('Alt+J');
    expect(settings.get().appearance).toEqual(DEFAULT_SETTINGS.appearance);
    expect(notice).toMatch(/Some settings could not be read/);
    expect(asideFiles(dir)).toHaveLength(1);
  });

  test('a file from a newer Attune is kept aside untouched', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ version: SETTINGS_VERSION + 1, shortcut: 'Alt+N' });
    writeFileSync(fileIn(dir), newer);
    const { settings, notice } = open(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(notice).toMatch(/newer version/);
    expect(readFileSync(join(dir, asideFiles(dir)[0]!), 'utf8')).toBe(newer);
  });

  test('too new is told apart from any other migration problem, whatever the messages say', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), JSON.stringify({ version: SETTINGS_VERSION + 1 }));
    expect(prepareSettingsFile(fileIn(dir), 7)).toEqual({ kind: 'set-aside', reason: 'too-new', keptAt: `${fileIn(dir)}.unreadable-7` });
    // A version no migration leads from (there is no step to version 0) is a migration problem, not "too new".
    writeFileSync(fileIn(dir), JSON.stringify({ version: -1, shortcut: 'Alt+N' }));
    expect(prepareSettingsFile(fileIn(dir), 8)).toEqual({ kind: 'set-aside', reason: 'migration', keptAt: `${fileIn(dir)}.unreadable-8` });
  });

  test('a file no migration can bring up to date: defaults, kept aside, and the calm notice', () => {
    const dir = tempDir();
    const odd = JSON.stringify({ version: -1, shortcut: 'Alt+N' });
    writeFileSync(fileIn(dir), odd);
    const { settings, notice } = open(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(notice).toMatch(/could not read its settings file/);
    expect(readFileSync(join(dir, asideFiles(dir)[0]!), 'utf8')).toBe(odd);
  });

  test('an unchanged current file is left alone', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), JSON.stringify(DEFAULT_SETTINGS));
    expect(prepareSettingsFile(fileIn(dir))).toEqual({ kind: 'unchanged' });
    expect(existsSync(fileIn(dir))).toBe(true);
  });
});

describe('SettingsService appliers', () => {
  test('an applier can veto a change: nothing is saved and the old value stays', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    settings.addApplier((next, previous) => {
      if (next.shortcut !== previous.shortcut) throw new AttuneError('shortcut-taken');
    });
    await expect(settings.set({ shortcut: 'Alt+T' })).rejects.toMatchObject({ code: 'shortcut-taken' });
    expect(settings.get().shortcut).toBe(DEFAULT_SETTINGS.shortcut);
    expect(open(dir).settings.get().shortcut).toBe(DEFAULT_SETTINGS.shortcut);
  });

  test('when a later step does not work, earlier appliers are run again with the previous settings', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    const world: string[] = [];
    settings.addApplier((next) => void world.push(next.shortcut));
    settings.addApplier(() => {
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    });
    await expect(settings.set({ shortcut: 'Alt+Q' })).rejects.toMatchObject({ code: 'disk-full' });
    expect(world).toEqual(['Alt+Q', DEFAULT_SETTINGS.shortcut]);
    expect(settings.get().shortcut).toBe(DEFAULT_SETTINGS.shortcut);
  });

  test('listeners hear about saved changes and get a copy they cannot mutate the service through', async () => {
    const { settings } = open(tempDir());
    const heard: string[] = [];
    settings.onChange((s) => {
      heard.push(s.appearance.theme);
      s.appearance.theme = 'light';
    });
    await settings.set({ appearance: { theme: 'dark', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' } });
    expect(heard).toEqual(['dark']);
    expect(settings.get().appearance.theme).toBe('dark');
  });

  test('quick successive writes are applied in order', async () => {
    const { settings } = open(tempDir());
    await Promise.all([settings.set({ shortcut: 'Alt+1' }), settings.set({ shortcut: 'Alt+2' }), settings.set({ shortcut: 'Alt+3' })]);
    expect(settings.get().shortcut).toBe('Alt+3');
  });
});
