/**
 * Stands in for the preload in the browser harness: the same `window.attune`
 * shape (built by the same buildApi), but each call goes over loopback HTTP to
 * the harness, which runs the real main-process handler table in Node.
 */
import { buildApi } from '../../src/shared/ipc/attune-api';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../src/shared/ipc/channel-names';

const windowKind = (): string => {
  const route = location.hash.replace(/^#/, '');
  if (route.startsWith('app')) return 'app';
  if (route.startsWith('pause')) return 'pause';
  return 'popover';
};

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const events = new EventSource('/__harness/events');
for (const name of EVENT_NAMES) {
  events.addEventListener(name, (message) => {
    const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });
}

window.attune = buildApi(
  CHANNEL_NAMES,
  EVENT_NAMES,
  async (channel, request) => {
    const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-attune-window': windowKind() },
      // undefined is not JSON: send a wrapper so "no payload" survives the trip.
      body: JSON.stringify({ payload: request }),
    });
    return response.json();
  },
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
);
