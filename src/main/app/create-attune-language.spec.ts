import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { useEnglishNow } from '../../shared/i18n/english-now';
import type { LanguageChoice } from '../../shared/i18n/locale-choice';
import { currentLocale } from '../../shared/i18n/messages';
import { DEFAULT_SETTINGS } from '../../shared/settings-schema';
import { createMemoryLogger } from '../log/logger';
import type { Attune } from './create-attune';
import type { StandIns } from './testing/stand-in-platform';
import { startStandInAttune } from './testing/start-stand-in-attune';

/**
 * Issue #17 through the real composition root: main speaks the language of
 * the settings, or the system's by default, and a change rebuilds the tray
 * menu at once, without a restart.
 */
const tempDir = useTempDirs();
const running: Attune[] = [];
afterEach(async () => {
  for (const attune of running.splice(0)) await attune.stop();
  useEnglishNow();
});
const start = async (options: { preferredLanguages?: string[]; language?: LanguageChoice } = {}) => {
  const dataDir = tempDir();
  if (options.language)
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, appearance: { ...DEFAULT_SETTINGS.appearance, language: options.language } }),
    );
  const started = await startStandInAttune({
    dataDir,
    log: createMemoryLogger(),
    ...(options.preferredLanguages ? { preferredLanguages: options.preferredLanguages } : {}),
  });
  running.push(started.attune);
  return started;
};
const choose = (attune: Attune, language: LanguageChoice) =>
  attune.dispatch('settings.set', { appearance: { ...attune.settings.get().appearance, language } }, { window: 'app' });
const labels = (standIns: StandIns) => standIns.tray().labels();

describe('createAttune: language', () => {
  test("the system's language by default: English where Attune does not have the system's", async () => {
    await start({ preferredLanguages: ['nl-NL'] });
    expect(currentLocale()).toBe('en');
  });

  test('a language saved in settings is spoken from the start', async () => {
    await start({ language: 'en-XA' });
    expect(currentLocale()).toBe('en-XA');
  });

  test('choosing a language rebuilds the tray menu in it at once, and back', async () => {
    const { attune, standIns } = await start();
    const english = labels(standIns);
    expect(await choose(attune, 'en-XA')).toMatchObject({ ok: true });
    await expect.poll(() => currentLocale()).toBe('en-XA');
    await expect.poll(() => labels(standIns).filter((label) => english.includes(label))).toEqual([]);
    expect(labels(standIns)).toHaveLength(english.length);
    await choose(attune, 'system');
    await expect.poll(() => labels(standIns)).toEqual(english);
  });
});
