import { z } from 'zod';

import { channel } from './channel';
import { vaultStatusSchema } from './vault-contract';

/**
 * Make, copy or save a recovery key; all closed while Attune is locked. The
 * renderer sends no key text: main copies or saves only the key it made and
 * holds, not yet kept ('recovery-key-gone' when there is none), so a page
 * cannot make main put whatever it likes on the clipboard or in a file. The
 * file goes where the person picks in main's own save dialog; saving it
 * keeps the key (it opens the history from then on).
 */
export const recoveryKeyContract = {
  /**
   * A new recovery key for an open history (Settings offers it when there is
   * none). Like `vault.setup`'s, it is sent once to be shown, and opens the
   * history only after `vault.keepRecoveryKey` or `vault.saveRecoveryKey`.
   */
  'vault.makeRecoveryKey': channel(z.undefined(), z.strictObject({ recoveryKey: z.string().max(64) })),
  /** Main clears the clipboard after RECOVERY_CLIPBOARD_CLEAR_MS if it still holds the key. */
  'vault.copyRecoveryKey': channel(z.undefined(), z.null()),
  'vault.saveRecoveryKey': channel(
    z.undefined(),
    z.discriminatedUnion('saved', [
      z.strictObject({ saved: z.literal(true), path: z.string().max(4096), status: vaultStatusSchema }),
      z.strictObject({ saved: z.literal(false) }),
    ]),
  ),
} as const;

/** How long the key may stay on the clipboard; the copy says "in a minute". */
export const RECOVERY_CLIPBOARD_CLEAR_MS = 60_000;
