import type { DevicesStatus, OtherDevice } from './devices-model';

/** Main's answers for Settings › Devices in component tests: sync off, and one other computer with nothing noticed. */
export const devicesStatus = (over: Partial<DevicesStatus> = {}): DevicesStatus => ({
  state: 'off',
  folder: null,
  deviceName: null,
  devices: [],
  ownWaiting: 0,
  lastPassAt: null,
  movedToOwnId: false,
  linked: false,
  ...over,
});

export const otherDevice = (over: Partial<OtherDevice> = {}): OtherDevice => ({
  deviceId: 'a'.repeat(32),
  name: 'Desktop',
  folder: 'listed',
  waiting: [],
  backwards: false,
  pending: 0,
  unreadable: 0,
  notOurs: 0,
  held: 0,
  needsKey: [],
  final: false,
  lastSeenAt: null,
  manyDeleted: null,
  ...over,
});
