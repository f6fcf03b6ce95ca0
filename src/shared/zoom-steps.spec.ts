import { describe, expect, test } from 'vitest';

import { DEFAULT_ZOOM, ZOOM_STEPS } from './settings-limits';
import { nextZoom, zoomActionOf, type ZoomKeyEvent } from './zoom-steps';

const press = (key: string, modifiers: Partial<ZoomKeyEvent> = {}): ZoomKeyEvent => ({
  key,
  code: '',
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('zoomActionOf', () => {
  test.each([
    ['Ctrl+=', press('='), 'in'],
    ['Ctrl+Shift+= (+)', press('+'), 'in'],
    ['Cmd+=', press('=', { ctrlKey: false, metaKey: true }), 'in'],
    ['numpad +', press('+', { code: 'NumpadAdd' }), 'in'],
    ['Ctrl+-', press('-'), 'out'],
    ['Ctrl+Shift+- (_)', press('_'), 'out'],
    ['numpad -', press('-', { code: 'NumpadSubtract' }), 'out'],
    ['Ctrl+0', press('0', { code: 'Digit0' }), 'reset'],
    ['numpad 0', press('Insert', { code: 'Numpad0' }), 'reset'],
    ['Cmd+0', press('0', { ctrlKey: false, metaKey: true }), 'reset'],
  ] as const)('%s is %s', (_name, event, action) => {
    expect(zoomActionOf(event)).toBe(action);
  });

  test.each([
    ['= without a modifier (typing)', press('=', { ctrlKey: false })],
    ['- without a modifier (typing)', press('-', { ctrlKey: false })],
    ['Ctrl+Alt+0 (AltGr on many keyboards)', press('0', { altKey: true })],
    ['Ctrl+A', press('a')],
    ['Ctrl+9', press('9', { code: 'Digit9' })],
    ['Ctrl alone', press('Control')],
  ] as const)('%s is not a zoom key', (_name, event) => {
    expect(zoomActionOf(event)).toBeNull();
  });
});

describe('nextZoom', () => {
  test('steps up and down through the browser steps', () => {
    expect(nextZoom('in', 100)).toBe(110);
    expect(nextZoom('in', 175)).toBe(200);
    expect(nextZoom('out', 100)).toBe(90);
    expect(nextZoom('out', 75)).toBe(67);
  });

  test('stays put at the ends of the range', () => {
    expect(nextZoom('in', 300)).toBe(300);
    expect(nextZoom('out', 50)).toBe(50);
  });

  test('reset is 100% from anywhere', () => {
    for (const step of ZOOM_STEPS) expect(nextZoom('reset', step)).toBe(DEFAULT_ZOOM);
  });

  test('from between two steps, moves to the nearest step in that direction', () => {
    expect(nextZoom('in', 105)).toBe(110);
    expect(nextZoom('out', 105)).toBe(100);
  });

  test('every step up from 50% walks the whole range and lands on a step', () => {
    const walked = [50];
    while (walked.length < 20) walked.push(nextZoom('in', walked.at(-1) ?? 50));
    expect(new Set(walked)).toEqual(new Set(ZOOM_STEPS));
  });
});
