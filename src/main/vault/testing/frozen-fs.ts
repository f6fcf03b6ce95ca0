import { type FsPort, nodeFs } from '../../fs/fs-port';

/**
 * A crash at one exact point, in process: the real fs until the `stopAt`-th
 * call (0-based) through the port; that call is not made (a write makes
 * half its bytes first, as a kill cut short would), and from then on every
 * call fails without touching the disk. What is on disk afterwards is what a
 * kill -9 at that point leaves, without power loss. `calls` counts the calls
 * made, so a caller knows when a run got past every point.
 */
export interface FrozenFs extends FsPort {
  readonly calls: number;
  readonly frozen: boolean;
  /** Stop at the `more`-th call from now (0: the next one): for a crash within one step after a setup that ran on this port. */
  arm(more: number): void;
}

export const frozenFs = (firstStop = Number.POSITIVE_INFINITY): FrozenFs => {
  let stopAt = firstStop;
  let calls = 0;
  let frozen = false;
  const killed = (): Error => new Error('killed (frozen-fs)');
  const step = (): boolean => {
    if (frozen) return false;
    if (calls === stopAt) {
      frozen = true;
      return false;
    }
    calls += 1;
    return true;
  };
  const port = {} as FsPort;
  for (const name of Object.keys(nodeFs) as Array<keyof FsPort>) {
    const real = nodeFs[name] as (...args: unknown[]) => unknown;
    (port as unknown as Record<string, unknown>)[name] = (...args: unknown[]): unknown => {
      const isWrite = name === 'write' || name === 'writeSync';
      const halfWrite = isWrite && !frozen && calls === stopAt;
      if (!step()) {
        if (halfWrite) {
          const [fd, buffer, offset, length, position] = args as [number, Buffer, number, number, number];
          nodeFs.writeSync(fd, buffer, offset, Math.floor(length / 2), position);
        }
        if (name.endsWith('Sync')) throw killed();
        return Promise.reject(killed());
      }
      return real(...args);
    };
  }
  // defineProperties, not Object.assign: the counts must be read live, not copied once.
  return Object.defineProperties(port, {
    calls: { get: () => calls },
    frozen: { get: () => frozen },
    arm: { value: (more: number) => void (stopAt = calls + more) },
  }) as FrozenFs;
};
