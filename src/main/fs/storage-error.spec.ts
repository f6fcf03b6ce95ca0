import { describe, expect, test } from 'vitest';

import { AttuneError } from '../attune-error';
import { errnoCode, isDiskError, isDiskFailure, isNotFound, toStorageError, toStorageErrorOrInternal } from './storage-error';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: something`), { code });

describe('telling file-system errors apart', () => {
  test('errnoCode reads a string code and nothing else', () => {
    expect(errnoCode(errno('ENOENT'))).toBe('ENOENT');
    expect(errnoCode(Object.assign(new Error('x'), { code: 42 }))).toBeUndefined();
    expect(errnoCode(undefined)).toBeUndefined();
    expect(isNotFound(errno('ENOENT'))).toBe(true);
    expect(isNotFound(errno('EACCES'))).toBe(false);
  });

  test.each(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EACCES', 'EPERM'])('%s is a disk error, raw or mapped', (code) => {
    expect(isDiskError(errno(code))).toBe(true);
    expect(isDiskFailure(errno(code))).toBe(true);
    expect(isDiskFailure(toStorageError(errno(code)))).toBe(true);
  });

  test('other errors are not', () => {
    expect(isDiskError(errno('EIO'))).toBe(false);
    expect(isDiskFailure(new AttuneError('internal'))).toBe(false);
  });
});

describe('toStorageError: disk errors typed, every other error passed through', () => {
  test.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EFBIG', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'read-only'],
    ['EPERM', 'read-only'],
  ])('%s becomes %s, with the code as detail and the original as cause', (code, expected) => {
    const original = errno(code);
    expect(toStorageError(original)).toMatchObject({ code: expected, message: code, cause: original });
  });

  test('an AttuneError and any other error come back as they were', () => {
    const veto = new AttuneError('shortcut-taken');
    const other = errno('EIO');
    expect(toStorageError(veto)).toBe(veto);
    expect(toStorageError(other)).toBe(other);
    expect(toStorageError('not an error')).toBe('not an error');
  });
});

describe('toStorageErrorOrInternal: always an AttuneError naming the action', () => {
  test('disk errors are typed, with the action and code as detail', () => {
    const original = errno('ENOSPC');
    expect(toStorageErrorOrInternal(original, 'append to journal')).toMatchObject({
      code: 'disk-full',
      message: 'append to journal: ENOSPC',
      cause: original,
    });
    expect(toStorageErrorOrInternal(errno('EROFS'), 'write snapshot')).toMatchObject({
      code: 'read-only',
      message: 'write snapshot: EROFS',
    });
  });

  test('anything else is internal, the original kept as cause; an AttuneError stays itself', () => {
    const original = errno('EIO');
    expect(toStorageErrorOrInternal(original, 'open journal')).toMatchObject({
      code: 'internal',
      message: 'open journal failed: EIO',
      cause: original,
    });
    expect(toStorageErrorOrInternal(new Error('odd'), 'erase vault')).toMatchObject({ code: 'internal', message: 'erase vault failed' });
    const typed = new AttuneError('vault-locked');
    expect(toStorageErrorOrInternal(typed, 'anything')).toBe(typed);
  });
});
