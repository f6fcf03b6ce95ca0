import { globalShortcut } from 'electron';

import type { GlobalShortcutPort } from '../shortcut/shortcut-manager';

export const electronGlobalShortcut: GlobalShortcutPort = {
  register: (accelerator, callback) => {
    try {
      return globalShortcut.register(accelerator, callback);
    } catch {
      // Electron throws on accelerators it cannot parse; that is "not registered", not a crash.
      return false;
    }
  },
  unregister: (accelerator) => globalShortcut.unregister(accelerator),
};
