import { describe, expect, test } from 'vitest';

import { focusKind, keyIntent } from './check-in-keys';

const press = (key: string, on: 'choice' | 'text' | 'control' | 'other' = 'other', composing = false, mod = false) => ({
  key,
  on,
  composing,
  mod,
});

describe('check-in keys', () => {
  test('Esc closes on every screen, unless an input method is composing', () => {
    for (const screen of ['now', 'step', 'help', 'locked', 'saved'] as const)
      expect(keyIntent(press('Escape'), screen, true)).toBe('close');
    expect(keyIntent(press('Escape', 'text', true), 'now', true)).toBe('none');
  });

  test('plain Enter never moves on or saves: on a choice it toggles (ChoiceList), in a field it does nothing', () => {
    for (const on of ['choice', 'text', 'other', 'control'] as const) {
      for (const screen of ['now', 'need', 'step'] as const) expect(keyIntent(press('Enter', on), screen, true)).toBe('none');
    }
  });

  test('Ctrl/Cmd+Enter moves on from anywhere in a step, except on a button (its own key) or mid-composition', () => {
    for (const on of ['choice', 'text', 'other'] as const) expect(keyIntent(press('Enter', on, false, true), 'step', true)).toBe('primary');
    expect(keyIntent(press('Enter', 'control', false, true), 'step', true)).toBe('none');
    expect(keyIntent(press('Enter', 'text', true, true), 'step', true)).toBe('none');
    expect(keyIntent(press('Enter', 'choice', false, true), 'follow-up', false)).toBe('none');
  });

  test('"Noted." closes on a key, but not on a modifier alone or a key on its buttons', () => {
    expect(keyIntent(press('x'), 'saved', false)).toBe('close');
    expect(keyIntent(press('Enter'), 'nothing', false)).toBe('close');
    for (const key of ['Shift', 'Control', 'Alt', 'Meta', 'Tab']) expect(keyIntent(press(key), 'saved', false)).toBe('none');
    expect(keyIntent(press('Enter', 'control'), 'saved', false)).toBe('none');
  });

  test('where focus is', () => {
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const text = Object.assign(document.createElement('input'), { type: 'text' });
    const note = document.createElement('textarea');
    expect(
      [checkbox, text, note, document.createElement('button'), document.createElement('a'), document.body, null].map(focusKind),
    ).toEqual(['choice', 'text', 'text', 'control', 'control', 'other', 'other']);
  });
});
