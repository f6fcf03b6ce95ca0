import { z } from 'zod';

import { settingsSchema } from '../settings-schema';
import { VAULT_STATES } from '../vault-states';
import { VIEWS } from './app-contract';

/** Events main sends to a window. The preload exposes one subscribe function per event. */
export const OPEN_REASONS = ['tray', 'shortcut', 'second-instance', 'menu', 'notification'] as const;
export type OpenReason = (typeof OPEN_REASONS)[number];

export const eventContract = {
  'popover.shown': z.strictObject({ reason: z.enum(OPEN_REASONS) }),
  'view.show': z.strictObject({ view: z.enum(VIEWS) }),
  'settings.changed': settingsSchema,
  /** The history was locked, unlocked, set up or erased (by a window, the tray, or auto-lock). */
  'vault.changed': z.strictObject({ state: z.enum(VAULT_STATES) }),
  /**
   * Entries came or went without this window asking: a check-in saved in
   * another window, or what sync brought from the other computers. Nothing
   * of the history travels with it; a window that shows entries asks again.
   */
  'history.changed': z.strictObject({}),
} as const;

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]>;
