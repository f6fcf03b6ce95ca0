import { afterEach, describe, expect, it } from 'vitest';

import { useEnglishNow } from './english-now';
import { ENGLISH } from './generated/english';
import { live, liveGroup, useMessageSource } from './messages';

afterEach(() => useEnglishNow());

describe('liveGroup', () => {
  it('kept in a variable, still answers in the language of the moment, built properties included', () => {
    const welcome = live('welcome');
    const ways = liveGroup(
      () => welcome.ways,
      (m) => ({ shortcut: (keys: string) => m.shortcut({ keys }) }),
    );
    expect([ways.heading, ways.shortcut('Ctrl+1')]).toEqual(['Ways in', ENGLISH.welcome.ways.shortcut({ keys: 'Ctrl+1' })]);
    useMessageSource({
      locale: 'en-XA',
      catalogue: {
        ...ENGLISH,
        welcome: { ...ENGLISH.welcome, ways: { ...ENGLISH.welcome.ways, heading: 'Wege', shortcut: (v) => `Drücke ${v.keys}` } },
      },
    });
    expect([ways.heading, ways.shortcut('Ctrl+1')]).toEqual(['Wege', 'Drücke Ctrl+1']);
  });

  it('lists its keys like the group it stands for, built ones included, and cannot be written', () => {
    const ways = liveGroup(
      () => live('welcome').ways,
      () => ({ added: 'x' }),
    );
    expect(Object.keys(ways)).toEqual([...Object.keys(ENGLISH.welcome.ways), 'added']);
    expect('tray' in ways).toBe(true);
    expect(() => {
      (ways as { tray: string }).tray = 'changed';
    }).toThrow(TypeError);
  });
});
