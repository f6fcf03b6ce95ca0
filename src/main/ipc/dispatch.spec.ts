import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { contract } from '../../shared/ipc/contract';
import { DEFAULT_SETTINGS } from '../../shared/settings-schema';
import type { Attune } from '../app/create-attune';
import { startStandInAttune } from '../app/testing/start-stand-in-attune';
import { AttuneError } from '../attune-error';
import { createMemoryLogger } from '../log/logger';
import type { CallContext } from './call-context';
import { createDispatch, type Dispatch } from './dispatch';

const popover: CallContext = { window: 'popover' };
const tempDir = useTempDirs();
const running: Attune[] = [];
afterEach(async () => {
  for (const attune of running.splice(0)) await attune.stop();
});

describe('dispatch over the real handler table and a real settings file', () => {
  let dispatch: Dispatch;
  let settingsFile: string;
  let ui: string[];
  let log: ReturnType<typeof createMemoryLogger>;

  beforeEach(async () => {
    const dir = tempDir();
    log = createMemoryLogger();
    // The table createAttune builds, on stand-in windows that record what they were asked.
    const { attune, standIns } = await startStandInAttune({ dataDir: dir, log });
    running.push(attune);
    dispatch = attune.dispatch;
    ui = standIns.windows().actions;
    ui.splice(0); // the first run's welcome is not what these tests are about
    // Make sure the file exists on disk, so "unchanged" is checked against real bytes.
    await dispatch('settings.set', { appearance: DEFAULT_SETTINGS.appearance }, popover);
    settingsFile = join(dir, 'settings.json');
  });

  test('a valid call returns { ok: true, value }', async () => {
    const result = await dispatch('settings.get', undefined, popover);
    expect(result).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  test('a valid write is saved to disk and returned', async () => {
    const result = await dispatch(
      'settings.set',
      { appearance: { theme: 'dark', motion: 'reduce', discreet: true, zoomPercent: 125, language: 'en' } },
      popover,
    );
    expect(result.ok).toBe(true);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8')).appearance).toEqual({
      theme: 'dark',
      motion: 'reduce',
      discreet: true,
      zoomPercent: 125,
      language: 'en',
    });
  });

  const malformed: [string, unknown][] = [
    ['a string', 'dark'],
    ['null', null],
    ['an array', [1, 2]],
    ['a wrong type', { shortcut: 42 }],
    ['an unknown key', { colour: 'red' }],
    ['a prototype-pollution key', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a constructor key', { constructor: { prototype: { polluted: true } } }],
    ['main-only version', { version: 1 }],
    ['a bad enum', { appearance: { theme: 'neon', motion: 'system', discreet: true, zoomPercent: 100, language: 'en' } }],
    [
      'a language Attune does not have',
      { appearance: { theme: 'dark', motion: 'system', discreet: true, zoomPercent: 100, language: 'xx' } },
    ],
    ['a missing field', { appearance: { theme: 'dark' } }],
    ['a zoom between the steps', { appearance: { theme: 'dark', motion: 'system', discreet: true, zoomPercent: 120, language: 'en' } }],
    ['NaN in a number', { pauses: { enabled: Number.NaN } }],
    ['a huge string', { shortcut: 'A'.repeat(100_000) }],
  ];
  test.each(malformed)('settings.set with %s gets invalid-request and changes nothing', async (_label, payload) => {
    const before = readFileSync(settingsFile);
    const result = await dispatch('settings.set', payload, popover);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.any(String) } });
    expect(readFileSync(settingsFile)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a payload where none is expected is refused', async () => {
    const result = await dispatch('app.info', { sneaky: true }, popover);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-request');
  });

  test('unknown channels, including inherited property names, are refused', async () => {
    for (const channel of ['vault.dump', 'toString', '__proto__', 'constructor', '']) {
      const result = await dispatch(channel, undefined, popover);
      expect(!result.ok && result.error.code).toBe('unknown-channel');
    }
  });

  test('an untrusted sender is refused before the handler runs', async () => {
    const result = await dispatch('ui.closePopover', undefined, null);
    expect(!result.ok && result.error.code).toBe('untrusted-sender');
    expect(ui).toEqual([]);
  });

  test('ui.closePopover asks the window layer to hide the popover', async () => {
    expect(await dispatch('ui.closePopover', undefined, popover)).toEqual({ ok: true, value: null });
    expect(ui).toEqual(['hidePopover']);
  });

  test('log lines name where a payload was wrong, never what it held', async () => {
    await dispatch('settings.set', { shortcut: 'my private words'.repeat(10) }, popover);
    expect(JSON.stringify(log.lines)).not.toContain('private words');
  });
});

describe('dispatch error mapping', () => {
  const log = createMemoryLogger();
  const spec = { 'x.y': contract['app.info'] };

  test('an AttuneError becomes a typed error with the calm message', async () => {
    const dispatch = createDispatch(
      spec,
      {
        'x.y': () => {
          throw new AttuneError('disk-full', 'ENOSPC');
        },
      },
      log,
    );
    const result = await dispatch('x.y', undefined, popover);
    expect(result).toEqual({ ok: false, error: { code: 'disk-full', message: expect.stringContaining('disk is full') } });
  });

  test('an unexpected error becomes "internal" with no stack trace in the message', async () => {
    const dispatch = createDispatch(
      spec,
      {
        'x.y': () => {
          throw new TypeError('boom at line 3');
        },
      },
      log,
    );
    const result = await dispatch('x.y', undefined, popover);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('boom');
  });

  test('a handler answer outside the contract is not passed on', async () => {
    const dispatch = createDispatch(spec, { 'x.y': () => ({ secret: 'key material' }) as never }, log);
    const result = await dispatch('x.y', undefined, popover);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('key material');
  });

  test('throttle hints travel with the error', async () => {
    const dispatch = createDispatch(
      spec,
      {
        'x.y': () => {
          throw new AttuneError('too-many-attempts', 'wait', { retryAfterSeconds: 30 });
        },
      },
      log,
    );
    const result = await dispatch('x.y', undefined, popover);
    expect(!result.ok && result.error.retryAfterSeconds).toBe(30);
    expect(!result.ok && result.error.message).toMatch(/try again in 30 seconds\.$/);
  });
});
