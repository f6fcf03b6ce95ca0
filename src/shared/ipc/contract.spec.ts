import { describe, expect, expectTypeOf, test } from 'vitest';

import type { AttuneApi } from './attune-api';
import { buildApi, eventMethodName } from './attune-api';
import { CHANNEL_NAMES, EVENT_NAMES } from './channel-names';
import { type Channel, contract } from './contract';
import { eventContract, type EventName } from './event-contract';
import type { IpcError } from './result';

describe('the IPC contract', () => {
  test('the preload list names exactly the contract channels and events', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(eventContract).sort());
    expectTypeOf<(typeof CHANNEL_NAMES)[number]>().toEqualTypeOf<Channel>();
    expectTypeOf<(typeof EVENT_NAMES)[number]>().toEqualTypeOf<EventName>();
  });

  test('channel names follow one scheme: namespace.camelCase', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });

  test('the bridge object has one function per channel and nothing else', async () => {
    const invoked: [string, unknown][] = [];
    const api = buildApi(
      CHANNEL_NAMES,
      EVENT_NAMES,
      async (channel, request) => {
        invoked.push([channel, request]);
        return { ok: true, value: null };
      },
      () => () => undefined,
    );
    const functions = Object.entries(api).flatMap(([ns, methods]) => Object.keys(methods as object).map((m) => `${ns}.${m}`));
    expect(functions.filter((f) => !f.startsWith('events.')).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(functions.filter((f) => f.startsWith('events.')).sort()).toEqual(EVENT_NAMES.map((e) => `events.${eventMethodName(e)}`).sort());
    await api.settings.set({ shortcut: 'Alt+K' });
    await api.app.info();
    expect(invoked).toEqual([
      ['settings.set', { shortcut: 'Alt+K' }],
      ['app.info', undefined],
    ]);
  });

  test('types: request-less channels take no argument; the result is the envelope', () => {
    expectTypeOf<AttuneApi['app']['info']>().parameters.toEqualTypeOf<[]>();
    expectTypeOf<AttuneApi['settings']['set']>().parameter(0).toHaveProperty('shortcut');
    expectTypeOf<Awaited<ReturnType<AttuneApi['ui']['closePopover']>>>().toEqualTypeOf<
      { ok: true; value: null } | { ok: false; error: IpcError }
    >();
    expectTypeOf<AttuneApi['events']['onPopoverShown']>().returns.toEqualTypeOf<() => void>();
  });
});
