import { renameSync } from 'node:fs';

import { writeFileAtomicSync } from '../fs/durable-write';
import { readRegularFileSync } from '../fs/regular-file';
import { errnoCode } from '../fs/storage-error';
import { migrateSettings, MigrationError } from './migrations';
import { repairSettings } from './repair-settings';

export type SettingsFileOutcome =
  | { kind: 'fresh' }
  | { kind: 'unchanged' }
  | { kind: 'migrated'; from: number }
  | { kind: 'set-aside'; reason: 'unreadable' | 'too-new' | 'migration' | 'invalid'; keptAt: string; repaired?: string[] };

const setAside = (file: string, now: number): string => {
  const keptAt = `${file}.unreadable-${now}`;
  renameSync(file, keptAt);
  return keptAt;
};

/**
 * Runs before the settings store opens, so the store only ever sees a valid,
 * current file. A file that cannot be read or migrated is never deleted: it is
 * moved aside (to read later, or to send for support) and Attune starts from
 * what could be kept plus defaults, with a calm notice.
 */
/** Settings are a few KiB; a file over this is set aside unread (it would freeze start-up). */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export const prepareSettingsFile = (file: string, now = Date.now()): SettingsFileOutcome => {
  let text: string;
  try {
    // Without blocking: a FIFO or a device in its place is set aside like any unreadable file, never waited on.
    text = readRegularFileSync(file, MAX_SETTINGS_BYTES).toString('utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'fresh' };
    return { kind: 'set-aside', reason: 'unreadable', keptAt: setAside(file, now) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'set-aside', reason: 'unreadable', keptAt: setAside(file, now) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'set-aside', reason: 'unreadable', keptAt: setAside(file, now) };
  }
  const record = raw as Record<string, unknown>;
  const from = typeof record.version === 'number' ? record.version : 0;
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateSettings(record);
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    return { kind: 'set-aside', reason: error.failure.kind === 'too-new' ? 'too-new' : 'migration', keptAt: setAside(file, now) };
  }
  const { settings, repaired } = repairSettings(migrated);
  if (repaired.length > 0) {
    const keptAt = `${file}.unreadable-${now}`;
    writeFileAtomicSync(keptAt, text);
    writeFileAtomicSync(file, `${JSON.stringify(settings, null, '\t')}\n`);
    return { kind: 'set-aside', reason: 'invalid', keptAt, repaired };
  }
  if (from !== settings.version) {
    writeFileAtomicSync(file, `${JSON.stringify(settings, null, '\t')}\n`);
    return { kind: 'migrated', from };
  }
  return { kind: 'unchanged' };
};
