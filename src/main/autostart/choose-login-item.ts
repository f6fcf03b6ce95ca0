import { loginItemMechanism, type LoginItemPort } from './login-item';
import { attuneAutostartEntry, autostartCommand, autostartPath, xdgAutostartLoginItem } from './xdg-autostart';

export interface LoginItemContext {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  execPath: string;
  isPackaged: boolean;
  appPath: string;
  /** Electron's app.setLoginItemSettings, for macOS and Windows. */
  electron: LoginItemPort;
}

/** Pure: the way this platform starts apps at login (an XDG autostart file on Linux), or null where there is none. */
export const chooseLoginItem = (context: LoginItemContext): LoginItemPort | null => {
  switch (loginItemMechanism(context.platform)) {
    case 'electron-login-item':
      return context.electron;
    case 'xdg-autostart':
      return xdgAutostartLoginItem({
        path: autostartPath(context.env, context.home),
        entry: attuneAutostartEntry(autostartCommand(context)),
      });
    case 'none':
      return null;
  }
};
