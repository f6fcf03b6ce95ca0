import { type Settings, type SettingsPatch, settingsSchema } from '../../shared/settings-schema';
import { toStorageError } from '../fs/storage-error';
import type { Logger } from '../log/logger';
import { SerialQueue } from '../system/serial-queue';

/** The slice of electron-store / conf that the service needs; both satisfy it. */
export interface SettingsStore {
  readonly store: Record<string, unknown>;
  set(object: Record<string, unknown>): void;
}

/**
 * Runs a side effect a setting needs before it is saved (register the new
 * shortcut, write the autostart file…). Throwing an AttuneError vetoes the
 * change and nothing is saved; the previous value stays in force.
 */
export type SettingsApplier = (next: Settings, previous: Settings) => Promise<void> | void;
export type SettingsListener = (settings: Settings) => void;

export class SettingsService {
  readonly #store: SettingsStore;
  readonly #log: Logger;
  readonly #appliers: SettingsApplier[] = [];
  readonly #listeners = new Set<SettingsListener>();
  #current: Settings;
  readonly #queue = new SerialQueue();

  constructor(store: SettingsStore, log: Logger) {
    this.#store = store;
    this.#log = log;
    // The file was validated by prepareSettingsFile before the store opened; parse again so a
    // bug there can never hand the app an unchecked object.
    this.#current = settingsSchema.parse(store.store);
  }

  get(): Settings {
    return structuredClone(this.#current);
  }

  /** Writes are serialised so two quick changes can never interleave their side effects. */
  set(patch: SettingsPatch): Promise<Settings> {
    return this.#queue.run(() => this.#apply(patch));
  }

  addApplier(applier: SettingsApplier): void {
    this.#appliers.push(applier);
  }

  onChange(listener: SettingsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #apply(patch: SettingsPatch): Promise<Settings> {
    const previous = this.#current;
    const next = settingsSchema.parse({ ...previous, ...patch });
    const applied: SettingsApplier[] = [];
    try {
      for (const applier of this.#appliers) {
        await applier(next, previous);
        applied.push(applier);
      }
      this.#store.set({ ...next });
    } catch (error) {
      // Appliers make the world match the settings they are given, so running the ones that
      // already ran with the previous settings puts everything back as it was.
      for (const applier of applied.reverse()) {
        await Promise.resolve(applier(previous, next)).catch((undo: unknown) =>
          this.#log.error('settings: could not undo a change', { error: String(undo) }),
        );
      }
      throw toStorageError(error);
    }
    this.#current = next;
    this.#log.info('settings: saved', { keys: Object.keys(patch) });
    for (const listener of this.#listeners) listener(this.get());
    return this.get();
  }
}
