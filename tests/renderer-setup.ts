import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';

import { afterEach, beforeEach, vi } from 'vitest';

import { devicesStatus } from '../src/renderer/src/views/devices/devices-test-kit';
import { buildApi } from '../src/shared/ipc/attune-api';
import { CHANNEL_NAMES, EVENT_NAMES } from '../src/shared/ipc/channel-names';
import { DEFAULT_SETTINGS } from '../src/shared/settings-schema';

/**
 * The bridge stand-in for component tests (the preload is the Electron
 * boundary). Each test can set answers per channel with `bridgeAnswers` and
 * read `bridgeCalls`; events are fired with `emitBridgeEvent`.
 */
type Answer = (request: unknown) => unknown;
export const bridgeCalls: [string, unknown][] = [];
export const bridgeAnswers = new Map<string, Answer>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

/** Answers shaped like the real ones for channels most components ask on mount. */
const defaultAnswers: Record<string, Answer> = {
  'settings.get': () => ({ ok: true, value: structuredClone(DEFAULT_SETTINGS) }),
  'checkin.followUp': () => ({ ok: true, value: { checkIn: null } }),
  'checkin.suggestions': () => ({ ok: true, value: { scores: [], explanations: [] } }),
  'vault.incidents': () => ({ ok: true, value: [] }),
  'devices.status': () => ({ ok: true, value: devicesStatus() }),
  'devices.addedElsewhere': () => ({ ok: true, value: { entries: [] } }),
  'vault.status': () => ({
    ok: true,
    value: {
      state: 'unlocked',
      methods: { keychain: false, passphrase: true, recovery: false },
      keychainAvailable: false,
      entryCount: 0,
      problems: [],
      recoveredFiles: 0,
    },
  }),
};

export const emitBridgeEvent = (event: string, payload: unknown): void => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

beforeEach(() => {
  bridgeCalls.length = 0;
  bridgeAnswers.clear();
  listeners.clear();
  window.attune = buildApi(
    CHANNEL_NAMES,
    EVENT_NAMES,
    async (channel, request) => {
      bridgeCalls.push([channel, request]);
      const answer = bridgeAnswers.get(channel) ?? defaultAnswers[channel];
      return answer ? answer(request) : { ok: true, value: null };
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
});

afterEach(() => {
  vi.useRealTimers();
});
