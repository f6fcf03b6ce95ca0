import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { errorCopy } from '../../shared/copy';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import type { IpcResult } from '../../shared/ipc/result';
import { PAUSE_REMINDERS_COMMANDS } from '../../shared/pauses/pause-state';
import type { Attune } from '../app/create-attune';
import { startStandInAttune } from '../app/testing/start-stand-in-attune';
import { createMemoryLogger } from '../log/logger';
import { checkIn } from '../vault/testing/vault-fixtures';
import type { CallContext } from './call-context';
import { OPEN_WHILE_LOCKED } from './locked-gate';

/**
 * While Attune is locked, the real handler table (built by the composition
 * root on stand-in ports, real vault and settings on a temp dir) lets through
 * only what the lock screen and help need.
 */
const app: CallContext = { window: 'app' };
const tempDir = useTempDirs();
let dir: string;
let attune: Attune;
const call = (channel: string, payload?: unknown): Promise<IpcResult<unknown>> => attune.dispatch(channel, payload, app);
const settingsFile = (): string => readFileSync(join(dir, 'settings.json'), 'utf8');

beforeEach(async () => {
  dir = tempDir('attune-locked-');
  attune = (await startStandInAttune({ dataDir: dir, log: createMemoryLogger() })).attune;
  await attune.vault.setup({ passphrase: 'the passphrase', useKeychain: false, createRecoveryKey: false });
  await attune.vault.append(checkIn('private'));
  expect(await call('vault.lock')).toMatchObject({ ok: true, value: { state: 'locked' } });
});
afterEach(() => attune.stop());

describe('while Attune is locked', () => {
  it('refuses settings changes, turning auto-lock off included, with a calm typed error, and writes nothing', async () => {
    const before = settingsFile();
    const refused = { ok: false, error: { code: 'locked', message: errorCopy.locked } };
    expect(await call('settings.set', { privacy: { lockAfterIdleMinutes: null, lockWithScreen: false } })).toEqual(refused);
    expect(await call('settings.set', { help: { region: 'DE' }, privacy: { lockAfterIdleMinutes: null, lockWithScreen: false } })).toEqual(
      refused,
    );
    expect(await call('pauses.command', { command: PAUSE_REMINDERS_COMMANDS[0] })).toEqual(refused);
    expect(await call('pauses.startNow')).toEqual(refused);
    expect(settingsFile()).toBe(before);
    expect(attune.settings.get().privacy.lockAfterIdleMinutes).not.toBeNull();
  });

  it('refuses the history, insights, exports and passphrase changes', async () => {
    for (const [channel, payload] of [
      ['vault.list', { limit: 10 }],
      ['vault.append', checkIn('while locked')],
      ['vault.changePassphrase', { current: { method: 'passphrase', passphrase: 'the passphrase' }, next: 'another passphrase' }],
      [
        'vault.changePassphrase',
        { current: { method: 'passphrase', passphrase: 'the passphrase' }, next: 'another passphrase', replaceKey: true },
      ],
      ['vault.replaceKey', { current: { method: 'passphrase', passphrase: 'the passphrase' } }],
      ['vault.makeRecoveryKey', undefined],
      ['vault.setup', { useKeychain: false, createRecoveryKey: false, passphrase: 'a new passphrase' }],
      ['vault.acceptDamage', { confirm: true }],
      ['checkin.followUp', undefined],
      ['insights.get', {}],
      ['vault.saveExport', { format: 'json', confirmPlaintext: true }],
      ['checkin.suggestions', { states: [], needs: [] }],
      ['vault.incidents', undefined],
      ['vault.dismissIncident', { id: '1700000000000-abcdef' }],
    ] as const) {
      expect(await call(channel, payload), channel).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    }
  });

  it('lets through what the lock screen and help need: info, settings read, the help region, status, unlock', async () => {
    expect(await call('app.info')).toMatchObject({ ok: true });
    expect(await call('settings.get')).toMatchObject({ ok: true });
    expect(await call('settings.set', { help: { region: 'DE' } })).toMatchObject({ ok: true, value: { help: { region: 'DE' } } });
    expect(await call('ui.openView', { view: 'help' })).toEqual({ ok: true, value: null });
    expect(await call('vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: 'the passphrase' })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    // Unlocked, settings change again.
    expect(await call('settings.set', { privacy: { lockAfterIdleMinutes: null, lockWithScreen: false } })).toMatchObject({ ok: true });
  });

  it('still lets the person erase everything, with its confirmation', async () => {
    expect(await call('vault.erase', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('vault.erase', { confirm: true })).toMatchObject({ ok: true, value: { state: 'not-set-up' } });
    // Nothing set up is nothing locked: settings are open again (the welcome sets them before any history exists).
    expect(await call('settings.set', { pauses: { ...attune.settings.get().pauses, enabled: true } })).toMatchObject({ ok: true });
  });

  it('names only real channels as open', () => {
    for (const channel of OPEN_WHILE_LOCKED) expect(CHANNEL_NAMES).toContain(channel);
  });
});
