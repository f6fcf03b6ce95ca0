import type { WindowKind } from '../../src/main/ipc/call-context';
import type { PauseResponse } from '../../src/main/notify/notifier';
import type { PowerEventName } from '../../src/main/pauses/ports';
import type { TrayAction } from '../../src/main/tray/tray-menu-model';
import type { IpcResult } from '../../src/shared/ipc/result';
import type { Settings } from '../../src/shared/settings-schema';

/** What the test-only Electron entry (e2e-main.ts) lets a test do from outside the windows. */
export interface ElectronHooks {
  outcome(): Promise<'started' | 'second-instance' | 'failed'>;
  fatalDialogs(): string[];
  uiActions(): string[];
  popoverReason(): string | null;
  trayLabels(): string[];
  trayItemEnabled(id: TrayAction): boolean;
  clickTray(id: TrayAction): void;
  pressShortcut(): boolean;
  /** Attune launched again, with these command-line arguments. */
  secondInstance(args?: readonly string[]): void;
  power(event: PowerEventName): void;
  advanceClock(ms: number): void;
  notificationsOffered(): number;
  answerNotification(response: PauseResponse): boolean;
  dispatch(channel: string, request: unknown, window: WindowKind): Promise<IpcResult<unknown>>;
  settings(): Promise<Settings>;
}
