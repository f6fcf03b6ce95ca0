import { describe, expect, test } from 'vitest';

import { crisisData } from './crisis-data';
import { HIDDEN_ENTRIES, linesForRegion } from './crisis-lines';
import type { CrisisEntry } from './crisis-schema';
import { allowedExternalUrls, externalUrlFor } from './external-url';

const base = crisisData.entries.find((entry) => entry.id === 'gb-samaritans-call')!;
const entry = (kind: CrisisEntry['kind'], contact: string): CrisisEntry => ({ ...base, kind, contact });

describe('externalUrlFor', () => {
  test.each([
    ['call', '116 123', 'tel:116123'],
    ['call', '0800-0113', 'tel:08000113'],
    ['call', '13 11 14', 'tel:131114'],
    ['call', '+44 116 123', 'tel:+44116123'],
    ['call', '3', 'tel:3'],
    ['text', '85258', 'sms:85258'],
    ['chat', 'https://988lifeline.org', 'https://988lifeline.org/'],
    ['web', 'https://findahelpline.com', 'https://findahelpline.com/'],
    ['web', 'https://www.113.nl/chat?x=1', 'https://www.113.nl/chat?x=1'],
  ] as const)('%s %j → %s', (kind, contact, url) => {
    expect(externalUrlFor(entry(kind, contact))).toBe(url);
  });

  test.each([
    ['call', 'ask for 111'],
    ['call', '988;ext=1'],
    ['call', 'tel:988'],
    ['call', '+'],
    ['text', 'HOME to 741741'],
    ['chat', 'http://988lifeline.org'],
    ['chat', '988lifeline.org'],
    ['web', 'javascript:alert(1)'],
    ['web', 'file:///etc/passwd'],
    ['web', 'https://user:secret@example.org'],
    ['web', 'tel:988'],
  ] as const)('%s %j → nothing to open', (kind, contact) => {
    expect(externalUrlFor(entry(kind, contact))).toBeNull();
  });

  test('a text line on WhatsApp gets no sms: link (it would send a text message the line never reads)', () => {
    const texting = { ...entry('text', '9151 1767'), howTo: 'Text 9151 1767' };
    expect(externalUrlFor(texting)).toBe('sms:91511767');
    expect(externalUrlFor({ ...texting, howTo: 'WhatsApp 9151 1767 (CareText)' })).toBeNull();
    expect(externalUrlFor({ ...texting, name: 'Telefono Amico (WhatsApp)' })).toBeNull();
  });

  test.each(['*4141', '119 ext. 8', '#112'])('call %j → nothing to open (star codes, hashes and extensions stay text)', (contact) => {
    expect(externalUrlFor(entry('call', contact))).toBeNull();
  });
});

describe('allowedExternalUrls (main’s shell.openExternal allow-list)', () => {
  const allowed = allowedExternalUrls(crisisData);

  test('holds exactly the links the help screen shows, for every country', () => {
    const shown = new Set<string>();
    for (const region of [...new Set(crisisData.entries.map((e) => e.country)), null]) {
      for (const line of linesForRegion(crisisData, region)) {
        const url = externalUrlFor(line);
        if (url !== null) shown.add(url);
      }
    }
    expect([...allowed].sort()).toEqual([...shown].sort());
    expect(allowed.size).toBe(77);
    // The web links and text numbers in full; the rest are tel: links for plain numbers.
    expect([...allowed].filter((url) => !url.startsWith('tel:')).sort()).toEqual([
      'https://988lifeline.org/',
      'https://findahelpline.com/',
      'https://healing119.id/',
      'https://www.113.nl/',
      'sms:1737',
      'sms:50808',
      'sms:741741',
      'sms:85258',
      'sms:988',
    ]);
    for (const url of allowed) if (url.startsWith('tel:')) expect(url).toMatch(/^tel:\+?\d+$/);
  });

  test('only https, tel and sms', () => {
    for (const url of allowed) expect(new URL(url).protocol).toMatch(/^(https|tel|sms):$/);
  });

  test('leaves out hidden entries and every source URL', () => {
    for (const id of HIDDEN_ENTRIES.keys()) {
      const hidden = crisisData.entries.find((e) => e.id === id)!;
      const url = externalUrlFor(hidden);
      if (url !== null) expect(allowed.has(url)).toBe(false);
    }
    for (const e of crisisData.entries) expect(allowed.has(e.sourceUrl)).toBe(false);
  });

  test('is exact: a near miss is not allowed', () => {
    expect(allowed.has('https://988lifeline.org')).toBe(false);
    expect(allowed.has('https://988lifeline.org/chat')).toBe(false);
    expect(allowed.has('http://findahelpline.com/')).toBe(false);
  });
});
