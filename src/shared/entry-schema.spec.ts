import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { entryInputSchema, entrySchema } from './entry-schema';

/**
 * entrySchema was the input intersected with the time; it is now one union
 * of whole objects, for speed. The intersection stays here as the reference:
 * whatever is thrown at both, the same pass, with the same value, and the
 * same fail.
 */
const reference = z.intersection(
  entryInputSchema,
  z.object({
    id: z.string(),
    at: z.number().int(),
    offsetMinutes: z
      .number()
      .int()
      .min(-14 * 60)
      .max(14 * 60),
  }),
);

const checkInData = fc.record(
  {
    states: fc.subarray(['freeze', 'fight', 'flight', 'fawn', 'settled', 'bogus']),
    needs: fc.subarray(['rest', 'quiet', 'space', 'nope']),
    capacity: fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constant(2.5)),
    note: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
    step: fc.record({ id: fc.constantFrom('drink-water', 'Bad Id'), text: fc.string({ maxLength: 8 }) }, { requiredKeys: ['text'] }),
    extra: fc.constant(1),
  },
  { requiredKeys: [] },
);
const followUpData = fc.record(
  {
    checkInId: fc.constantFrom('abcdefgh1234', 'short', 'has space 12345'),
    outcome: fc.constantFrom('helped', 'not-really', 'bogus'),
    instead: fc.string({ maxLength: 8 }),
    extra: fc.constant(1),
  },
  { requiredKeys: [] },
);
const candidate = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
    at: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constant('soon')),
    offsetMinutes: fc.oneof(fc.integer({ min: -900, max: 900 }), fc.constant(30.5)),
    kind: fc.constantFrom('check-in', 'follow-up', 'other'),
    data: fc.oneof(checkInData, followUpData, fc.constant(null)),
    extra: fc.string({ maxLength: 4 }),
  },
  { requiredKeys: [] },
);

/** Mostly whole entries, with a key now and then left out, added or of the wrong kind. */
const nearlyEntry = fc
  .record({
    kind: fc.constantFrom('check-in', 'follow-up'),
    id: fc.string({ minLength: 1, maxLength: 12 }),
    at: fc.integer({ min: 0, max: 2 ** 45 }),
    offsetMinutes: fc.integer({ min: -840, max: 840 }),
    states: fc.subarray(['freeze', 'fight', 'flight', 'fawn', 'settled']),
    capacity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    outcome: fc.constantFrom('helped', 'not-really'),
    drop: fc.option(fc.constantFrom('id', 'at', 'offsetMinutes', 'data'), { nil: undefined }),
    add: fc.option(fc.constantFrom('top', 'inData'), { nil: undefined }),
    swapData: fc.boolean(),
  })
  .map(({ kind, id, at, offsetMinutes, states, capacity, outcome, drop, add, swapData }) => {
    const checkIn = { states, needs: ['rest'], ...(capacity === undefined ? {} : { capacity }) };
    const followUp = { checkInId: 'abcdefgh1234', outcome };
    const data: Record<string, unknown> = { ...((kind === 'check-in') !== swapData ? checkIn : followUp) };
    if (add === 'inData') data.later = 1;
    const entry: Record<string, unknown> = { id, at, offsetMinutes, kind, data };
    if (add === 'top') entry.later = 1;
    if (drop) delete entry[drop];
    return entry;
  });

describe('entrySchema', () => {
  it('passes and fails exactly what the input intersected with the time did, with the same value', () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.oneof(nearlyEntry, candidate), (value) => {
        const [now, before] = [entrySchema.safeParse(value), reference.safeParse(value)];
        expect(now.success).toBe(before.success);
        if (now.success && before.success) {
          passed += 1;
          expect(now.data).toEqual(before.data);
          expect(Object.keys(now.data)).toEqual(Object.keys(before.data));
        }
      }),
      { numRuns: 3000, seed: 18 },
    );
    // The inputs reach the passing side too, so the comparison is not only of failures.
    expect(passed).toBeGreaterThan(40);
  });

  it('drops an unknown top-level key, and refuses one inside data', () => {
    const entry = { id: 'abcdefgh', at: 1, offsetMinutes: 60, kind: 'check-in', data: { states: ['freeze'], needs: [] } };
    expect(entrySchema.parse({ ...entry, later: true })).toEqual(entry);
    expect(entrySchema.safeParse({ ...entry, data: { ...entry.data, later: true } }).success).toBe(false);
  });
});
