import { join } from 'node:path';

import { app, BrowserWindow, dialog, type FileFilter } from 'electron';

import { fileTypeCopy } from '../../shared/copy';
import type { SaveDialogPort } from '../ipc/export-handlers';

const FILTERS: Record<'json' | 'csv' | 'html' | 'txt', FileFilter> = {
  json: { name: fileTypeCopy.json, extensions: ['json'] },
  csv: { name: fileTypeCopy.csv, extensions: ['csv'] },
  html: { name: fileTypeCopy.html, extensions: ['html'] },
  txt: { name: fileTypeCopy.txt, extensions: ['txt'] },
};

/** The system's own save dialog, attached to the window in front, starting in Documents. */
export const electronSaveDialog: SaveDialogPort = {
  async chooseSavePath(suggestedName, extension) {
    const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [FILTERS[extension]] };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};
