import { describe, expect, test } from 'vitest';

import { PASSPHRASE_MAX } from '../vault-states';
import { CHANNEL_NAMES } from './channel-names';
import { vaultContract } from './vault-contract';

/** vault.replaceKey: the proof is the passphrase or the keychain, nothing else comes in, and only status and a recovery key go out. */
const { request, response } = vaultContract['vault.replaceKey'];
const status = {
  state: 'unlocked',
  methods: { keychain: false, passphrase: true, recovery: true },
  keychainAvailable: false,
  entryCount: 3,
  problems: [],
  recoveredFiles: 0,
};

describe('vault.replaceKey contract', () => {
  test('is a channel the preload exposes', () => {
    expect(CHANNEL_NAMES).toContain('vault.replaceKey');
  });

  test('takes the current passphrase (any length that unlocks) or the keychain', () => {
    expect(request.safeParse({ current: { method: 'passphrase', passphrase: 'short' } }).success).toBe(true);
    expect(request.safeParse({ current: { method: 'keychain' } }).success).toBe(true);
  });

  test.each([
    ['nothing', undefined],
    ['no proof', {}],
    ['a recovery key (it cannot wrap the new key with the passphrase)', { current: { method: 'recovery', recoveryKey: 'AAAA-BBBB' } }],
    ['an empty passphrase', { current: { method: 'passphrase', passphrase: '' } }],
    ['a passphrase past the limit', { current: { method: 'passphrase', passphrase: 'x'.repeat(PASSPHRASE_MAX + 1) } }],
    ['a new passphrase (that is vault.changePassphrase)', { current: { method: 'keychain' }, next: 'a new passphrase' }],
    ['an extra field in the proof', { current: { method: 'keychain', passphrase: 'also' } }],
  ])('refuses %s', (_what, payload) => {
    expect(request.safeParse(payload).success).toBe(false);
  });

  test('answers status and the new recovery key, or null when none was in use; nothing else', () => {
    expect(response.safeParse({ status, recoveryKey: 'AAAA-BBBB-CCCC-DDDD' }).success).toBe(true);
    expect(response.safeParse({ status, recoveryKey: null }).success).toBe(true);
    expect(response.safeParse({ status }).success).toBe(false);
    expect(response.safeParse({ status, recoveryKey: null, keyId: 'abc' }).success).toBe(false);
    expect(response.safeParse({ status, recoveryKey: 'x'.repeat(65) }).success).toBe(false);
  });
});
