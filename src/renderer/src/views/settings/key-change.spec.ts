import { describe, expect, test, vi } from 'vitest';

import { passOn } from './key-change';
import { vaultStatus } from './settings-test-kit';

describe('passOn: main’s answer to a passphrase or key change', () => {
  test('a new recovery key: the status, then the key to be shown once; says so', () => {
    const onchanged = vi.fn();
    const onrecoverykey = vi.fn();
    const status = vaultStatus();
    expect(passOn({ status, recoveryKey: 'AAAA-BBBB' }, { onchanged, onrecoverykey })).toBe(true);
    expect(onchanged).toHaveBeenCalledWith(status);
    expect(onrecoverykey).toHaveBeenCalledWith('AAAA-BBBB');
  });

  test('none: only the status', () => {
    const onchanged = vi.fn();
    const onrecoverykey = vi.fn();
    expect(passOn({ status: vaultStatus(), recoveryKey: null }, { onchanged, onrecoverykey })).toBe(false);
    expect(onchanged).toHaveBeenCalledOnce();
    expect(onrecoverykey).not.toHaveBeenCalled();
  });
});
