/**
 * Pure: reading what the `gdbus` tool prints (GLib's GVariant text format).
 *
 * `gdbus monitor` prints one line per signal:
 *   /org/freedesktop/ScreenSaver: org.freedesktop.ScreenSaver.ActiveChanged (true,)
 * and a line whenever the watched name gains or loses its owner:
 *   The name org.freedesktop.ScreenSaver is owned by :1.42
 *   The name org.freedesktop.ScreenSaver does not have an owner
 * `gdbus call` prints the reply as a tuple: `(true,)`, `(uint64 12345,)`.
 */

export interface SignalLine {
  readonly path: string;
  readonly interface: string;
  readonly member: string;
  /** The arguments as printed, e.g. `(true,)` or `()`. */
  readonly args: string;
}

const SIGNAL = /^(\/[\w/]*): ([\w.]+)\.(\w+) (\(.*\))$/;

export const parseSignalLine = (line: string): SignalLine | null => {
  const match = SIGNAL.exec(line.trim());
  if (!match) return null;
  const [, path = '', iface = '', member = '', args = ''] = match;
  return { path, interface: iface, member, args };
};

/** The line gdbus monitor prints once the bus has answered who owns the name (its match rule is in place by then). */
export const isOwnerLine = (line: string): boolean => /^The name \S+ (is owned by \S+|does not have an owner)$/.test(line.trim());

/** The first value of a one-value tuple, as a boolean: `(true,)` → true; anything else → null. */
export const tupleBoolean = (text: string): boolean | null => {
  const match = /^\((true|false),?\)$/.exec(text.trim());
  return match ? match[1] === 'true' : null;
};

/** The first value of a one-value tuple, as a whole number: `(uint64 12345,)` / `(4200,)` → the number; else null. */
export const tupleNumber = (text: string): number | null => {
  const match = /^\((?:(?:u?int(?:16|32|64)|byte) )?(\d+),?\)$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : null;
};
