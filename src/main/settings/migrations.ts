import { SETTINGS_VERSION } from '../../shared/settings-schema';

/**
 * Settings migrations keyed by an integer version (conf's own semver
 * migrations are documented as having known bugs). Each step is a pure
 * function from the previous shape to the next; `migrateSettings` works on a
 * copy, so a failing step leaves the original untouched for the caller to set aside.
 */
type Raw = Record<string, unknown>;

export const MIGRATIONS: Record<number, (previous: Raw) => Raw> = {
  // v0: the flat layout of pre-release builds: { shortcut, theme, discreetMode }.
  1: (previous) => {
    const { theme, discreetMode, ...rest } = previous;
    return {
      ...rest,
      appearance: {
        theme: theme ?? 'system',
        motion: 'system',
        discreet: discreetMode ?? true,
      },
      version: 1,
    };
  },
  // v2 adds follow-ups, privacy (auto-lock), system (start at login) and the help region.
  2: (previous) => ({
    ...previous,
    checkIn: { followUpMinutes: 20 },
    privacy: { lockAfterIdleMinutes: 15, lockWithScreen: true },
    system: { startAtLogin: false },
    help: { region: null },
    version: 2,
  }),
  // v3 adds zoom, when "Noted." closes itself, the remembered first-screen disclosure, and the
  // opt-in pause time left. Every earlier choice is kept as it was.
  3: (previous) => {
    // A section missing altogether (a v0 file has no pauses) stays missing: its defaults fill it whole.
    const extend = (name: string, added: Raw): Raw => {
      const value = previous[name];
      return typeof value === 'object' && value !== null ? { [name]: { ...(value as Raw), ...added } } : {};
    };
    return {
      ...previous,
      ...extend('appearance', { zoomPercent: 100 }),
      ...extend('checkIn', { closeAfterSaveSeconds: 3, moreQuestionsOpen: false }),
      ...extend('pauses', { showTimeLeft: false }),
      version: 3,
    };
  },
  // v4 adds the language; following the system's, as before (when every word was English), is the default.
  4: (previous) => {
    const appearance = previous.appearance;
    return {
      ...previous,
      ...(typeof appearance === 'object' && appearance !== null ? { appearance: { ...(appearance as Raw), language: 'system' } } : {}),
      version: 4,
    };
  },
};

export const versionOf = (raw: Raw): number => (typeof raw.version === 'number' ? raw.version : 0);

/** Why a settings file could not be brought to this build's version. */
export type MigrationFailure =
  { kind: 'too-new'; from: number; target: number } | { kind: 'no-step'; version: number } | { kind: 'step-failed'; version: number };

const messageOf = (failure: MigrationFailure): string => {
  switch (failure.kind) {
    case 'too-new':
      return `settings version ${failure.from} is newer than this build knows (${failure.target})`;
    case 'no-step':
      return `no migration to settings version ${failure.version}`;
    case 'step-failed':
      return `migration to settings version ${failure.version} did not work`;
  }
};

/** Thrown by migrateSettings; `failure` says why, so callers never read the message. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    readonly failure: MigrationFailure,
    options?: ErrorOptions,
  ) {
    super(messageOf(failure), options);
  }
}

export const migrateSettings = (raw: Raw, target = SETTINGS_VERSION): Raw => {
  let current: Raw = structuredClone(raw);
  const from = versionOf(current);
  if (from > target) throw new MigrationError({ kind: 'too-new', from, target });
  for (let version = from + 1; version <= target; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new MigrationError({ kind: 'no-step', version });
    try {
      current = step(current);
    } catch (cause) {
      throw new MigrationError({ kind: 'step-failed', version }, { cause });
    }
  }
  return current;
};
