import { ipcMain, type IpcMainInvokeEvent } from 'electron';

import { type CallContext, identifySender, type WindowKind } from '../ipc/call-context';
import type { Dispatch } from '../ipc/dispatch';

/**
 * Registers exactly the contract's channels with ipcMain.handle. The sender is
 * identified from the event (known window, top frame, our origin) before the
 * dispatcher validates anything; the renderer never gets the event object.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export const registerIpc = (
  channels: readonly string[],
  dispatch: Dispatch,
  knownWindows: ReadonlyMap<number, WindowKind>,
  allowedOrigins: readonly string[],
): void => {
  const contextOf = (event: IpcMainInvokeEvent): CallContext | null => {
    const frame = event.senderFrame;
    if (!frame) return null;
    return identifySender(
      { id: event.sender.id, frameUrl: frame.url, isMainFrame: frame === event.sender.mainFrame },
      knownWindows,
      allowedOrigins,
    );
  };
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, payload, contextOf(event)));
  }
};
