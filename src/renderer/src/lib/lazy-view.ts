import type { Component } from 'svelte';

import type { Namespace } from '../../../shared/i18n/generated/locales';
import { ensureMessages } from './messages-state.svelte';

/**
 * A screen the popover shows only sometimes (the lock screen, the recovery
 * key, the follow-up question), loaded when first needed with the messages
 * it reads, so the common first paint carries neither. Loaded once; every
 * later call gets the same component at once.
 */
export const lazyView = <Props extends Record<string, unknown>>(
  load: () => Promise<{ default: Component<Props> }>,
  namespaces: readonly Namespace[],
): (() => Promise<Component<Props>>) => {
  let loading: Promise<Component<Props>> | undefined;
  return () => {
    loading ??= Promise.all([load(), ensureMessages(namespaces)]).then(([module]) => module.default);
    // A failed load (never expected: the files are local) is tried again next time, not kept.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
};
