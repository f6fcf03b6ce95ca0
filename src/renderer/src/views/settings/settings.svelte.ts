import { settingsCopy } from '../../../../shared/copy';
import type { AppInfo } from '../../../../shared/ipc/app-contract';
import type { IpcError } from '../../../../shared/ipc/result';
import type { Settings, SettingsPatch } from '../../../../shared/settings-schema';
import { applyAppearance } from '../../lib/appearance';
import { bridge } from '../../lib/bridge';

/**
 * The settings view's state: what main last confirmed, shown with any change
 * still on its way (so two quick clicks never undo each other), plus app info.
 * Writes go one at a time, in order; a refused write drops only its own change
 * and the controls show the value main kept.
 */
export const settingsState = $state<{
  /** What the controls show: the confirmed settings with pending changes on top. */
  settings: Settings | null;
  info: AppInfo | null;
  loading: boolean;
  problem: string | null;
}>({ settings: null, info: null, loading: false, problem: null });

export type SaveResult = { ok: true; settings: Settings } | { ok: false; error: IpcError };

let confirmed: Settings | null = null;
let pending: SettingsPatch[] = [];
let queue: Promise<unknown> = Promise.resolve();

const show = (): void => {
  settingsState.settings = confirmed && pending.reduce<Settings>((shown, patch) => ({ ...shown, ...patch }), confirmed);
};

export async function loadSettings(): Promise<void> {
  settingsState.loading = true;
  settingsState.problem = null;
  const [settings, info] = await Promise.all([bridge().settings.get(), bridge().app.info()]);
  settingsState.loading = false;
  if (!settings.ok) {
    // Not knowing what is saved, show nothing rather than something stale.
    confirmed = null;
    pending = [];
    show();
    settingsState.problem = settingsCopy.loadProblem;
    return;
  }
  confirmed = settings.value;
  pending = [];
  show();
  if (info.ok) settingsState.info = info.value;
}

/** App info again, e.g. after a shortcut change, so "is the shortcut working" is current. */
export async function refreshInfo(): Promise<void> {
  const info = await bridge().app.info();
  if (info.ok) settingsState.info = info.value;
}

/**
 * Saves whole top-level sections. `optimistic: false` keeps showing the old
 * value until main has said yes (the shortcut: another app may hold the new one).
 */
export function saveSettings(patch: SettingsPatch, { optimistic = true } = {}): Promise<SaveResult> {
  // Svelte state is a proxy, which Electron's IPC cannot clone: send plain data.
  const plain = $state.snapshot(patch) as SettingsPatch;
  if (optimistic) {
    pending.push(plain);
    show();
  }
  const run = queue.then(async (): Promise<SaveResult> => {
    try {
      const result = await bridge().settings.set(plain);
      if (!result.ok) return result;
      confirmed = result.value;
      applyAppearance(result.value.appearance);
      return { ok: true, settings: result.value };
    } finally {
      pending = pending.filter((p) => p !== plain);
      show();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Follows changes made elsewhere (the tray, another window); returns the unsubscribe. */
export function followSettingsChanges(): () => void {
  return bridge().events.onSettingsChanged((settings) => {
    confirmed = settings;
    show();
  });
}

/** A section's last result, shown in its live region: what happened, calmly. */
export type Feedback = { text: string; tone: 'done' | 'problem' } | null;
export const done = (text: string): Feedback => ({ text, tone: 'done' });
export const problem = (text: string): Feedback => ({ text, tone: 'problem' });
