import { describe, expect, test } from 'vitest';

import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings, nextFollowUpAt, pendingFollowUp } from './follow-up';
import { checkIn, followUp, HOUR, MIN, T0 } from './testing/entry-builders';

const settings: FollowUpSettings = { delayMinutes: 20, expireAfterMinutes: 12 * 60 };
const step = { id: 'drink-water', text: 'Get a glass of water' };
const stepped = (id: string, at: number) => checkIn(id, at, { states: ['freeze'], step });

describe('pendingFollowUp', () => {
  test('defaults: after 20 minutes, within 12 hours', () => {
    expect(DEFAULT_FOLLOW_UP_SETTINGS).toEqual({ delayMinutes: 20, expireAfterMinutes: 720 });
  });

  test('asks about a step once the delay has passed, until it expires', () => {
    const entries = [stepped('check00001', T0)];
    expect(pendingFollowUp(entries, T0 + 19 * MIN, settings)).toBeNull();
    expect(pendingFollowUp(entries, T0 + 20 * MIN, settings)?.id).toBe('check00001');
    expect(pendingFollowUp(entries, T0 + 12 * HOUR - 1, settings)?.id).toBe('check00001');
    expect(pendingFollowUp(entries, T0 + 12 * HOUR, settings)).toBeNull();
  });

  test('off means never', () => {
    expect(pendingFollowUp([stepped('check00001', T0)], T0 + HOUR, { ...settings, delayMinutes: null })).toBeNull();
  });

  test('answered (by any answer, even "didn\'t get to it") means no question', () => {
    const entries = [stepped('check00001', T0), followUp('answer0001', 'check00001', T0 + 25 * MIN, 'did-not-get-to-it')];
    expect(pendingFollowUp(entries, T0 + HOUR, settings)).toBeNull();
  });

  test('an answer to another check-in does not count', () => {
    const entries = [stepped('check00001', T0), followUp('answer0001', 'deleted001', T0 + 25 * MIN, 'helped')];
    expect(pendingFollowUp(entries, T0 + HOUR, settings)?.id).toBe('check00001');
  });

  test('no step, or an empty one, is nothing to ask about', () => {
    const entries = [checkIn('check00001', T0, { states: ['freeze'] }), checkIn('check00002', T0, { step: { text: '   ' } })];
    expect(pendingFollowUp(entries, T0 + HOUR, settings)).toBeNull();
  });

  test('at most one: the newest step; older unanswered ones expire quietly', () => {
    const entries = [stepped('check00001', T0), stepped('check00002', T0 + HOUR), stepped('check00003', T0 + 2 * HOUR)];
    expect(pendingFollowUp(entries, T0 + 3 * HOUR, settings)?.id).toBe('check00003');
    expect(pendingFollowUp([...entries].reverse(), T0 + 3 * HOUR, settings)?.id).toBe('check00003');
  });

  test('a newer step not yet due hides the older one (no backlog, no two questions in a row)', () => {
    const entries = [stepped('check00001', T0), stepped('check00002', T0 + HOUR)];
    expect(pendingFollowUp(entries, T0 + HOUR + 5 * MIN, settings)).toBeNull();
  });

  test('a newer check-in without a step does not hide the step before it', () => {
    const entries = [stepped('check00001', T0), checkIn('check00002', T0 + 10 * MIN, { states: ['settled'] })];
    expect(pendingFollowUp(entries, T0 + 30 * MIN, settings)?.id).toBe('check00001');
  });

  test('once the newest step is answered, older unanswered ones stay quiet', () => {
    const entries = [
      stepped('check00001', T0),
      stepped('check00002', T0 + HOUR),
      followUp('answer0002', 'check00002', T0 + 90 * MIN, 'helped'),
    ];
    expect(pendingFollowUp(entries, T0 + 2 * HOUR, settings)).toBeNull();
  });

  test('a check-in "in the future" (clock set back since) is not due yet', () => {
    expect(pendingFollowUp([stepped('check00001', T0 + HOUR)], T0, settings)).toBeNull();
  });

  test('an expiry shorter than the delay never asks', () => {
    expect(pendingFollowUp([stepped('check00001', T0)], T0 + 30 * MIN, { delayMinutes: 30, expireAfterMinutes: 30 })).toBeNull();
  });

  test('the local offset plays no part (a timezone change does not hurry or delay a question)', () => {
    const entries = [checkIn('check00001', T0, { step }, 600)];
    expect(pendingFollowUp(entries, T0 + 20 * MIN, settings)?.id).toBe('check00001');
  });
});

describe('nextFollowUpAt', () => {
  test('when the newest step becomes due, or now if it already is', () => {
    const entries = [stepped('check00001', T0)];
    expect(nextFollowUpAt(entries, T0 + MIN, settings)).toBe(T0 + 20 * MIN);
    expect(nextFollowUpAt(entries, T0 + HOUR, settings)).toBe(T0 + HOUR);
  });

  test('nothing waiting: no steps, answered, expired, or off', () => {
    expect(nextFollowUpAt([], T0, settings)).toBeNull();
    expect(
      nextFollowUpAt([stepped('check00001', T0), followUp('answer0001', 'check00001', T0 + MIN, 'a-bit')], T0 + MIN, settings),
    ).toBeNull();
    expect(nextFollowUpAt([stepped('check00001', T0)], T0 + 12 * HOUR, settings)).toBeNull();
    expect(nextFollowUpAt([stepped('check00001', T0)], T0, { ...settings, delayMinutes: null })).toBeNull();
  });
});
