import { afterEach, describe, expect, it } from 'vitest';

import { useEnglishNow } from './english-now';
import { ENGLISH } from './generated/english';
import { live, type MessageSource, useMessageSource } from './messages';

/** Live views answer in the language of the moment, however they were kept. */
afterEach(() => useEnglishNow());

const german = (): MessageSource => ({
  locale: 'en-XA',
  catalogue: {
    ...ENGLISH,
    common: { ...ENGLISH.common, close: 'Schließen' },
    welcome: {
      ...ENGLISH.welcome,
      about: { ...ENGLISH.welcome.about, heading: 'Willkommen' },
      stepOf: (v) => `${v.current} von ${v.total}`,
    },
  },
});

describe('live message views', () => {
  it('read the current messages at every access, groups and built functions included', () => {
    const common = live('common');
    const welcome = live('welcome', (m) => ({ stepOf: (current: number, total: number) => m.stepOf({ current, total }) }));
    const about = welcome.about;
    expect([common.close, about.heading, welcome.stepOf(1, 3)]).toEqual(['Close', 'Welcome to Attune', '1 of 3']);
    useMessageSource(german());
    expect([common.close, about.heading, welcome.stepOf(1, 3)]).toEqual(['Schließen', 'Willkommen', '1 von 3']);
  });

  it('list their keys like the object they stand for, built ones included, and cannot be written', () => {
    const welcome = live('welcome', () => ({ added: 'x' }));
    expect(Object.keys(live('common'))).toEqual(Object.keys(ENGLISH.common));
    expect(Object.keys(welcome)).toContain('added');
    expect('skip' in welcome).toBe(true);
    expect(() => {
      (welcome as { skip: string }).skip = 'changed';
    }).toThrow(TypeError);
  });

  it('a namespace not loaded says so plainly', () => {
    useMessageSource({ locale: 'en', catalogue: {} });
    expect(() => live('common').close).toThrow('messages: "common" is not loaded for en; load it before showing it');
  });
});
