import { describe, expect, test } from 'vitest';

import { type TrayMenuItem, trayMenuModel, type TrayState } from './tray-menu-model';

const base: TrayState = {
  platform: 'linux',
  activeShortcut: 'CommandOrControl+Alt+Space',
  takenShortcut: null,
  nextPauseLabel: null,
  remindersOn: false,
  pendingPause: false,
  vault: 'not-set-up',
};
const ids = (items: TrayMenuItem[]) => items.map((i) => i.id);
const byId = (items: TrayMenuItem[], id: string) => items.find((i) => i.id === id)!;

describe('trayMenuModel', () => {
  test('has every item the brief names, in order, with the shortcut shown on Check in', () => {
    const items = trayMenuModel(base);
    expect(ids(items)).toEqual([
      'check-in',
      'pause-now',
      'next-pause',
      'reminders',
      'separator',
      'history',
      'settings',
      'help',
      'separator',
      'lock',
      'quit',
    ]);
    expect(byId(items, 'check-in')).toMatchObject({ label: 'Check in now', enabled: true, accelerator: 'CommandOrControl+Alt+Space' });
    expect(byId(items, 'quit').label).toBe('Quit Attune');
  });

  test('the pause is offered as an invitation, not an instruction (copy guide: "Invite, never instruct")', () => {
    const label = byId(trayMenuModel(base), 'pause-now').label;
    expect(label).toBe('A short pause now?');
    // Neutral for anyone who glances at the menu: no feeling or health word, and no command.
    expect(label).not.toMatch(/^(take|do|start|have)\b/i);
  });

  test('before set-up there is nothing to lock; everything else is offered', () => {
    const items = trayMenuModel(base);
    expect(byId(items, 'lock').enabled).toBe(false);
    for (const id of ['pause-now', 'reminders', 'history', 'settings', 'help', 'quit']) expect(byId(items, id).enabled).toBe(true);
    expect(byId(items, 'next-pause')).toMatchObject({ label: 'Next pause: —', enabled: false });
  });

  test('Lock is offered only while the history is open', () => {
    expect(byId(trayMenuModel({ ...base, vault: 'unlocked' }), 'lock').enabled).toBe(true);
    expect(byId(trayMenuModel({ ...base, vault: 'locked' }), 'lock').enabled).toBe(false);
  });

  test('a shortcut held by another app is said in the menu, leading to Settings', () => {
    const items = trayMenuModel({ ...base, activeShortcut: null, takenShortcut: 'CommandOrControl+Alt+Space' });
    expect(byId(items, 'check-in').accelerator).toBeUndefined();
    expect(byId(items, 'fix-shortcut')).toMatchObject({ enabled: true, label: expect.stringContaining('Ctrl+Alt+Space') });
  });

  test('with pauses on: next pause time and a reminders submenu', () => {
    const items = trayMenuModel({ ...base, nextPauseLabel: 'Next pause: 14:20', remindersOn: true });
    expect(byId(items, 'next-pause').label).toBe('Next pause: 14:20');
    expect(ids(byId(items, 'reminders').submenu!)).toEqual(['reminders-1h', 'reminders-tomorrow', 'reminders-off']);
    const off = trayMenuModel({ ...base, remindersOn: false });
    expect(ids(byId(off, 'reminders').submenu!)).toEqual(['reminders-on']);
  });

  test('a pause whose notification could not be shown waits in the tray', () => {
    const items = trayMenuModel({ ...base, pendingPause: true });
    expect(items[1]).toMatchObject({ id: 'start-pending-pause', enabled: true, label: 'A minute for you — start' });
    expect(ids(trayMenuModel({ ...base, pendingPause: false }))).not.toContain('start-pending-pause');
  });

  test('when locked, help stays reachable and history does not', () => {
    const items = trayMenuModel({ ...base, vault: 'locked' });
    expect(byId(items, 'help').enabled).toBe(true);
    expect(byId(items, 'history').enabled).toBe(false);
    expect(byId(items, 'lock').enabled).toBe(false);
  });

  test('no mental-health words in anything the tray shows', () => {
    const text = JSON.stringify(trayMenuModel({ ...base, vault: 'unlocked', remindersOn: true }));
    expect(text).not.toMatch(/trauma|anxiety|stress|mental|therapy|panic|mood|feel/i);
  });
});
