import { describe, expect, test } from 'vitest';

import { focusKind, keyIntent } from './check-in-keys';

const press = (key: string, on: 'choice' | 'text' | 'control' | 'other' = 'other', composing = false) => ({ key, on, composing });

describe('check-in keys', () => {
  test('Esc closes on every screen, unless an input method is composing', () => {
    for (const screen of ['now', 'step', 'help', 'locked', 'saved'] as const)
      expect(keyIntent(press('Escape'), screen, true)).toBe('close');
    expect(keyIntent(press('Escape', 'text', true), 'now', true)).toBe('none');
  });

  test('Enter on a choice or in a text field moves on from a step; on a button it is the button’s own', () => {
    expect(keyIntent(press('Enter', 'choice'), 'now', true)).toBe('primary');
    expect(keyIntent(press('Enter', 'text'), 'step', true)).toBe('primary');
    expect(keyIntent(press('Enter', 'control'), 'step', true)).toBe('none');
    expect(keyIntent(press('Enter', 'choice'), 'follow-up', false)).toBe('none');
    expect(keyIntent(press('Enter', 'text', true), 'step', true)).toBe('none');
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
    expect([checkbox, text, document.createElement('button'), document.createElement('a'), document.body, null].map(focusKind)).toEqual([
      'choice',
      'text',
      'control',
      'control',
      'other',
      'other',
    ]);
  });
});
