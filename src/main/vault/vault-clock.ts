/** Where "now" and the local UTC offset come from; tests pass a hand-moved clock. */
export interface VaultClock {
  now(): number;
  /** Minutes east of UTC at that instant (e.g. +60 in CET). */
  offsetMinutes(at: number): number;
}

// `|| 0` turns the -0 that negating a zero offset gives (UTC) into 0: JSON would store "0" and equality would differ.
export const systemVaultClock: VaultClock = { now: () => Date.now(), offsetMinutes: (at) => -new Date(at).getTimezoneOffset() || 0 };
