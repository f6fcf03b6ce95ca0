import { app, BrowserWindow, dialog } from 'electron';

import type { FolderDialogPort } from '../ipc/devices-handlers';

/** The system's own folder picker, attached to the window in front, starting in the home folder (where Dropbox and the like live). */
export const electronFolderDialog: FolderDialogPort = {
  async chooseFolder() {
    const options = { defaultPath: app.getPath('home'), properties: ['openDirectory' as const, 'createDirectory' as const] };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};
