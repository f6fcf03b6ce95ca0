import { describe, expect, test } from 'vitest';

import { DEFAULT_PAUSE_SETTINGS, pauseSettingsSchema } from './pauses/pause-settings';
import { INTERVAL_CHOICES_SECONDS, NEW_QUIET_PERIOD, SNOOZE_CHOICES_SECONDS } from './pauses/pause-settings-limits';
import { FOLLOW_UP_CHOICES, LOCK_AFTER_IDLE_CHOICES } from './settings-limits';
import { checkInSettingsSchema, DEFAULT_SETTINGS, privacySettingsSchema } from './settings-schema';

/** Every choice the settings view offers is one the schema accepts, and the defaults are among them. */
describe('settings choices', () => {
  test('each follow-up and auto-lock choice is valid', () => {
    for (const followUpMinutes of FOLLOW_UP_CHOICES) expect(checkInSettingsSchema.safeParse({ followUpMinutes }).success).toBe(true);
    for (const lockAfterIdleMinutes of LOCK_AFTER_IDLE_CHOICES) {
      expect(privacySettingsSchema.safeParse({ lockAfterIdleMinutes, lockWithScreen: true }).success).toBe(true);
    }
    expect(FOLLOW_UP_CHOICES).toContain(DEFAULT_SETTINGS.checkIn.followUpMinutes);
    expect(LOCK_AFTER_IDLE_CHOICES).toContain(DEFAULT_SETTINGS.privacy.lockAfterIdleMinutes);
  });

  test('each interval, snooze and the new quiet period are valid pause settings', () => {
    for (const intervalSeconds of INTERVAL_CHOICES_SECONDS) {
      for (const snoozeSeconds of SNOOZE_CHOICES_SECONDS) {
        const parsed = pauseSettingsSchema.safeParse({
          ...DEFAULT_PAUSE_SETTINGS,
          intervalSeconds,
          snoozeSeconds,
          quietPeriods: [NEW_QUIET_PERIOD],
        });
        expect(parsed.success).toBe(true);
      }
    }
    expect(INTERVAL_CHOICES_SECONDS).toContain(DEFAULT_PAUSE_SETTINGS.intervalSeconds);
    expect(SNOOZE_CHOICES_SECONDS).toContain(DEFAULT_PAUSE_SETTINGS.snoozeSeconds);
  });
});
