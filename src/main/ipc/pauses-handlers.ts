import type { pausesContract } from '../../shared/ipc/pauses-contract';
import type { PauseRemindersCommand, PauseScheduleView } from '../../shared/pauses/pause-state';
import type { HandlerTable } from './dispatch';

/** What the pause handlers need; PauseDriver provides it. */
export interface PausesPort {
  view(): PauseScheduleView;
  command(command: PauseRemindersCommand): Promise<void>;
  startNow(): Promise<void>;
}

export const createPausesHandlers = (pauses: PausesPort): HandlerTable<typeof pausesContract> => ({
  'pauses.status': () => pauses.view(),
  'pauses.command': async ({ command }) => {
    await pauses.command(command);
    return pauses.view();
  },
  'pauses.startNow': async () => {
    await pauses.startNow();
    return null;
  },
});
