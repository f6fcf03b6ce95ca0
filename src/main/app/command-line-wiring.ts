import { type CommandLineAction, parseCommandLine } from '../command-line/parse-command-line';
import type { Logger } from '../log/logger';
import type { PauseDriver } from '../pauses/pause-driver';
import type { Windows } from './platform';

export interface CommandLineDeps {
  windows: Pick<Windows, 'showPopover' | 'openView'>;
  pauses: Pick<PauseDriver, 'startNow'>;
  lock: () => Promise<void>;
  log: Logger;
}

/** Where a launch came from: this start, or a second launch handed over to the running Attune. */
export type Launch = 'first-start' | 'second-instance';

/**
 * Acts on a launch's arguments: the allowed actions in order; anything else is
 * only logged (by name). A second launch with no action opens the check-in,
 * as it always has; a first start with none opens nothing extra.
 */
export const createCommandLineHandler = (deps: CommandLineDeps) => {
  const { windows, log } = deps;
  const quietly = (what: string, work: () => Promise<unknown>) =>
    void work().catch((error: unknown) => log.warn(`command line: ${what} did not work`, { error: String(error) }));
  const act: Record<CommandLineAction, () => void> = {
    // Bound to a desktop shortcut, this is the shortcut: the check-in opens ready for the keyboard.
    'check-in': () => windows.showPopover('shortcut', null),
    pause: () => quietly('pause now', () => deps.pauses.startNow()),
    history: () => windows.openView('history'),
    insights: () => windows.openView('insights'),
    settings: () => windows.openView('settings'),
    'help-now': () => windows.openView('help'),
    lock: () => quietly('lock', deps.lock),
  };
  return (args: readonly string[], launch: Launch): void => {
    const { actions, ignored } = parseCommandLine(args);
    if (ignored.length > 0) log.info('command line: ignored what is not an Attune action', { ignored: [...ignored], launch });
    if (actions.length === 0 && launch === 'second-instance') windows.showPopover('second-instance', null);
    for (const action of actions) act[action]();
  };
};
