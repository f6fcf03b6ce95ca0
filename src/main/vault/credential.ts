import { AttuneError } from '../attune-error';
import { importKey } from './aead';
import type { KeyFile } from './key-file';
import { unwrapWithKeychain, unwrapWithPassphrase, unwrapWithRecovery, verifyKeyCheck } from './key-wrap';
import type { Keychain } from './keychain';
import { parseRecoveryKey } from './recovery-key';

/** How a person proves they may open the vault. */
export type Credential =
  { method: 'keychain' } | { method: 'passphrase'; passphrase: string } | { method: 'recovery'; recoveryKey: string };

/** 'wrong' is the only answer that counts toward the throttle. */
export type UnwrapResult = { ok: true; dataKey: Buffer } | { ok: false; reason: 'wrong' };

const notEnabled = (method: string): AttuneError =>
  new AttuneError('invalid-request', `unlock method '${method}' is not set up for this vault`);

/**
 * Turn a credential into the data key. Each path ends with the key check, so
 * a keychain that hands back some other secret (keyring reset, profile copied
 * from another machine) is caught before any record is read.
 */
export const unwrapDataKey = async (file: KeyFile, credential: Credential, keychain: Keychain): Promise<UnwrapResult> => {
  let dataKey: Buffer | undefined;
  switch (credential.method) {
    case 'keychain': {
      if (!file.wraps.keychain) throw notEnabled('keychain');
      dataKey = unwrapWithKeychain(file.wraps.keychain, keychain);
      if (!checks(file, dataKey)) throw new AttuneError('keychain-unavailable', 'keychain returned a key that does not fit this vault');
      return { ok: true, dataKey };
    }
    case 'passphrase': {
      if (!file.wraps.passphrase) throw notEnabled('passphrase');
      dataKey = await unwrapWithPassphrase(file.wraps.passphrase, file.keyId, credential.passphrase);
      break;
    }
    case 'recovery': {
      if (!file.wraps.recovery) throw notEnabled('recovery');
      const parsed = parseRecoveryKey(credential.recoveryKey);
      // A typo (bad checksum or length) is not a guess at the key: say so, and do not count it.
      if (!parsed.ok)
        throw new AttuneError(
          'wrong-passphrase',
          `recovery key ${parsed.reason === 'format' ? 'has the wrong length or characters' : 'checksum does not match (likely a typo)'}`,
        );
      dataKey = unwrapWithRecovery(file.wraps.recovery, file.keyId, parsed.secret);
      parsed.secret.fill(0);
      break;
    }
  }
  if (!dataKey) return { ok: false, reason: 'wrong' };
  // The wrap authenticated, so a failing key check means vault.json itself was altered.
  if (!checks(file, dataKey)) {
    dataKey.fill(0);
    throw new AttuneError('vault-damaged', 'unwrapped key does not match the key check in vault.json');
  }
  return { ok: true, dataKey };
};

const checks = (file: KeyFile, dataKey: Buffer): boolean => verifyKeyCheck(importKey(dataKey), file.keyId, file.check);
