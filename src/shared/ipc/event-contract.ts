import { z } from 'zod';
import { settingsSchema } from '../settings-schema';
import { VIEWS } from './app-contract';

/** Events main sends to a window. The preload exposes one subscribe function per event. */
export const OPEN_REASONS = ['tray', 'shortcut', 'second-instance', 'menu', 'notification'] as const;
export type OpenReason = (typeof OPEN_REASONS)[number];

export const eventContract = {
  'popover.shown': z.strictObject({ reason: z.enum(OPEN_REASONS) }),
  'view.show': z.strictObject({ view: z.enum(VIEWS) }),
  'settings.changed': settingsSchema,
} as const;

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]>;
