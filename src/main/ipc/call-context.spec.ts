import { describe, expect, test } from 'vitest';

import { identifySender, type WindowKind } from './call-context';

const known = new Map<number, WindowKind>([
  [7, 'popover'],
  [9, 'app'],
]);
const origins = ['app://attune'];

describe('identifySender', () => {
  test('trusts the top frame of a known window on our origin', () => {
    expect(identifySender({ id: 7, frameUrl: 'app://attune/index.html#popover', isMainFrame: true }, known, origins)).toEqual({
      window: 'popover',
    });
    expect(identifySender({ id: 9, frameUrl: 'app://attune/index.html#app/history', isMainFrame: true }, known, origins)).toEqual({
      window: 'app',
    });
  });

  test.each([
    ['an unknown window', { id: 3, frameUrl: 'app://attune/index.html', isMainFrame: true }],
    ['an iframe', { id: 7, frameUrl: 'app://attune/index.html', isMainFrame: false }],
    ['another origin', { id: 7, frameUrl: 'https://example.org/', isMainFrame: true }],
    ['a look-alike host', { id: 7, frameUrl: 'app://attune.evil/index.html', isMainFrame: true }],
    ['file://', { id: 7, frameUrl: 'file:///etc/passwd', isMainFrame: true }],
    ['a broken URL', { id: 7, frameUrl: 'not a url', isMainFrame: true }],
  ])('refuses %s', (_label, sender) => {
    expect(identifySender(sender, known, origins)).toBeNull();
  });
});
