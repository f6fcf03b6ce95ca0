import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, test } from 'vitest';

import { publicTextProblems } from '../../src/main/notify/testing/discreet-words';
import { pauseNotificationCopy } from '../../src/shared/copy/pause-copy';

/**
 * Real delivery: the node-notifier implementation, through the real
 * notify-send, to a real notification daemon (dunst) on a private session bus
 * and X display, read back with `dunstctl history`. No mocks anywhere.
 */

const onPath = (command: string): boolean =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const missingFrom = (commands: readonly string[]): string[] => commands.filter((command) => !onPath(command));

const DELIVERY_TOOLS = ['xvfb-run', 'xauth', 'dbus-run-session', 'dbus-send', 'dunst', 'dunstctl', 'notify-send'] as const;
const X_TOOLS = ['xvfb-run', 'xauth', 'dbus-run-session', 'xprop', 'xwininfo'] as const;
const missingForDelivery = process.platform === 'linux' ? missingFrom(DELIVERY_TOOLS) : ['Linux'];
const missingForX = process.platform === 'linux' ? missingFrom(X_TOOLS) : ['Linux'];

if (missingForDelivery.length > 0) {
  console.log(`notify-delivery: skipped — needs ${missingForDelivery.join(', ')} (Debian: xvfb xauth dbus dunst libnotify-bin)`);
}
if (missingForDelivery.length === 0 && missingForX.length > 0) {
  console.log(`notify-delivery: full-screen probe skipped — needs ${missingForX.join(', ')} (Debian: xvfb xauth x11-utils)`);
}

const child = fileURLToPath(new URL('./notify-delivery.child.ts', import.meta.url));

/** One child process per mode, under its own X display and session bus. */
const runChild = (mode: 'deliver' | 'full-screen'): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    execFile(
      'xvfb-run',
      ['-a', 'dbus-run-session', '--', process.execPath, '--import', 'tsx', child, mode],
      { timeout: 25_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1) ?? '';
        if (error) {
          reject(new Error(`${mode} child failed: ${error.message}\n${stderr}`));
          return;
        }
        resolve(JSON.parse(line) as Record<string, unknown>);
      },
    );
  });

describe('pause notification, really delivered (Linux, dunst)', () => {
  test.skipIf(missingForDelivery.length > 0)(
    'arrives with the exact discreet text, replaces instead of stacking, and DND is read from dunst',
    async () => {
      const result = await runChild('deliver');
      expect(result.results).toEqual([{ ok: true }, { ok: true }]);
      // Shown twice, one on screen, nothing pushed into history by the replacement.
      expect(result.displayed).toBe(1);
      expect(result.historyBeforeClose).toBe(0);
      expect(result.history).toEqual([{ summary: pauseNotificationCopy.title, body: pauseNotificationCopy.body, appname: 'Attune' }]);
      for (const entry of result.history as { summary: string; body: string; appname: string }[]) {
        expect(publicTextProblems(`${entry.summary} ${entry.body} ${entry.appname}`)).toEqual([]);
      }
      expect(result.dnd).toEqual({ before: 'no', paused: 'yes' });
    },
  );

  test.skipIf(missingForX.length > 0)('the X11 full-screen probe reads the active window state', async () => {
    const result = await runChild('full-screen');
    expect(result).toEqual({ withoutWindowManager: 'unknown', normalWindow: 'no', fullScreenWindow: 'yes' });
  });
});
