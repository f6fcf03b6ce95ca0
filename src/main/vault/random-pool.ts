import { randomFillSync } from 'node:crypto';

/**
 * Random bytes for values that are public anyway (GCM IVs, entry ids),
 * drawn from a 4 KiB buffer refilled from the CSPRNG when used up. One
 * randomFillSync per ~150 appends instead of two per append: on the append
 * path those two calls were ~15% of the CPU time. Node's randomUUID caches
 * the same way. Never used for keys or salts.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

export const publicRandomBytes = (size: number): Buffer => {
  if (size > POOL_BYTES) throw new RangeError('publicRandomBytes is for small values');
  if (used + size > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  // A copy: the caller keeps its bytes, and the pool's are never handed out twice.
  const out = Buffer.from(pool.subarray(used, used + size));
  used += size;
  return out;
};
