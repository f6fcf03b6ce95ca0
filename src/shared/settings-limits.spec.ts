import { describe, expect, test } from 'vitest';

import { DEFAULT_PAUSE_SETTINGS, pauseSettingsSchema } from './pauses/pause-settings';
import { INTERVAL_CHOICES_SECONDS, NEW_QUIET_PERIOD, SNOOZE_CHOICES_SECONDS } from './pauses/pause-settings-limits';
import { CLOSE_AFTER_SAVE_CHOICES, FOLLOW_UP_CHOICES, LOCK_AFTER_IDLE_CHOICES, ZOOM_STEPS } from './settings-limits';
import { appearanceSchema, checkInSettingsSchema, DEFAULT_SETTINGS, privacySettingsSchema } from './settings-schema';

/** Every choice the settings view offers is one the schema accepts, and the defaults are among them. */
describe('settings choices', () => {
  test('each follow-up, "Noted." delay, auto-lock and zoom choice is valid', () => {
    const checkIn = DEFAULT_SETTINGS.checkIn;
    for (const followUpMinutes of FOLLOW_UP_CHOICES)
      expect(checkInSettingsSchema.safeParse({ ...checkIn, followUpMinutes }).success).toBe(true);
    for (const closeAfterSaveSeconds of CLOSE_AFTER_SAVE_CHOICES) {
      expect(checkInSettingsSchema.safeParse({ ...checkIn, closeAfterSaveSeconds }).success).toBe(true);
    }
    for (const zoomPercent of ZOOM_STEPS)
      expect(appearanceSchema.safeParse({ ...DEFAULT_SETTINGS.appearance, zoomPercent }).success).toBe(true);
    expect(CLOSE_AFTER_SAVE_CHOICES).toContain(DEFAULT_SETTINGS.checkIn.closeAfterSaveSeconds);
    expect(ZOOM_STEPS).toContain(DEFAULT_SETTINGS.appearance.zoomPercent);
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
