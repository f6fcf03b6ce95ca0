import { describe, expect, test, vi } from 'vitest';

import { createMemoryLogger } from '../log/logger';
import { type GlobalShortcutPort, ShortcutManager } from './shortcut-manager';

/** A fake of Electron's globalShortcut (the Electron boundary): some accelerators are "held by another app". */
const fakePort = (takenByOthers: string[] = []) => {
  const registered = new Map<string, () => void>();
  const port: GlobalShortcutPort = {
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (takenByOthers.includes(accelerator) || registered.has(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void registered.delete(accelerator)),
  };
  return { port, registered };
};

describe('ShortcutManager', () => {
  test('registers the saved shortcut at start and presses reach the callback', () => {
    const { port, registered } = fakePort();
    const onPress = vi.fn();
    const manager = new ShortcutManager(port, onPress, createMemoryLogger());
    expect(manager.start('CommandOrControl+Alt+Space')).toEqual({ active: 'CommandOrControl+Alt+Space', taken: null });
    registered.get('CommandOrControl+Alt+Space')?.();
    expect(onPress).toHaveBeenCalledOnce();
  });

  test('a shortcut taken at start is reported, not silent', () => {
    const { port } = fakePort(['CommandOrControl+Alt+Space']);
    const manager = new ShortcutManager(port, vi.fn(), createMemoryLogger());
    expect(manager.start('CommandOrControl+Alt+Space')).toEqual({ active: null, taken: 'CommandOrControl+Alt+Space' });
  });

  test('changing to a taken shortcut keeps the old one working', () => {
    const { port, registered } = fakePort(['Alt+Shift+P']);
    const manager = new ShortcutManager(port, vi.fn(), createMemoryLogger());
    manager.start('CommandOrControl+Alt+Space');
    expect(() => manager.change('Alt+Shift+P')).toThrow(expect.objectContaining({ code: 'shortcut-taken' }));
    expect(manager.status().active).toBe('CommandOrControl+Alt+Space');
    expect([...registered.keys()]).toEqual(['CommandOrControl+Alt+Space']);
  });

  test('an invalid accelerator is refused before anything is registered', () => {
    const { port } = fakePort();
    const manager = new ShortcutManager(port, vi.fn(), createMemoryLogger());
    manager.start('CommandOrControl+Alt+Space');
    expect(() => manager.change('Q')).toThrow(expect.objectContaining({ code: 'shortcut-invalid' }));
    expect(port.register).toHaveBeenCalledTimes(1);
  });

  test('a successful change registers the new one before letting the old one go', () => {
    const { port, registered } = fakePort();
    const manager = new ShortcutManager(port, vi.fn(), createMemoryLogger());
    manager.start('CommandOrControl+Alt+Space');
    manager.change('alt+shift+k');
    expect([...registered.keys()]).toEqual(['Alt+Shift+K']);
    const order = [...vi.mocked(port.register).mock.invocationCallOrder, ...vi.mocked(port.unregister).mock.invocationCallOrder];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    manager.stop();
    expect(registered.size).toBe(0);
  });
});
