import { describe, expect, test } from 'vitest';

import { entryInputSchema } from '../entry-schema';
import { draftToEntry, emptyDraft, hasTypedWords, OWN_STEP, toggle } from './checkin-draft';

describe('draftToEntry', () => {
  test('nothing chosen → nothing to save', () => {
    expect(draftToEntry(emptyDraft())).toBeNull();
    expect(draftToEntry({ ...emptyDraft(), needText: '   ', ownStep: 'x' })).toBeNull();
  });

  test('a full check-in becomes a valid entry with the step words stored', () => {
    const entry = draftToEntry({
      states: ['freeze', 'withdrawal'],
      driver: 'reacting',
      capacity: 2,
      needs: ['safety', 'rest'],
      needText: '  a quiet corner  ',
      step: 'feet-on-floor',
      ownStep: 'ignored when a built-in step is chosen',
      note: 'after the meeting',
    });
    expect(entry).toEqual({
      kind: 'check-in',
      data: {
        states: ['freeze', 'withdrawal'],
        driver: 'reacting',
        capacity: 2,
        needs: ['safety', 'rest'],
        needText: 'a quiet corner',
        step: { id: 'feet-on-floor', text: 'Feel your feet on the floor for a few seconds' },
        note: 'after the meeting',
      },
    });
    expect(entryInputSchema.parse(entry)).toEqual(entry);
  });

  test('an own step keeps the person’s words and no id', () => {
    const entry = draftToEntry({ ...emptyDraft(), step: OWN_STEP, ownStep: 'Call my sister' });
    expect(entry?.kind === 'check-in' && entry.data.step).toEqual({ text: 'Call my sister' });
  });

  test('only a note is still worth keeping', () => {
    expect(draftToEntry({ ...emptyDraft(), note: 'hard morning' })?.kind).toBe('check-in');
  });

  test('over-long text is trimmed to the stored limit, never refused', () => {
    const entry = draftToEntry({ ...emptyDraft(), note: 'x'.repeat(5000) });
    expect(entry?.kind === 'check-in' && entry.data.note?.length).toBe(2000);
    expect(entryInputSchema.safeParse(entry).success).toBe(true);
  });
});

test('toggle adds and removes without mutating', () => {
  const list = ['a'];
  expect(toggle(list, 'b')).toEqual(['a', 'b']);
  expect(toggle(list, 'a')).toEqual([]);
  expect(list).toEqual(['a']);
});

describe('hasTypedWords', () => {
  test('only words count, not choices or white space', () => {
    expect(hasTypedWords({ ...emptyDraft(), states: ['freeze'], needs: ['rest'], step: 'drink-water' })).toBe(false);
    expect(hasTypedWords({ ...emptyDraft(), note: ' \n ' })).toBe(false);
    for (const field of ['needText', 'ownStep', 'note'] as const) expect(hasTypedWords({ ...emptyDraft(), [field]: 'a walk' })).toBe(true);
  });
});
