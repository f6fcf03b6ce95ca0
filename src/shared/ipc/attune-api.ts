import type { Channel, RequestOf, ResponseOf } from './contract';
import type { EventName, EventPayload } from './event-contract';
import type { IpcResult } from './result';

/** The `window.attune` object the preload exposes: `attune.settings.get()` for channel `settings.get`. */
type Namespace<C extends string> = C extends `${infer NS}.${string}` ? NS : never;
type Method<C extends string, NS extends string> = C extends `${NS}.${infer M}` ? M : never;

export type ChannelFunction<C extends Channel> = [RequestOf<C>] extends [undefined]
  ? () => Promise<IpcResult<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

export type Unsubscribe = () => void;

/** `popover.shown` → `onPopoverShown`. */
type EventMethod<E extends string> = E extends `${infer A}.${infer B}` ? `on${Capitalize<A>}${Capitalize<B>}` : never;

export type AttuneEvents = {
  [E in EventName as EventMethod<E>]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

export type AttuneApi = {
  [NS in Namespace<Channel>]: { [C in Channel as Method<C, NS>]: ChannelFunction<C> };
} & { events: AttuneEvents };

/** Pure: `popover.shown` → `onPopoverShown`; shared by the preload and the test bridge. */
export const eventMethodName = (event: string): string => {
  const [a = '', b = ''] = event.split('.');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `on${cap(a)}${cap(b)}`;
};

/** Pure: builds the nested api object from a flat list of names; shared by the preload and the test bridge. */
export const buildApi = (
  channels: readonly string[],
  events: readonly string[],
  invoke: (channel: string, request: unknown) => Promise<unknown>,
  subscribe: (event: string, listener: (payload: unknown) => void) => Unsubscribe,
): AttuneApi => {
  const api: Record<string, Record<string, unknown>> = { events: {} };
  for (const name of channels) {
    const [ns, method] = name.split('.') as [string, string];
    api[ns] ??= {};
    (api[ns] as Record<string, unknown>)[method] = (request?: unknown) => invoke(name, request);
  }
  for (const event of events) {
    (api.events as Record<string, unknown>)[eventMethodName(event)] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  }
  return api as unknown as AttuneApi;
};
