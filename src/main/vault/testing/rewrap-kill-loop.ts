import { join } from 'node:path';

import { isAttuneError } from '../../attune-error';
import type { ScryptParams } from '../kdf';
import { createVaultService, type VaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { bundleChild, checkAcknowledged, reopenAfterKill, runKills, strayFiles } from './kill-harness';
import { checkIn } from './vault-fixtures';

/**
 * kill -9 on the passphrase-change path: a passphrase-only vault (no keychain,
 * no recovery key, so the passphrase is the only way in); a child
 * (rewrap-child.ts) changes the passphrase and appends in turn; the parent
 * kills it at random moments and after each kill checks, with the passphrases
 * alone:
 * - after an acknowledged change the NEW passphrase opens the vault and the
 *   one before it no longer does;
 * - after a change that was not acknowledged, exactly one of old and new
 *   opens it — never both, never neither;
 * - every acknowledged entry is readable; nothing is reported but a torn tail;
 * - no temp file of an interrupted rewrap outlives the next open (counted
 *   here, asserted by the callers).
 *
 * scrypt runs at N=2^10 here (the lowest a reader accepts; the cost is stored
 * in the wrap, so the code path is the same) so that most of a change is the
 * key-file write, where the kills matter.
 */
export interface RewrapLoopOptions {
  root: string;
  kills: number;
  maxWindowMs?: number;
  scrypt?: ScryptParams;
  onProgress?: (done: number, result: RewrapLoopResult) => void;
}

export interface RewrapLoopResult {
  kills: number;
  killedBeforeOpen: number;
  /** Kills between a change's start and its acknowledgement. */
  killedMidChange: number;
  /** …of which the new passphrase was the one that opened. */
  midChangeLanded: number;
  changesAcknowledged: number;
  appendsAcknowledged: number;
  /** Unlock attempts the parent made with passphrases (right and wrong). */
  passphraseChecks: number;
  tornTails: number;
  strayTempFilesMax: number;
  entriesAtEnd: number;
}

export const REWRAP_TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** Does this passphrase unlock? Leaves the service locked either way. */
const opens = async (vault: VaultService, passphrase: string): Promise<boolean> => {
  try {
    await vault.unlock({ method: 'passphrase', passphrase });
  } catch (error) {
    if (isAttuneError(error) && error.code === 'wrong-passphrase') return false;
    throw error;
  }
  await vault.lock();
  return true;
};

export const runRewrapKillLoop = async (options: RewrapLoopOptions): Promise<RewrapLoopResult> => {
  const dir = join(options.root, 'vault');
  const scrypt = options.scrypt ?? REWRAP_TEST_SCRYPT;
  const keychain = createFakeKeychain(false);
  let current = 'first-passphrase';
  const alive = new Set<string>();

  const seed = createVaultService({ dir, keychain, scrypt });
  await seed.setup({ passphrase: current, useKeychain: false, createRecoveryKey: false });
  for (let i = 0; i < 20; i += 1) alive.add((await seed.append(checkIn(`seed ${i}`))).id);
  await seed.close();

  const result: RewrapLoopResult = {
    kills: 0,
    killedBeforeOpen: 0,
    killedMidChange: 0,
    midChangeLanded: 0,
    changesAcknowledged: 0,
    appendsAcknowledged: 0,
    passphraseChecks: 0,
    tornTails: 0,
    strayTempFilesMax: 0,
    entriesAtEnd: 0,
  };

  const command = await bundleChild('rewrap-child.ts', options.root);
  const { beforeOpen } = await runKills({
    command,
    args: [dir, String(scrypt.N)],
    kills: options.kills,
    maxWindowMs: options.maxWindowMs ?? 40,
    // 0–1 acknowledged changes before the random window: kills land before, between and inside changes at any speed.
    pace: { line: /^p /, count: () => Math.floor(Math.random() * 2) },
    goLine: () => `go ${current}`,
    afterKill: async ({ index, child }) => {
      const round = `kill ${index + 1}`;
      let previous: string | undefined;
      let inFlight: string | undefined;
      for (const line of child.lines) {
        const [op, value = ''] = line.split(' ');
        if (op === 'q') inFlight = value;
        else if (op === 'p') {
          if (value !== inFlight) throw new Error(`${round}: child acknowledged a change it did not announce`);
          previous = current;
          current = value;
          inFlight = undefined;
          result.changesAcknowledged += 1;
        } else if (op === 'a') {
          alive.add(value);
          result.appendsAcknowledged += 1;
        }
      }
      result.kills += 1;

      const check = createVaultService({ dir, keychain, scrypt });
      try {
        const currentOpens = await opens(check, current);
        result.passphraseChecks += 1;
        if (inFlight !== undefined) {
          result.killedMidChange += 1;
          const nextOpens = await opens(check, inFlight);
          result.passphraseChecks += 1;
          if (currentOpens === nextOpens) {
            throw new Error(
              `${round}: after an unacknowledged change ${currentOpens ? 'both old and new passphrases open' : 'neither the old nor the new passphrase opens'} the vault`,
            );
          }
          if (nextOpens) {
            result.midChangeLanded += 1;
            current = inFlight;
          }
        } else if (!currentOpens) throw new Error(`${round}: the acknowledged passphrase does not open the vault`);
        if (previous !== undefined) {
          result.passphraseChecks += 1;
          if (await opens(check, previous)) throw new Error(`${round}: the passphrase before an acknowledged change still opens the vault`);
        }

        const { tornTails, present } = await reopenAfterKill(check, { method: 'passphrase', passphrase: current }, round);
        result.tornTails += tornTails;
        checkAcknowledged(round, present, alive);
        result.entriesAtEnd = present.size;
      } finally {
        await check.close();
      }
      result.strayTempFilesMax = Math.max(result.strayTempFilesMax, await strayFiles(dir));
      options.onProgress?.(index + 1, result);
    },
  });
  result.killedBeforeOpen = beforeOpen;
  return result;
};
