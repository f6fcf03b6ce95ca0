import { startHarness } from '../../harness/harness-server';
import { pauseNotificationCopy } from '../../../src/shared/copy/pause-copy';
import { openDesktop } from '../desktop';
import { expect, test } from '../fixtures';
import { missingDaemonTools, startNotificationDaemon } from '../notification-daemon';
import { heading } from './journey-steps';

const missing = missingDaemonTools();
test.skip(missing.length > 0, `pause journey skipped: needs ${missing.join(', ')} (Debian: dbus xvfb xauth dunst libnotify-bin)`);

test('a due pause: a discreet notification reaches the desktop; answering it opens the pause window', async ({ context, dataDir }) => {
  test.setTimeout(120_000);
  const daemon = await startNotificationDaemon();
  const harness = await startHarness({ dataDir, notifications: 'deliver' });
  const desktop = await openDesktop(context, harness);
  try {
    const attune = harness.attune;
    if (!attune) throw new Error('Attune did not start');
    await attune.settings.set({ pauses: { ...attune.settings.get().pauses, enabled: true, intervalSeconds: 30 * 60 } });
    // Time passes, five minutes at a time, until the schedule offers a pause (weekdays, within active hours).
    for (let steps = 0; steps < 7 * 24 * 12 && harness.notifications === 0; steps += 1) {
      harness.advanceClock(5 * 60_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(harness.notifications).toBe(1);
    // The notification daemon got it, in the discreet words, through node-notifier and notify-send.
    await expect
      .poll(() => daemon.history(), { timeout: 20_000 })
      .toContainEqual({ summary: pauseNotificationCopy.title, body: pauseNotificationCopy.body });
    // The person clicks it: the pause window opens at its real size.
    expect(harness.answerNotification('start')).toBe(true);
    const pause = await desktop.pause();
    expect(pause.viewportSize()).toEqual({ width: 440, height: 420 });
    await expect(heading(pause)).toHaveText('A short pause');
    await pause.getByRole('button', { name: 'Begin' }).click();
    await pause.getByRole('button', { name: 'Stop' }).click();
    await expect(heading(pause)).toHaveText('Stopped.');
    // Esc closes it (the Stopped. screen may already have closed itself).
    if (!pause.isClosed()) await pause.keyboard.press('Escape').catch(() => undefined);
    await expect.poll(() => harness.windows().state.pause.open).toBe(false);
  } finally {
    await desktop.dispose();
    await harness.close();
    await daemon.stop();
  }
});
