import { describe, expect, test } from 'vitest';

import { errorCopy, settingsCopy } from '../../../../shared/copy';
import { replaceKeyProblem } from './replace-key-problem';

const k = settingsCopy.privacy.newKey;

describe('replaceKeyProblem', () => {
  test('a full disk and waiting snapshot damage are said for this action, nothing to retype', () => {
    expect(replaceKeyProblem({ code: 'disk-full', message: errorCopy['disk-full'] })).toEqual({ text: k.diskFull, retype: false });
    expect(replaceKeyProblem({ code: 'vault-damaged', message: errorCopy['vault-damaged'] })).toEqual({ text: k.held, retype: false });
  });

  test.each(['wrong-passphrase', 'passphrase-malformed', 'too-many-attempts'] as const)(
    '%s: main’s words, and the passphrase again',
    (code) => {
      expect(replaceKeyProblem({ code, message: 'main says' })).toEqual({ text: 'main says', retype: true });
    },
  );

  test('anything else: main’s calm words as they are', () => {
    expect(replaceKeyProblem({ code: 'history-older', message: errorCopy['history-older'] })).toEqual({
      text: errorCopy['history-older'],
      retype: false,
    });
  });
});
