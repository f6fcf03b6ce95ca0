/**
 * The OS keychain as the vault sees it. `platform/safe-storage-keychain.ts`
 * implements it with Electron's safeStorage; the vault never imports electron,
 * so it runs (and is tested) in plain Node.
 */
export interface Keychain {
  /**
   * True only when the OS really protects the secret: safeStorage reports
   * encryption available and, on Linux, the backend is a real keyring (not
   * `basic_text`, which is a hard-coded password and protects nothing).
   */
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(blob: Buffer): Buffer;
}

/** For start-up paths where no keychain exists at all (e.g. before the app is ready). */
export const noKeychain: Keychain = {
  isAvailable: () => false,
  encrypt: () => {
    throw new Error('No keychain on this system');
  },
  decrypt: () => {
    throw new Error('No keychain on this system');
  },
};
