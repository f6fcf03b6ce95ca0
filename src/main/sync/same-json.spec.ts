import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { sameJson } from './same-json';

/** JSON as JSON.parse gives it: no -0 (JSON writes it as 0), so node's answer is the one to match. */
const json = fc.jsonValue({ noUnicodeString: false }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe('sameJson', () => {
  it('agrees with isDeepStrictEqual on JSON values, equal or not', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameJson(a, b)).toBe(isDeepStrictEqual(a, b));
        // A copy is the same; so is one with its keys in another order.
        const copy = JSON.parse(JSON.stringify(a)) as unknown;
        expect(sameJson(a, copy)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart what a shallow look would not', () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson({ a: 1, c: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson(undefined, { id: 'x' })).toBe(false);
  });
});
