import { createInterface } from 'node:readline';

import type { Credential } from '../credential';
import type { Keychain } from '../keychain';
import { createVaultService, type VaultService, type VaultServiceOptions } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';

/**
 * The start every kill -9 child shares (the loops in *kill-loop.ts read it
 * through kill-harness.ts): print "ready" once loaded, wait for a "go" line on
 * stdin (so the parent can start the next child while this one runs), open
 * the vault, print "open", run the child's work, then stay alive until the
 * kill — a child that ends by itself is a failure to the loops. A failure
 * prints "<name> failed: <stack>" on stderr and exits 1.
 *
 * On Linux, writes to a pipe from process.stdout are synchronous, so a line
 * is in the pipe before the next operation starts.
 */
export interface KillChild {
  /** Names the child in its failure line. */
  name: string;
  /** The vault service's options; a fake keychain that holds the key unless one is given. */
  vault: Omit<VaultServiceOptions, 'keychain'> & { keychain?: Keychain };
  /** Words the "go" line must carry after "go" (the rewrap child's passphrase); none by default. */
  goWords?: number;
  /** How to unlock, from the words after "go"; the keychain by default. */
  credential?: (go: readonly string[]) => Credential;
  /** Runs after "open"; may loop until the kill. */
  work?: (vault: VaultService, go: readonly string[]) => Promise<void>;
}

export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The words after "go" on the first stdin line that is "go" followed by exactly `words` words. */
const waitForGo = (words: number): Promise<string[]> =>
  new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      const [word, ...rest] = line.trim().split(' ');
      if (word === 'go' && rest.length === words && rest.every(Boolean)) {
        lines.close();
        resolve(rest);
      }
    });
  });

const run = async (child: KillChild): Promise<void> => {
  say('ready');
  const go = await waitForGo(child.goWords ?? 0);
  const vault = createVaultService({ ...child.vault, keychain: child.vault.keychain ?? createFakeKeychain() });
  await vault.unlock(child.credential?.(go) ?? { method: 'keychain' });
  say('open');
  await child.work?.(vault, go);
  // Stay alive until the kill: the loops treat a child that ends by itself as a failure.
  setInterval(() => undefined, 60_000);
};

export const runKillChild = (child: KillChild): void => {
  run(child).catch((error: unknown) => {
    process.stderr.write(`${child.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
};
