import { describe, expect, test } from 'vitest';
import { checkAccelerator, describeAccelerator } from './accelerator';

describe('checkAccelerator', () => {
  test.each([
    ['CommandOrControl+Alt+Space', 'CommandOrControl+Alt+Space'],
    ['cmdorctrl+shift+a', 'CommandOrControl+Shift+A'],
    ['Ctrl+Option+k', 'Control+Alt+K'],
    ['Super+Plus', 'Super+Plus'],
    ['F13', 'F13'],
    ['Shift+F9', 'Shift+F9'],
    ['Alt+num5', 'Alt+num5'],
    ['  Control + Alt + / ', 'Control+Alt+/'],
  ])('accepts %s as %s', (input, normalised) => {
    expect(checkAccelerator(input)).toEqual({ ok: true, accelerator: normalised });
  });

  test.each([
    ['', 'empty'],
    ['A', 'needs-modifier'],
    ['Shift+A', 'needs-modifier'],
    ['Control+Alt', 'no-key'],
    ['Control+A+B', 'many-keys'],
    ['Control+Control+A', 'repeated-modifier'],
    ['Control+Hyper+A', 'unknown-part'],
    ['Control++', 'unknown-part'],
    ['Control+F25', 'unknown-part'],
    ['x'.repeat(100), 'empty'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(checkAccelerator(input)).toEqual({ ok: false, reason });
  });
});

describe('describeAccelerator', () => {
  test('uses the names people see on their keyboard', () => {
    expect(describeAccelerator('CommandOrControl+Alt+Space', 'darwin')).toBe('Cmd+Option+Space');
    expect(describeAccelerator('CommandOrControl+Alt+Space', 'linux')).toBe('Ctrl+Alt+Space');
  });
});
