import { describe, expect, test } from 'vitest';

import { calmProgress, wantsLessMotion } from './calm-progress';

const MIN = 60_000;

describe('calmProgress', () => {
  test('follows the clock with motion, and names the stage in thirds', () => {
    expect(calmProgress(0, 120, 6, false)).toEqual({ fraction: 0, stage: 'start', minutesLeft: 2 });
    expect(calmProgress(1 * MIN, 120, 6, false)).toEqual({ fraction: 0.5, stage: 'middle', minutesLeft: 1 });
    expect(calmProgress(1.5 * MIN, 120, 6, false)).toMatchObject({ fraction: 0.75, stage: 'end' });
    expect(calmProgress(3 * MIN, 120, 6, false)).toMatchObject({ fraction: 1, stage: 'end', minutesLeft: 0 });
  });

  test('with less motion the line moves only when the words change', () => {
    const at = (ms: number) => calmProgress(ms, 120, 6, true).fraction;
    // Six lines over two minutes: one still step every 20 seconds.
    expect(at(0)).toBe(0);
    expect(at(19_000)).toBe(0);
    expect(at(20_000)).toBeCloseTo(1 / 6);
    expect(at(39_999)).toBeCloseTo(1 / 6);
    expect(at(110_000)).toBeCloseTo(5 / 6);
  });

  test('minutes left are "about" (rounded), and under a minute is 0', () => {
    const left = (ms: number) => calmProgress(ms, 180, 6, false).minutesLeft;
    expect(left(0)).toBe(3);
    expect(left(25_000)).toBe(3); // 2:35 left
    expect(left(1.5 * MIN)).toBe(2); // 1:30 left
    expect(left(2 * MIN)).toBe(1);
    expect(left(2 * MIN + 1_000)).toBe(0); // 0:59 left
  });

  test('the stage changes only twice in a whole pause', () => {
    const stages = new Set<string>();
    let changes = 0;
    let last = '';
    for (let ms = 0; ms <= 2 * MIN; ms += 250) {
      const { stage } = calmProgress(ms, 120, 6, false);
      if (stage !== last) changes += 1;
      last = stage;
      stages.add(stage);
    }
    expect([...stages]).toEqual(['start', 'middle', 'end']);
    expect(changes).toBe(3);
  });
});

describe('wantsLessMotion', () => {
  test('the Attune setting, or the system when it follows the system', () => {
    expect(wantsLessMotion('reduce', false)).toBe(true);
    expect(wantsLessMotion('system', true)).toBe(true);
    expect(wantsLessMotion('system', false)).toBe(false);
  });
});
