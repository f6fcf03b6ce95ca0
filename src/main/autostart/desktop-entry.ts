/**
 * Pure helpers for freedesktop.org Desktop Entry files: escaping values,
 * quoting Exec arguments, and a small parser.
 * @see https://specifications.freedesktop.org/desktop-entry-spec/latest/
 */

/**
 * Escapes a value of type string. A raw newline would end the line and let the
 * rest be read as a new key (e.g. a second Exec), so control characters and
 * the backslash itself are written as the spec's escape sequences.
 * @see https://specifications.freedesktop.org/desktop-entry-spec/latest/value-types.html
 */
export const escapeStringValue = (value: string): string =>
  value.replace(/[\\\n\t\r]/g, (char) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[char] ?? char);

/** Undoes `escapeStringValue` (and the `\s` escape for a space that other writers use). */
export const unescapeStringValue = (value: string): string =>
  value.replace(/\\([\\nstr])/g, (_match, char: string) => ({ '\\': '\\', n: '\n', s: ' ', t: '\t', r: '\r' })[char] ?? char);

/** Characters that force an Exec argument into double quotes. */
const EXEC_RESERVED = /[ \t\n"'\\><~|&;$*?#()`]/;
/** Inside double quotes these four still need a backslash. */
const EXEC_QUOTE_ESCAPED = /["`$\\]/g;

/**
 * Quotes one Exec argument (the program path included). Three layers, applied
 * in this order so a reader undoes them in reverse:
 * 1. `%` becomes `%%`, or a launcher would read it as a field code (`%U`…);
 * 2. an argument with a reserved character (or an empty one) is wrapped in
 *    double quotes, with `"`, `` ` ``, `$` and `\` escaped by a backslash;
 * 3. the result is escaped again as a string value, because a reader applies
 *    the string escapes before the quoting rule, so one literal backslash ends
 *    up as four.
 * @see https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
 */
export const quoteExecArgument = (argument: string): string => {
  const percent = argument.replaceAll('%', '%%');
  const quoted = percent === '' || EXEC_RESERVED.test(percent) ? `"${percent.replace(EXEC_QUOTE_ESCAPED, '\\$&')}"` : percent;
  return escapeStringValue(quoted);
};

/** The Exec value for a program and its arguments, each quoted on its own. */
export const execValue = (argv: readonly string[]): string => {
  if (argv.length === 0 || argv[0] === '') throw new Error('Exec needs a program to run');
  return argv.map(quoteExecArgument).join(' ');
};

export type DesktopEntryGroups = Record<string, Record<string, string>>;

export interface ParsedDesktopEntry {
  /** Group name → key → raw (still escaped) value. */
  readonly groups: DesktopEntryGroups;
  /** What does not follow the spec's file format, one line each; empty when the file is well formed. */
  readonly problems: readonly string[];
}

const GROUP_LINE = /^\[([^[\]]+)\]$/;
// Keys are A-Za-z0-9- with an optional [locale] suffix; spaces around `=` are allowed.
const ENTRY_LINE = /^([A-Za-z0-9-]+(?:\[[^\]]+\])?)\s*=\s*(.*)$/;

/**
 * Reads a Desktop Entry file into groups. Lenient by design: it records
 * problems instead of throwing, so a file someone edited by hand can still be
 * read, and a test can assert there are none.
 * @see https://specifications.freedesktop.org/desktop-entry-spec/latest/basic-format.html
 */
export const parseDesktopEntry = (text: string): ParsedDesktopEntry => {
  const groups: DesktopEntryGroups = {};
  const problems: string[] = [];
  let current: Record<string, string> | null = null;
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const where = `line ${index + 1}`;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const group = GROUP_LINE.exec(line);
    const entry = group ? null : ENTRY_LINE.exec(line);
    if (group) {
      const name = group[1]!;
      if (name in groups) problems.push(`${where}: group [${name}] appears twice`);
      current = groups[name] ?? {};
      groups[name] = current;
    } else if (!entry) {
      problems.push(`${where}: not a group header, key=value or comment`);
    } else if (!current) {
      problems.push(`${where}: key before the first group`);
    } else {
      const key = entry[1]!;
      if (key in current) problems.push(`${where}: key ${key} appears twice in its group`);
      current[key] = entry[2]!;
    }
  }
  if (Object.keys(groups)[0] !== 'Desktop Entry') problems.push('the first group must be [Desktop Entry]');
  return { groups, problems };
};
