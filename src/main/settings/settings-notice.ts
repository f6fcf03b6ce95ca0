import { noticeCopy } from '../../shared/copy';
import type { SettingsFileOutcome } from './prepare-settings-file';

/** Pure: the one calm sentence to show after start-up, if the settings file needed care. */
export const settingsNotice = (outcome: SettingsFileOutcome): string | null => {
  if (outcome.kind !== 'set-aside') return null;
  if (outcome.reason === 'too-new') return noticeCopy.settingsTooNew(outcome.keptAt);
  if (outcome.reason === 'invalid') return noticeCopy.settingsPartlyReset(outcome.keptAt);
  return noticeCopy.settingsReset(outcome.keptAt);
};
