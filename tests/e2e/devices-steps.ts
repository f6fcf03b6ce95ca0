import type { Page } from '@playwright/test';

import type { Harness } from '../harness/harness-server';
import { PASSPHRASE } from './checkin-steps';

/**
 * A computer with no history joins the one in `folder` through the bridge
 * (the window's own call, with main's folder dialog answering `folder`), as
 * "Desktop" with the shared passphrase. Answers the link's outcome.
 */
export const joinThroughBridge = async (page: Page, harness: Harness, folder: string, recoveryKey: string): Promise<string> => {
  harness.standIns.nextFolder = folder;
  const linked = await page.evaluate(
    ({ recoveryKey, passphrase }) =>
      window.attune.devices.link({
        recoveryKey,
        deviceName: 'Desktop',
        setup: { useKeychain: false, passphrase, createRecoveryKey: false },
      }),
    { recoveryKey, passphrase: PASSPHRASE },
  );
  return linked.ok ? linked.value.outcome : linked.error.code;
};
