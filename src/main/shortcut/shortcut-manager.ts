import { checkAccelerator } from '../../shared/accelerator';
import { AttuneError } from '../attune-error';
import type { Logger } from '../log/logger';

/** The slice of Electron's globalShortcut we use. */
export interface GlobalShortcutPort {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface ShortcutStatus {
  /** Registered and working now. */
  active: string | null;
  /** Chosen but held by another app (shown in the tray menu), or null. */
  taken: string | null;
}

/**
 * Owns the check-in shortcut. A new shortcut is registered before the old one
 * is let go, so a change that does not work leaves the old one working — never
 * a silent gap with no shortcut at all.
 */
export class ShortcutManager {
  readonly #port: GlobalShortcutPort;
  readonly #onPress: () => void;
  readonly #log: Logger;
  #status: ShortcutStatus = { active: null, taken: null };

  constructor(port: GlobalShortcutPort, onPress: () => void, log: Logger) {
    this.#port = port;
    this.#onPress = onPress;
    this.#log = log;
  }

  status(): ShortcutStatus {
    return { ...this.#status };
  }

  /** At start-up: try the saved shortcut; if another app holds it, say so rather than fail. */
  start(accelerator: string): ShortcutStatus {
    const check = checkAccelerator(accelerator);
    if (!check.ok) {
      this.#status = { active: null, taken: accelerator };
      return this.status();
    }
    const registered = this.#port.register(check.accelerator, this.#onPress);
    this.#status = registered ? { active: check.accelerator, taken: null } : { active: null, taken: check.accelerator };
    if (!registered) this.#log.warn('shortcut: taken at start-up', { accelerator: check.accelerator });
    return this.status();
  }

  /** Throws AttuneError('shortcut-invalid' | 'shortcut-taken'); the previous shortcut then stays active. */
  change(accelerator: string): ShortcutStatus {
    const check = checkAccelerator(accelerator);
    if (!check.ok) throw new AttuneError('shortcut-invalid', check.reason);
    const previous = this.#status.active;
    if (previous === check.accelerator) return this.status();
    if (!this.#port.register(check.accelerator, this.#onPress)) {
      throw new AttuneError('shortcut-taken', check.accelerator);
    }
    if (previous) this.#port.unregister(previous);
    this.#status = { active: check.accelerator, taken: null };
    return this.status();
  }

  stop(): void {
    if (this.#status.active) this.#port.unregister(this.#status.active);
    this.#status = { active: null, taken: this.#status.taken };
  }
}
