import { join } from 'node:path';

import { app, BrowserWindow, dialog, type FileFilter } from 'electron';

import { fileTypeCopy } from '../../shared/copy';
import type { SaveDialogPort } from '../ipc/export-handlers';

/** Made when the dialog opens, so the names are in the language of the moment (and not read before main has its words). */
const filterFor = (extension: 'json' | 'csv' | 'html' | 'txt'): FileFilter => ({ name: fileTypeCopy[extension], extensions: [extension] });

/** The system's own save dialog, attached to the window in front, starting in Documents. */
export const electronSaveDialog: SaveDialogPort = {
  async chooseSavePath(suggestedName, extension) {
    const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [filterFor(extension)] };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};
