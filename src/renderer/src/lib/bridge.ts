import type { AttuneApi } from '../../../shared/ipc/attune-api';

/**
 * The preload's `window.attune` (or the harness's stand-in). Components import
 * it from here so a component test can swap it in one place.
 */
export const bridge = (): AttuneApi => window.attune;
