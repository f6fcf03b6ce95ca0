import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { useEnglishNow } from '../../shared/i18n/english-now';
import { loadNamespaces } from '../../shared/i18n/load-messages';
import { useMessageSource } from '../../shared/i18n/messages';
import type { Contract } from '../../shared/ipc/contract';
import { RECOVERY_CLIPBOARD_CLEAR_MS, recoveryKeyContract } from '../../shared/ipc/recovery-key-contract';
import { createMemoryLogger } from '../log/logger';
import { makeVault, manualClock, vaultDirIn } from '../vault/testing/vault-fixtures';
import type { VaultService } from '../vault/vault-service';
import type { CallContext } from './call-context';
import { createDispatch, type Dispatch, type HandlerTable } from './dispatch';
import { gateWhileLocked } from './locked-gate';
import { type ClipboardPort, RecoveryClipboard } from './recovery-clipboard';
import { createRecoveryKeyHandlers } from './recovery-key-handlers';

/** Copy and save the recovery key through the real dispatcher: main's own key only, never text from the page. */
const app: CallContext = { window: 'app' };
const tempDir = useTempDirs();
let root: string;
let vault: VaultService;
let dispatch: Dispatch;
let chosen: string | null;
let suggested: string[];
let recoveryClipboard: RecoveryClipboard;

/** A clipboard that records, and that another app can write to. */
const clipboard = { text: '', writes: [] as string[], clears: 0 };
const clipboardPort: ClipboardPort = {
  writeText: async (text) => {
    clipboard.text = text;
    clipboard.writes.push(text);
  },
  readText: async () => clipboard.text,
  clear: () => {
    clipboard.text = '';
    clipboard.clears += 1;
  },
};

/** A fake clock: timers wait until the test moves time on. */
const timers = new Map<number, { due: number; run: () => void }>();
let now = 0;
let seq = 0;
const timer = {
  setTimeout: (run: () => void, delayMs: number) => {
    seq += 1;
    timers.set(seq, { due: now + delayMs, run });
    return seq;
  },
  clearTimeout: (handle: unknown) => void timers.delete(handle as number),
};
const advance = async (ms: number): Promise<void> => {
  now += ms;
  for (const [id, { due, run }] of [...timers]) {
    if (due > now) continue;
    timers.delete(id);
    run();
  }
  // The clear reads the clipboard first (a promise): let it finish.
  await new Promise((resolve) => setTimeout(resolve, 0));
};

const call = async (channel: string, payload?: unknown) => (await dispatch(channel, payload, app)) as Record<string, unknown>;
const setUpWithKey = async (): Promise<string> => {
  const { recoveryKey } = await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: true });
  return recoveryKey as string;
};

beforeEach(() => {
  root = tempDir();
  vault = makeVault(root, { clock: manualClock() });
  chosen = join(root, 'kept', 'my-key.txt');
  suggested = [];
  recoveryClipboard = new RecoveryClipboard(clipboardPort, timer);
  const handlers = createRecoveryKeyHandlers(vault, {
    clipboard: recoveryClipboard,
    dialog: { chooseSavePath: async (name) => (suggested.push(name), chosen) },
  });
  dispatch = createDispatch(recoveryKeyContract, handlers, createMemoryLogger());
  Object.assign(clipboard, { text: '', writes: [], clears: 0 });
  timers.clear();
  now = 0;
});
afterEach(async () => {
  await vault.close();
});

describe('vault.copyRecoveryKey', () => {
  it('puts the waiting key on the clipboard, and clears it a minute later while it is still the key', async () => {
    const key = await setUpWithKey();
    expect(await call('vault.copyRecoveryKey')).toEqual({ ok: true, value: null });
    expect(clipboard.text).toBe(key);
    await advance(RECOVERY_CLIPBOARD_CLEAR_MS - 1);
    expect(clipboard.text).toBe(key);
    await advance(1);
    expect(clipboard.text).toBe('');
    expect(clipboard.clears).toBe(1);
  });

  it('leaves the clipboard alone when the person copied something else since', async () => {
    await setUpWithKey();
    await call('vault.copyRecoveryKey');
    clipboard.text = 'a shopping list';
    await advance(RECOVERY_CLIPBOARD_CLEAR_MS);
    expect(clipboard.text).toBe('a shopping list');
    expect(clipboard.clears).toBe(0);
  });

  it('a second copy starts the minute again, with one clear', async () => {
    await setUpWithKey();
    await call('vault.copyRecoveryKey');
    await advance(RECOVERY_CLIPBOARD_CLEAR_MS / 2);
    await call('vault.copyRecoveryKey');
    await advance(RECOVERY_CLIPBOARD_CLEAR_MS / 2);
    expect(clipboard.clears).toBe(0);
    await advance(RECOVERY_CLIPBOARD_CLEAR_MS / 2);
    expect(clipboard.clears).toBe(1);
    expect(timers.size).toBe(0);
  });

  it('when Attune quits within the minute, the key leaves the clipboard then (and only if it is still the key)', async () => {
    await setUpWithKey();
    await call('vault.copyRecoveryKey');
    await recoveryClipboard.clearNow();
    expect(clipboard.text).toBe('');
    expect(timers.size).toBe(0);
    await call('vault.copyRecoveryKey');
    clipboard.text = 'the person’s own text';
    await recoveryClipboard.clearNow();
    expect(clipboard.text).toBe('the person’s own text');
    // Nothing copied since: quitting touches nothing.
    await recoveryClipboard.clearNow();
    expect(clipboard.clears).toBe(1);
  });

  it('copies nothing when no key is waiting (no history yet, or the key already kept)', async () => {
    expect(await call('vault.copyRecoveryKey')).toMatchObject({ ok: false, error: { code: 'vault-not-set-up' } });
    const key = await setUpWithKey();
    await vault.keepRecoveryKey(key);
    expect(await call('vault.copyRecoveryKey')).toMatchObject({ ok: false, error: { code: 'recovery-key-gone' } });
    expect(clipboard.writes).toEqual([]);
    expect(timers.size).toBe(0);
  });
});

describe('vault.saveRecoveryKey', () => {
  it('writes the key and one line saying what it is, readable by the owner only, and keeps the key', async () => {
    const key = await setUpWithKey();
    mkdirSync(join(root, 'kept'));
    const result = await call('vault.saveRecoveryKey');
    expect(result).toMatchObject({ ok: true, value: { saved: true, path: chosen, status: { methods: { recovery: true } } } });
    expect(suggested).toEqual(['attune-recovery-key.txt']);
    const text = readFileSync(chosen as string, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^Attune recovery key\./);
    expect(text).toContain(key);
    expect(statSync(chosen as string).mode & 0o777).toBe(0o600);
    // Kept: it opens the history, and there is nothing left waiting to copy or save.
    await vault.lock();
    expect(await vault.unlock({ method: 'recovery', recoveryKey: key })).toMatchObject({ state: 'unlocked' });
    expect(await call('vault.saveRecoveryKey')).toMatchObject({ ok: false, error: { code: 'recovery-key-gone' } });
  });

  it('says what the file is in the language chosen when it is saved', async () => {
    const key = await setUpWithKey();
    mkdirSync(join(root, 'kept'));
    useMessageSource({ locale: 'de', catalogue: await loadNamespaces('de', ['vault']) });
    try {
      expect(await call('vault.saveRecoveryKey')).toMatchObject({ ok: true });
    } finally {
      useEnglishNow();
    }
    const [first, , second] = readFileSync(chosen as string, 'utf8').split('\n');
    expect(first).toMatch(/^Wiederherstellungsschlüssel für Attune\./);
    expect(second).toBe(key);
  });

  it('cancelling the dialog writes nothing and keeps nothing', async () => {
    await setUpWithKey();
    chosen = null;
    expect(await call('vault.saveRecoveryKey')).toEqual({ ok: true, value: { saved: false } });
    expect((await vault.status()).methods.recovery).toBe(false);
  });

  it('never into the vault folder, and a folder that is not there keeps nothing', async () => {
    await setUpWithKey();
    chosen = join(vaultDirIn(root), 'key.txt');
    expect(await call('vault.saveRecoveryKey')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(existsSync(chosen)).toBe(false);
    chosen = join(root, 'not-there', 'key.txt');
    expect(await call('vault.saveRecoveryKey')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await vault.status()).methods.recovery).toBe(false);
  });

  it('shows no dialog when no key is waiting', async () => {
    await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    expect(await call('vault.saveRecoveryKey')).toMatchObject({ ok: false, error: { code: 'recovery-key-gone' } });
    expect(suggested).toEqual([]);
  });
});

describe('the recovery key channels', () => {
  it('refuse any payload: the page names no key, no text and no path', async () => {
    await setUpWithKey();
    const bad: Array<[string, unknown]> = [
      ['vault.copyRecoveryKey', { text: 'anything I like' }],
      ['vault.copyRecoveryKey', 'anything I like'],
      ['vault.saveRecoveryKey', { path: join(root, 'x.txt') }],
      ['vault.saveRecoveryKey', { recoveryKey: 'AAAA-BBBB' }],
    ];
    for (const [channel, payload] of bad)
      expect(await call(channel, payload), channel).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(clipboard.writes).toEqual([]);
    expect(suggested).toEqual([]);
  });

  it('are closed while Attune is locked', async () => {
    await setUpWithKey();
    const handlers = createRecoveryKeyHandlers(vault, { clipboard: recoveryClipboard, dialog: { chooseSavePath: async () => chosen } });
    const gated = gateWhileLocked(handlers as unknown as HandlerTable<Contract>, () => vault.isLocked);
    const locked = createDispatch(recoveryKeyContract, gated as never, createMemoryLogger());
    await vault.lock();
    for (const channel of ['vault.copyRecoveryKey', 'vault.saveRecoveryKey'])
      expect(await locked(channel, undefined, app), channel).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    expect(clipboard.writes).toEqual([]);
  });
});

describe('vault.makeRecoveryKey', () => {
  it('makes a key for an open history with none: it waits, then copy and save use it, and it opens the history once kept', async () => {
    await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    const made = await call('vault.makeRecoveryKey');
    const key = (made as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect((await vault.status()).methods.recovery).toBe(false);
    await call('vault.copyRecoveryKey');
    expect(clipboard.text).toBe(key);
    await vault.keepRecoveryKey(key);
    await vault.lock();
    expect(await vault.unlock({ method: 'recovery', recoveryKey: key })).toMatchObject({ state: 'unlocked' });
  });

  it('after erase, and a new set-up without a key, there is nothing to copy', async () => {
    await setUpWithKey();
    await vault.erase();
    expect(await call('vault.copyRecoveryKey')).toMatchObject({ ok: false, error: { code: 'vault-not-set-up' } });
    await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    expect(await call('vault.copyRecoveryKey')).toMatchObject({ ok: false, error: { code: 'recovery-key-gone' } });
  });

  it('is refused while locked: making one wraps the open history’s key', async () => {
    await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    await vault.lock();
    expect(await call('vault.makeRecoveryKey')).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    expect(await call('vault.makeRecoveryKey', { recoveryKey: 'mine' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
