/**
 * The one sandboxed preload. It exposes `window.attune`: one function per
 * channel in the contract and one subscribe function per event. The page never
 * sees ipcRenderer, event objects, or a way to name an arbitrary channel.
 * @see https://www.electronjs.org/docs/latest/tutorial/context-isolation
 */
import { contextBridge, ipcRenderer } from 'electron';

import { buildApi } from '../shared/ipc/attune-api';
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/ipc/channel-names';

const api = buildApi(
  CHANNEL_NAMES,
  EVENT_NAMES,
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event, listener) => {
    // Strip the IpcRendererEvent: only the payload crosses into the page.
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
);

contextBridge.exposeInMainWorld('attune', api);
