import { describe, expect, test } from 'vitest';

import { acceleratorFromKeyEvent, checkAccelerator, describeAccelerator, heldModifiers } from './accelerator';

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

describe('acceleratorFromKeyEvent', () => {
  const press = (code: string, key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) => ({
    code,
    key,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });

  test('Ctrl on Windows/Linux and Cmd on macOS become CommandOrControl', () => {
    expect(acceleratorFromKeyEvent(press('KeyK', 'k', { ctrlKey: true, altKey: true }), 'linux')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Alt+K',
    });
    expect(acceleratorFromKeyEvent(press('KeyK', 'k', { ctrlKey: true, altKey: true }), 'win32')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Alt+K',
    });
    expect(acceleratorFromKeyEvent(press('KeyK', 'k', { metaKey: true, altKey: true }), 'darwin')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Alt+K',
    });
  });

  test('Ctrl on macOS stays Control, and the Windows/Super key is Super', () => {
    expect(acceleratorFromKeyEvent(press('KeyP', 'p', { ctrlKey: true, shiftKey: true }), 'darwin')).toEqual({
      ok: true,
      accelerator: 'Control+Shift+P',
    });
    expect(acceleratorFromKeyEvent(press('KeyP', 'p', { metaKey: true }), 'linux')).toEqual({ ok: true, accelerator: 'Super+P' });
  });

  test('the physical key counts, not the character it typed', () => {
    // Option+K on a Mac types "˚"; AZERTY's top-left letter key is KeyQ typing "a"; Shift+1 types "!".
    expect(acceleratorFromKeyEvent(press('KeyK', '˚', { altKey: true, metaKey: true }), 'darwin')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Alt+K',
    });
    expect(acceleratorFromKeyEvent(press('KeyQ', 'a', { ctrlKey: true }), 'linux')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Q',
    });
    expect(acceleratorFromKeyEvent(press('Digit1', '!', { ctrlKey: true, shiftKey: true }), 'linux')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Shift+1',
    });
  });

  test.each([
    ['Space', ' ', 'CommandOrControl+Alt+Space'],
    ['ArrowUp', 'ArrowUp', 'CommandOrControl+Alt+Up'],
    ['F5', 'F5', 'CommandOrControl+Alt+F5'],
    ['Numpad7', '7', 'CommandOrControl+Alt+num7'],
    ['Slash', '/', 'CommandOrControl+Alt+/'],
    ['PageDown', 'PageDown', 'CommandOrControl+Alt+PageDown'],
    ['', 'j', 'CommandOrControl+Alt+J'],
  ])('code %j (key %j) → %s', (code, key, accelerator) => {
    expect(acceleratorFromKeyEvent(press(code, key, { ctrlKey: true, altKey: true }), 'linux')).toEqual({ ok: true, accelerator });
  });

  test('a function key works alone', () => {
    expect(acceleratorFromKeyEvent(press('F13', 'F13'), 'linux')).toEqual({ ok: true, accelerator: 'F13' });
  });

  test('modifiers alone are "so far", with what is held', () => {
    expect(acceleratorFromKeyEvent(press('ControlLeft', 'Control', { ctrlKey: true }), 'linux')).toEqual({
      ok: false,
      reason: 'modifier-only',
      held: 'CommandOrControl',
    });
    expect(acceleratorFromKeyEvent(press('AltRight', 'Alt', { ctrlKey: true, altKey: true }), 'linux')).toEqual({
      ok: false,
      reason: 'modifier-only',
      held: 'CommandOrControl+Alt',
    });
    expect(acceleratorFromKeyEvent(press('MetaLeft', 'Meta', { metaKey: true }), 'darwin')).toEqual({
      ok: false,
      reason: 'modifier-only',
      held: 'CommandOrControl',
    });
  });

  test.each([
    ['a letter without a modifier', press('KeyA', 'a')],
    ['Shift alone with a letter', press('KeyA', 'A', { shiftKey: true })],
    ['a key Electron does not know', press('IntlBackslash', '<', { ctrlKey: true })],
    ['a dead key with no code', press('', 'Dead', { ctrlKey: true })],
  ])('refuses %s', (_name, event) => {
    expect(acceleratorFromKeyEvent(event, 'linux')).toEqual({ ok: false, reason: 'not-allowed' });
  });
});

describe('heldModifiers', () => {
  test('names what is still down after a key-up', () => {
    expect(heldModifiers({ ctrlKey: true, altKey: false, shiftKey: true, metaKey: false }, 'win32')).toBe('CommandOrControl+Shift');
    expect(heldModifiers({ ctrlKey: false, altKey: false, shiftKey: false, metaKey: false }, 'darwin')).toBe('');
  });
});
