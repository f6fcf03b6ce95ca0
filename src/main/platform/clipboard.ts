import { clipboard } from 'electron';

import type { ClipboardPort } from '../ipc/recovery-clipboard';

/** The system clipboard (on Linux the regular one, not the selection). */
export const electronClipboard: ClipboardPort = {
  writeText: (text) => clipboard.writeText(text),
  readText: () => clipboard.readText(),
  clear: () => clipboard.clear(),
};
