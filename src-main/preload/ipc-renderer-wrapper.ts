/**
 * The one file that touches `ipcRenderer`: the two raw primitives `buildApi` (./build-api) is made from. Only the
 * contract's channels and events can be named, and listeners never see the IPC event object.
 */
// eslint-disable-next-line no-restricted-imports -- the one wrapper
import { ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { RawInvoke, RawOn } from './build-api';

export const invoke: RawInvoke = (channel, payload) =>
  payload === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, payload);

export const on: RawOn = (event, listener) => {
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};
