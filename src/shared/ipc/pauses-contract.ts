import { z } from 'zod';

import { pauseRemindersCommandSchema, pauseScheduleViewSchema } from '../pauses/pause-state';
import { channel } from './channel';

/** Scheduled pauses as the windows see them: what comes next, and the tray's commands. */
export const pausesContract = {
  'pauses.status': channel(z.undefined(), pauseScheduleViewSchema),
  'pauses.command': channel(z.strictObject({ command: pauseRemindersCommandSchema }), pauseScheduleViewSchema),
  'pauses.startNow': channel(z.undefined(), z.null()),
} as const;
