import { describe, expect, it } from 'vitest';

import { escapeStringValue, execValue, parseDesktopEntry, quoteExecArgument, unescapeStringValue } from './desktop-entry';

/**
 * A reader written from the spec's words, the other way round: string escapes
 * first, then the quoting rule, then `%%` → `%`. If the writer and this agree
 * on nasty input, the writer follows the spec (the gio spec checks GLib agrees).
 * @see https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
 */
const readExec = (value: string): string[] => {
  const text = unescapeStringValue(value);
  const args: string[] = [];
  let current: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"') {
      current ??= '';
      for (i += 1; text[i] !== '"'; i += 1) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '\\' && '"`$\\'.includes(text[i + 1]!)) i += 1;
        current += text[i];
      }
    } else if (char === ' ') {
      if (current !== null) args.push(current);
      current = null;
    } else {
      current = (current ?? '') + char;
    }
  }
  if (current !== null) args.push(current);
  return args.map((arg) => arg.replaceAll('%%', '%'));
};

describe('Exec quoting', () => {
  it('leaves a plain path as it is', () => {
    expect(quoteExecArgument('/opt/Attune/attune')).toBe('/opt/Attune/attune');
  });

  it('quotes a path with spaces', () => {
    expect(quoteExecArgument('/home/sam/My Apps/Attune.AppImage')).toBe('"/home/sam/My Apps/Attune.AppImage"');
  });

  it('escapes a double quote inside the quotes, then the backslash again as a string value', () => {
    expect(quoteExecArgument('/home/a"b/attune')).toBe('"/home/a\\\\"b/attune"');
  });

  it('writes a literal backslash as four, and a dollar sign as \\\\$ (the spec’s own examples)', () => {
    expect(quoteExecArgument('C:\\x')).toBe('"C:\\\\\\\\x"');
    expect(quoteExecArgument('$HOME')).toBe('"\\\\$HOME"');
  });

  it('doubles percent signs so no launcher reads them as field codes, quoted or not', () => {
    expect(quoteExecArgument('/opt/100%U/attune')).toBe('/opt/100%%U/attune');
    expect(quoteExecArgument('/opt/100% sure/attune')).toBe('"/opt/100%% sure/attune"');
  });

  it('quotes single quotes, backticks and the other reserved characters', () => {
    expect(quoteExecArgument("/home/o'neil/attune")).toBe('"/home/o\'neil/attune"');
    expect(quoteExecArgument('/tmp/`id`')).toBe('"/tmp/\\\\`id\\\\`"');
    for (const char of ['>', '<', '~', '|', '&', ';', '*', '?', '#', '(', ')', '\t']) {
      expect(quoteExecArgument(`a${char}b`)).toMatch(/^".*"$/);
    }
  });

  it('keeps a newline from ending the line', () => {
    const value = execValue(['/opt/a\nExec=evil', '--flag']);
    expect(value).not.toContain('\n');
    expect(value).toBe('"/opt/a\\nExec=evil" --flag');
  });

  it('quotes an empty argument and refuses an empty command', () => {
    expect(quoteExecArgument('')).toBe('""');
    expect(() => execValue([])).toThrow();
    expect(() => execValue([''])).toThrow();
  });

  it('reads back as the same argv for every awkward path', () => {
    const awkward = [
      ['/opt/Attune/attune'],
      ['/home/sam/My Apps/Attune-0.1.0.AppImage'],
      ['/home/a"b/c\'d/attune', '--hidden'],
      ['/srv/100%/x %U %f', '%%'],
      ['/tmp/$HOME/`id`/a\\b', ''],
      ['/tmp/tab\there/new\nline/ünïcødé ✓', '=', '#', '~user'],
    ];
    for (const argv of awkward) expect(readExec(execValue(argv))).toEqual(argv);
  });
});

describe('string values', () => {
  it('escapes and unescapes control characters and backslashes', () => {
    const raw = 'a\\b\nc\td\re';
    expect(escapeStringValue(raw)).toBe('a\\\\b\\nc\\td\\re');
    expect(unescapeStringValue(escapeStringValue(raw))).toBe(raw);
    expect(unescapeStringValue('a\\sb')).toBe('a b');
  });
});

describe('parseDesktopEntry', () => {
  it('reads groups and keys, with comments, blank lines, locale keys and spaces around =', () => {
    const parsed = parseDesktopEntry('# hi\n[Desktop Entry]\nName = Attune\nName[de]=Attune\n\n[Desktop Action New]\nExec=attune --new\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.groups).toEqual({
      'Desktop Entry': { Name: 'Attune', 'Name[de]': 'Attune' },
      'Desktop Action New': { Exec: 'attune --new' },
    });
  });

  it('reports every deviation from the file format instead of throwing', () => {
    const parsed = parseDesktopEntry('Name=early\n[Other]\n[Desktop Entry]\nName=a\nName=b\nnot an entry\n[Other]\n');
    expect(parsed.problems).toEqual([
      'line 1: key before the first group',
      'line 5: key Name appears twice in its group',
      'line 6: not a group header, key=value or comment',
      'line 7: group [Other] appears twice',
      'the first group must be [Desktop Entry]',
    ]);
  });
});
