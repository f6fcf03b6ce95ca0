import { app } from 'electron';

import type { LoginItemPort } from '../autostart/login-item';

/**
 * Start at login on macOS and Windows through Electron (a login item on macOS,
 * the Run key on Windows). Linux uses the XDG autostart file instead, because
 * there this call does nothing.
 * @see https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows
 */
export const electronLoginItem: LoginItemPort = {
  // No path/args: the defaults (this executable, no arguments) are what the installed app needs,
  // and getLoginItemSettings only reports openAtLogin correctly when both calls pass the same ones.
  set: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
  // On macOS 13+ a login item the person has not approved in System Settings reads back as false,
  // which is the truth: it will not start.
  get: () => app.getLoginItemSettings().openAtLogin,
};
