import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import type { Attune } from '../../src/main/app/create-attune';
import { startStandInAttune } from '../../src/main/app/testing/start-stand-in-attune';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { createMemoryLogger } from '../../src/main/log/logger';
import { checkIn } from '../../src/main/vault/testing/vault-fixtures';
import { CHANNEL_NAMES } from '../../src/shared/ipc/channel-names';
import { contract } from '../../src/shared/ipc/contract';
import { ERROR_CODES, type IpcResult } from '../../src/shared/ipc/result';
import { useTempDirs } from '../support/temp-dir';

/**
 * Property-based fuzzing of the REAL handler table, as createAttune builds it
 * (vault, settings, pauses on a real temp dir): thousands of random and malformed calls. Each gets an
 * envelope — never a throw — and calls the schema refuses leave every file
 * byte-identical.
 */
const tempDir = useTempDirs();

const hostile = fc.oneof(
  fc.anything({
    maxDepth: 5,
    withBigInt: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withDate: true,
  }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    'x'.repeat(2_000_000),
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
    { kind: 'check-in', data: { states: ['freeze'], needs: [], note: 'x'.repeat(100_000) } },
    { kind: 'check-in', data: { states: ['freeze', 'freeze'], needs: [] } },
    { format: 'json', confirmPlaintext: true, path: '/etc/passwd' },
    { method: 'passphrase', passphrase: '' },
    { confirm: 'true' },
    { id: '../../etc' },
    { limit: 1e9 },
  ),
  fc.constant(null).map(() => {
    // 5,000 levels deep: no recursion in our code may overflow on it.
    let value: unknown = 'bottom';
    for (let i = 0; i < 5000; i += 1) value = { a: value };
    return value;
  }),
);

const channelArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CHANNEL_NAMES) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'vault.export', 'vault.dump', 'hasOwnProperty'),
    ),
  },
);
const contextArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ window: 'popover' as const }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const snapshot = (dir: string): Map<string, string> => {
  const files = new Map<string, string>();
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      // Logs legitimately grow (a line per refused call, with codes, never content).
      else if (!full.includes(`${join(dir, 'logs')}`)) files.set(relative(dir, full), readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return files;
};

const isEnvelope = (channel: string, result: IpcResult<unknown>): boolean => {
  if (result.ok) {
    const spec = (contract as Record<string, { response: { safeParse(v: unknown): { success: boolean } } }>)[channel];
    return spec !== undefined && spec.response.safeParse(result.value).success;
  }
  return (
    (ERROR_CODES as readonly string[]).includes(result.error.code) &&
    typeof result.error.message === 'string' &&
    !/\n\s+at /.test(result.error.message)
  );
};

describe('IPC fuzzing over the real handler table', () => {
  let dir: string;
  let dispatch: Dispatch;
  let attune: Attune;

  beforeAll(async () => {
    dir = tempDir('attune-fuzz-');
    // The table the app runs, built by the real composition root on stand-in ports.
    const started = await startStandInAttune({ dataDir: dir, log: createMemoryLogger() });
    attune = started.attune;
    await attune.vault.setup({ passphrase: 'fuzzing passphrase', useKeychain: false, createRecoveryKey: false });
    await attune.vault.append(checkIn('kept entry'));
    await attune.settings.set({ appearance: { theme: 'dark', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' } });
    dispatch = attune.dispatch;
  });
  afterAll(() => attune.stop());

  test('refused calls (schema-invalid, unknown channel, untrusted frame) never throw and change no file', async () => {
    const before = snapshot(dir);
    const heapBefore = process.memoryUsage().heapUsed;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(channelArb, hostile, contextArb, async (channel, payload, context) => {
        const spec = (contract as Record<string, { request: { safeParse(v: unknown): { success: boolean } } }>)[channel];
        const valid = Object.hasOwn(contract, channel) && spec !== undefined && spec.request.safeParse(payload).success;
        fc.pre(!valid || context === null);
        runs += 1;
        const result = await dispatch(channel, payload, context);
        expect(result.ok).toBe(false);
        expect(isEnvelope(channel, result)).toBe(true);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
    expect(runs).toBeGreaterThan(2000);
    expect(snapshot(dir)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Bounded memory: thousands of calls (some with megabyte payloads) leave no large residue.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  test('every call, valid or not, answers with a well-formed envelope', async () => {
    await fc.assert(
      fc.asyncProperty(channelArb, hostile, contextArb, async (channel, payload, context) => {
        const result = await dispatch(channel, payload, context);
        expect(isEnvelope(channel, result)).toBe(true);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
