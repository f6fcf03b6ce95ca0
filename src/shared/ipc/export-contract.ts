import { z } from 'zod';

import { EPOCH_MS_MAX } from '../epoch';
import { channel } from './channel';

const epochMs = z.number().int().min(0).max(EPOCH_MS_MAX);

/**
 * Exports go where the person picks in main's own save dialog: the renderer
 * never names a path, so a compromised page cannot write files anywhere.
 */
export const exportContract = {
  'vault.saveExport': channel(
    z.strictObject({
      format: z.enum(['json', 'csv']),
      range: z.strictObject({ from: epochMs.optional(), to: epochMs.optional() }).optional(),
      /** The person confirmed that the file will be readable without a passphrase. */
      confirmPlaintext: z.literal(true),
    }),
    z.discriminatedUnion('saved', [
      z.strictObject({ saved: z.literal(true), path: z.string().max(4096), count: z.number().int().min(0) }),
      z.strictObject({ saved: z.literal(false) }),
    ]),
  ),
} as const;
