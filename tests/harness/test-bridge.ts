/**
 * Stands in for the preload in the browser harness: the same `window.attune`
 * shape (built by the same buildApi), but each call goes over loopback HTTP to
 * the harness, which runs the real composition root in Node. Every route sits
 * under the run's token, the first segment of this page's path.
 */
import { buildApi } from '../../src/shared/ipc/attune-api';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../src/shared/ipc/channel-names';

const base = location.pathname.replace(/\/(index\.html)?$/, '');
const windowOf = (): { kind: string; view: string } => {
  const route = location.hash.replace(/^#/, '');
  const kind = route.startsWith('app') ? 'app' : route.startsWith('pause') ? 'pause' : 'popover';
  return { kind, view: kind === 'app' ? (route.split('/')[1] ?? '') : '' };
};

const listeners = new Map<string, Set<(payload: unknown) => void>>();
// One stream per page: the harness routes each window's messages to the pages showing that window.
// A test may move a page to another window's route in place (a hash change): the stream follows.
let shown = windowOf();
const connect = (): EventSource => {
  const source = new EventSource(`${base}/__harness/events?window=${shown.kind}&view=${encodeURIComponent(shown.view)}`);
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  }
  return source;
};
let events = connect();
addEventListener('hashchange', () => {
  const next = windowOf();
  if (next.kind === shown.kind) return;
  shown = next;
  events.close();
  events = connect();
});

window.attune = buildApi(
  CHANNEL_NAMES,
  EVENT_NAMES,
  async (channel, request) => {
    const response = await fetch(`${base}/__ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-attune-window': shown.kind },
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
