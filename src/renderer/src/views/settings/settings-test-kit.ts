import { bridgeAnswers } from '../../../../../tests/renderer-setup';
import type { AppInfo } from '../../../../shared/ipc/app-contract';
import type { VaultResponse } from '../../../../shared/ipc/vault-contract';
import type { PauseScheduleView } from '../../../../shared/pauses/pause-state';
import type { Settings, SettingsPatch } from '../../../../shared/settings-schema';
import { loadSettings } from './settings.svelte';

/**
 * Shared set-up for the settings component specs: answers shaped like main's,
 * with a settings.set that keeps what it saved (or refuses, when told to).
 */
export const baseSettings = (): Settings => ({
  version: 4,
  shortcut: 'CommandOrControl+Alt+Space',
  appearance: { theme: 'system', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' },
  pauses: {
    enabled: false,
    intervalSeconds: 3600,
    activeDays: [1, 2, 3, 4, 5],
    activeHours: { startMinute: 540, endMinute: 1020 },
    quietPeriods: [],
    snoozeSeconds: 600,
    showTimeLeft: false,
  },
  checkIn: { followUpMinutes: 20, closeAfterSaveSeconds: 3, moreQuestionsOpen: false },
  privacy: { lockAfterIdleMinutes: 15, lockWithScreen: true },
  system: { startAtLogin: false },
  help: { region: null },
});

export const baseInfo = (overrides: Partial<AppInfo> = {}): AppInfo => ({
  name: 'Attune',
  version: '1.2.3',
  platform: 'linux',
  dataDir: '/home/sam/.config/Attune',
  activeShortcut: 'CommandOrControl+Alt+Space',
  trayAvailable: true,
  idleTime: 'known',
  notice: null,
  ...overrides,
});

export const vaultStatus = (overrides: Partial<VaultResponse<'vault.status'>> = {}): VaultResponse<'vault.status'> => ({
  state: 'unlocked',
  methods: { keychain: false, passphrase: true, recovery: false },
  keychainAvailable: false,
  entryCount: 12,
  problems: [],
  recoveredFiles: 0,
  ...overrides,
});

export const scheduleView = (next: PauseScheduleView['next'] = { kind: 'none', reason: 'disabled' }): PauseScheduleView => ({
  next,
  pending: null,
  remindersPausedUntil: null,
  remindersOff: false,
});

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const refused = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

/** Answers for a settings view; `saved` holds what main has. Returns it so a test can look. */
export const answerSettings = (settings: Settings = baseSettings(), info: AppInfo = baseInfo()) => {
  const main = { saved: settings };
  bridgeAnswers.set('settings.get', () => ok(main.saved));
  bridgeAnswers.set('app.info', () => ok(info));
  bridgeAnswers.set('settings.set', (patch) => {
    main.saved = { ...main.saved, ...(patch as SettingsPatch) };
    return ok(main.saved);
  });
  bridgeAnswers.set('pauses.status', () => ok(scheduleView()));
  bridgeAnswers.set('vault.status', () => ok(vaultStatus()));
  return main;
};

/** Loads the store the way SettingsView does, for rendering one section on its own. */
export const loadWith = async (settings?: Settings, info?: AppInfo) => {
  const main = answerSettings(settings, info);
  await loadSettings();
  return main;
};
