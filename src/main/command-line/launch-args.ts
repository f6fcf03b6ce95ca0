/**
 * Pure: the arguments of a launch, from what Electron gives. `process.argv`
 * starts with the executable, and in development (`electron .`, where
 * `process.defaultApp` is true) with the app path after it.
 */
export const launchArgs = (argv: readonly string[], defaultApp: boolean): readonly string[] => argv.slice(defaultApp ? 2 : 1);

/**
 * The arguments a second launch handed over. The second instance sends its own
 * arguments as the lock's additional data, because the `argv` Electron passes
 * to 'second-instance' may carry extra switches Chromium added, and is empty
 * when the second launch runs as another user
 * (https://www.electronjs.org/docs/latest/api/app#event-second-instance).
 * Anything that is not a list of strings falls back to that `argv`.
 */
export const handedOverArgs = (additionalData: unknown, argv: readonly string[], defaultApp: boolean): readonly string[] => {
  if (additionalData && typeof additionalData === 'object' && 'args' in additionalData) {
    const { args } = additionalData;
    if (Array.isArray(args) && args.every((arg) => typeof arg === 'string')) return args;
  }
  return launchArgs(argv, defaultApp);
};
