import { describe, expect, test } from 'vitest';

import { pauseNotificationCopy } from '../../shared/copy/pause-copy';
import { publicTextProblems } from './testing/discreet-words';

describe('pause notification copy', () => {
  const texts = [
    pauseNotificationCopy.title,
    pauseNotificationCopy.body,
    pauseNotificationCopy.close,
    ...Object.values(pauseNotificationCopy.actions),
  ];

  test.each(texts)('"%s" is discreet: no mental-health words, no pressure, no exclamation mark', (text) => {
    expect(publicTextProblems(text)).toEqual([]);
  });

  test('the helper does catch what it is there to catch', () => {
    expect(publicTextProblems('Feeling stressed? You should just breathe!').sort()).toEqual([
      '!',
      'breath',
      'feel',
      'just',
      'should',
      'stress',
    ]);
    expect(publicTextProblems('Adjust the background')).toEqual([]);
  });

  test('short enough to read at a glance, and an invitation rather than an instruction', () => {
    expect(pauseNotificationCopy.body.length).toBeLessThanOrEqual(40);
    expect(pauseNotificationCopy.body.endsWith('?')).toBe(true);
  });
});
