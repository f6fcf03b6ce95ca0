import { describe, expect, test } from 'vitest';

import { insightsCopy, pauseCopy, settingsCopy, summaryCopy, vaultCopy, waitCopy, whatHelpsCopy } from './index';

/** Counts in the copy, as a person reads them: one, none, a few, and never "1 seconds". */
describe('counts in the copy', () => {
  test('a wait of about a second says "1 second" (the walk found "1 seconds")', () => {
    expect(waitCopy(0.4)).toBe('You can try again in 1 second.');
    expect(waitCopy(1)).toBe('You can try again in 1 second.');
    expect(waitCopy(2)).toBe('You can try again in 2 seconds.');
    expect(waitCopy(60)).toBe('You can try again in about 1 minute.');
    expect(waitCopy(150)).toBe('You can try again in about 3 minutes.');
  });

  test('a pause length is counted, not looked up: any length reads right', () => {
    expect(pauseCopy.length(60)).toBe('1 minute');
    expect(pauseCopy.length(120)).toBe('2 minutes');
    expect(pauseCopy.length(300)).toBe('5 minutes');
    expect(pauseCopy.length(90)).toBe('1.5 minutes');
  });

  test('an empty history to erase is said in words, not as "0 entries"', () => {
    expect(settingsCopy.privacy.eraseWhat(0)).toBe('Nothing is saved in it yet. This erases the key that opens your history.');
  });

  test('an empty period reads no count at all; one and many read plainly', () => {
    expect(insightsCopy.period.checkIns(0)).toBe('');
    expect(insightsCopy.period.checkIns(1)).toBe('One check-in in this period.');
    expect(insightsCopy.period.checkIns(1234)).toBe('1,234 check-ins in this period.');
  });

  test('durations, entries, files and characters choose their form by count', () => {
    expect(settingsCopy.duration(1)).toBe('1 minute');
    expect(settingsCopy.duration(61)).toBe('1 hour 1 minute');
    expect(settingsCopy.duration(150)).toBe('2 hours 30 minutes');
    expect(settingsCopy.privacy.exported(1, '/x.csv')).toBe('Saved 1 entry to /x.csv');
    expect(settingsCopy.privacy.recoveredWhat(1)).toMatch(/^This deletes 1 file from/);
    expect(settingsCopy.privacy.recoveredLeft(1)).toMatch(/^1 item stays in/);
    expect(settingsCopy.pauses.quietLimit(1)).toBe('Up to 1 quiet time.');
    expect(vaultCopy.setup.tooShort(1)).toBe('Use at least 1 character.');
  });

  test('"of N times" and "the N most recent" read well at one', () => {
    expect(whatHelpsCopy.explain(0, 1)).toBe('Helped you 0 of 1 time.');
    expect(whatHelpsCopy.explain(2, 3)).toBe('Helped you 2 of 3 times.');
    expect(summaryCopy.sections.notes.newestOf(1, 5)).toBe('The most recent of 5 notes.');
    expect(summaryCopy.sections.notes.newestOf(20, 31)).toBe('The 20 most recent of 31 notes.');
    expect(insightsCopy.helped.answers(1)).toBe('One answer');
    expect(insightsCopy.named.times(1)).toBe('once');
  });
});
