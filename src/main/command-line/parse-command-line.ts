/**
 * Pure: what `attune --check-in` (and the other actions) asks for. For
 * desktops where the tray or the global shortcut cannot work (GNOME without
 * the AppIndicator extension, some Wayland sessions), a desktop shortcut bound
 * to the command line reaches Attune instead. Only the flags below are acted
 * on; everything else (Chromium's own switches, typos, file names) is
 * ignored and reported by name so the log can say what was not understood.
 */
export const COMMAND_LINE_FLAGS = {
  '--check-in': 'check-in',
  '--pause': 'pause',
  '--history': 'history',
  '--insights': 'insights',
  '--settings': 'settings',
  '--help-now': 'help-now',
  '--lock': 'lock',
} as const;

export type CommandLineAction = (typeof COMMAND_LINE_FLAGS)[keyof typeof COMMAND_LINE_FLAGS];

export interface ParsedCommandLine {
  /** The actions asked for, in the order given, each once. */
  readonly actions: readonly CommandLineAction[];
  /** What was not an action: a flag's name without its value; any other argument as "(argument)". */
  readonly ignored: readonly string[];
}

/** Longest flag name kept for the log; anything longer is cut (it is not ours anyway). */
const MAX_LOGGED_LENGTH = 40;

const isFlag = (name: string): name is keyof typeof COMMAND_LINE_FLAGS => Object.hasOwn(COMMAND_LINE_FLAGS, name);

/** A flag's name for the log: never its value (`--user-data-dir=/home/…` becomes `--user-data-dir`). */
const nameForLog = (arg: string): string => {
  if (!arg.startsWith('-')) return '(argument)';
  return (arg.split('=', 1)[0] ?? arg).slice(0, MAX_LOGGED_LENGTH);
};

/** `args` are the launch's arguments after the executable (and, in development, after the app path). */
export const parseCommandLine = (args: readonly string[]): ParsedCommandLine => {
  const actions: CommandLineAction[] = [];
  const ignored: string[] = [];
  for (const arg of args) {
    if (isFlag(arg)) {
      const action = COMMAND_LINE_FLAGS[arg];
      if (!actions.includes(action)) actions.push(action);
    } else {
      ignored.push(nameForLog(arg));
    }
  }
  return { actions, ignored };
};
