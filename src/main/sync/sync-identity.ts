import type { KeyObject } from 'node:crypto';

import type { OwnIds } from './own-segments';

/** Who this computer is in the sync folder, and every key it can open segments with (the current one and older ones its chain reaches). */
export interface SyncIdentity extends OwnIds {
  readonly keys: ReadonlyMap<string, KeyObject>;
}
