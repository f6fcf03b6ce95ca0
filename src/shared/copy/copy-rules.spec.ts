import { describe, expect, test } from 'vitest';
import * as copy from './index';

/**
 * The copy guide's "Never" list as a test. Every string in the copy module —
 * including the ones built by functions, called here with a placeholder — is
 * checked with word boundaries.
 */
const NEVER = [
  'should',
  'must',
  'have to',
  'has to',
  'failed',
  'failure',
  'missed',
  'behind',
  'streak',
  'broken',
  'weak',
  'lazy',
  'overreacting',
  'calm down',
  'just',
  'simply',
  'be kind to yourself',
  'love yourself',
  'stay positive',
  'you will be fine',
  'in a row',
  'badge',
  'score',
  'close your eyes',
  'hold your breath',
];

/**
 * Allowed phrases, each with why:
 * - "just now": time, not minimising ("Couldn't save just now" is the guide's own example).
 * - "should have / could have": names the withdrawal state's inner voice, in quotes, as the brief does;
 *   it describes a protective response, never tells the person what to do.
 */
const ALLOWED = [/\bjust now\b/gi, /[“"‘']should have[^”"’']*[”"’']/gi];

const collect = (value: unknown, path: string, out: [string, string][]): void => {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') collect((value as (...a: unknown[]) => unknown)('X', 'Y', 3), `${path}()`, out);
  else if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`, out);
};

const strings: [string, string][] = [];
collect(copy, 'copy', strings);

describe('copy rules', () => {
  test('the copy module has text to check', () => {
    expect(strings.length).toBeGreaterThan(20);
  });

  test.each(NEVER)('never says "%s"', (word) => {
    const pattern = new RegExp(`\\b${word.replace(/ /g, '\\s+')}\\b`, 'i');
    const hits = strings
      .map(([path, text]) => [path, ALLOWED.reduce((t, allowed) => t.replace(allowed, ''), text)] as const)
      .filter(([, text]) => pattern.test(text))
      .map(([path]) => path);
    expect(hits).toEqual([]);
  });

  test('no exclamation marks (no urgency or alarm)', () => {
    expect(strings.filter(([, text]) => text.includes('!')).map(([p]) => p)).toEqual([]);
  });

  test('the checker catches a banned word (so the test can fail)', () => {
    const pattern = /\bjust\b/i;
    expect(pattern.test('Just breathe.')).toBe(true);
    expect(pattern.test('Adjust the time.')).toBe(false);
  });
});
