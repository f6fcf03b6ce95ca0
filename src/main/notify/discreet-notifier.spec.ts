import { describe, expect, test } from 'vitest';

import { discreetAwareNotifier } from './discreet-notifier';
import type { Notifier } from './notifier';

const recording = (name: string, log: string[]): Notifier => ({
  capabilities: { actions: false, click: true, replace: 'close-previous', close: true },
  showPause: async () => (log.push(`${name}:show`), { ok: true }),
  closePause: async () => (log.push(`${name}:close`), { ok: true }),
});

describe('discreetAwareNotifier', () => {
  test('uses the wording the setting says at the moment of showing, and never leaves two', async () => {
    const log: string[] = [];
    let discreet = true;
    const notifier = discreetAwareNotifier(recording('discreet', log), recording('plain', log), () => discreet);
    await notifier.showPause(() => undefined);
    discreet = false;
    await notifier.showPause(() => undefined);
    expect(log).toEqual(['plain:close', 'discreet:show', 'discreet:close', 'plain:show']);
    await notifier.closePause();
    expect(log.slice(-2).sort()).toEqual(['discreet:close', 'plain:close']);
  });
});
