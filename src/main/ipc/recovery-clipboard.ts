import { RECOVERY_CLIPBOARD_CLEAR_MS } from '../../shared/ipc/recovery-key-contract';
import type { TimerClock, TimerHandle } from '../pauses/ports';

/** The system clipboard (the platform layer implements it; the harness stands in and records). */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

/** Clears the clipboard only while it still holds `key`; a clipboard that cannot be read is left alone. */
export const clearIfStill = async (clipboard: ClipboardPort, key: string): Promise<boolean> => {
  const now = await clipboard.readText().catch(() => null);
  if (now !== key) return false;
  clipboard.clear();
  return true;
};

/**
 * A recovery key on the clipboard is a secret any app can read. Main takes
 * it off again a minute after it was copied, or when Attune quits first —
 * but only while it is still the key: something the person copied since is
 * theirs to keep.
 */
export class RecoveryClipboard {
  private pending: { key: string; timer: TimerHandle } | undefined;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly timer: Pick<TimerClock, 'setTimeout' | 'clearTimeout'>,
  ) {}

  async copy(key: string): Promise<void> {
    await this.clipboard.writeText(key);
    // One clear at a time: a second copy starts the minute again.
    if (this.pending) this.timer.clearTimeout(this.pending.timer);
    const timer = this.timer.setTimeout(() => void this.clearNow(), RECOVERY_CLIPBOARD_CLEAR_MS);
    this.pending = { key, timer };
  }

  /** Now rather than later (Attune is quitting); nothing to do when no copy is waiting to be cleared. */
  async clearNow(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.timer.clearTimeout(pending.timer);
    await clearIfStill(this.clipboard, pending.key);
  }
}
