import { screen } from 'electron';

import type { ScreenPort } from '../app/platform';

/** Electron's screen module behind the ScreenPort; only read after 'ready'. */
export const electronScreen: ScreenPort = {
  pointer: () => screen.getCursorScreenPoint(),
  displays: () => {
    const primary = screen.getPrimaryDisplay().id;
    return screen.getAllDisplays().map(({ id, bounds, workArea }) => ({ id, bounds, workArea, primary: id === primary }));
  },
};
