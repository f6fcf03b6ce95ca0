import { describe, expect, test } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import type { Settings, SettingsPatch } from '../../../../shared/settings-schema';
import { saveSettings, settingsState } from './settings.svelte';
import { loadWith, ok, refused } from './settings-test-kit';

/** settings.set answers that wait until the test lets each one through. */
const heldAnswers = (saved: { saved: Settings }, refuse: (patch: SettingsPatch) => boolean = () => false) => {
  const release: (() => void)[] = [];
  bridgeAnswers.set(
    'settings.set',
    (patch) =>
      new Promise((resolve) => {
        release.push(() => {
          if (refuse(patch as SettingsPatch)) return resolve(refused('disk-full', 'The disk is full.'));
          saved.saved = { ...saved.saved, ...(patch as SettingsPatch) };
          resolve(ok(saved.saved));
        });
      }),
  );
  return async () => {
    for (let i = 0; release.length === 0 && i < 50; i++) await new Promise((r) => setTimeout(r, 0));
    release.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
};

describe('settings store', () => {
  test('changes show at once and go to main one at a time, in order', async () => {
    const main = await loadWith();
    const next = heldAnswers(main);
    const first = saveSettings({ appearance: { theme: 'dark', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' } });
    const second = saveSettings({ system: { startAtLogin: true } });
    expect(settingsState.settings?.appearance.theme).toBe('dark');
    expect(settingsState.settings?.system.startAtLogin).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    // The second waits for main's answer to the first.
    expect(bridgeCalls.filter(([c]) => c === 'settings.set')).toHaveLength(1);
    await next();
    await next();
    await Promise.all([first, second]);
    expect(bridgeCalls.filter(([c]) => c === 'settings.set').map(([, p]) => Object.keys(p as object))).toEqual([
      ['appearance'],
      ['system'],
    ]);
    expect(settingsState.settings).toEqual(main.saved);
  });

  test('a refused change goes back on its own; a later one stays', async () => {
    const main = await loadWith();
    const next = heldAnswers(main, (patch) => 'appearance' in patch);
    const first = saveSettings({ appearance: { theme: 'dark', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' } });
    const second = saveSettings({ system: { startAtLogin: true } });
    await next();
    expect(await first).toMatchObject({ ok: false, error: { code: 'disk-full' } });
    expect(settingsState.settings?.appearance.theme).toBe('system');
    expect(settingsState.settings?.system.startAtLogin).toBe(true);
    await next();
    expect(await second).toMatchObject({ ok: true });
    expect(settingsState.settings?.system.startAtLogin).toBe(true);
  });

  test('optimistic: false shows the old value until main says yes', async () => {
    const main = await loadWith();
    const next = heldAnswers(main);
    const saving = saveSettings({ shortcut: 'Alt+Shift+K' }, { optimistic: false });
    expect(settingsState.settings?.shortcut).toBe('CommandOrControl+Alt+Space');
    await next();
    await saving;
    expect(settingsState.settings?.shortcut).toBe('Alt+Shift+K');
  });

  test('what goes over the bridge is plain data, not Svelte state', async () => {
    await loadWith();
    const pauses = settingsState.settings!.pauses;
    await saveSettings({ pauses: { ...pauses, activeDays: [...pauses.activeDays, 6] } });
    const sent = bridgeCalls.find(([c]) => c === 'settings.set')?.[1] as SettingsPatch;
    expect(structuredClone(sent)).toEqual(sent);
  });
});
