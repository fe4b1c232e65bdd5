/**
 * The one file that touches `ipcMain`. `registerHandlers` registers every channel of the contract with
 * `ipcMain.handle`, passing each call through the pure dispatcher (./ipc-dispatcher): sender frame checked (main
 * frame of the app origin only), payload validated, result returned as `{ ok, value }` or `{ ok: false, error }`.
 * `sendEvent` is the typed way to push a contract event to a window.
 */
// eslint-disable-next-line no-restricted-imports -- the one wrapper
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type ContractHandlers, type EventName, type EventPayload } from '../../shared/ipc-contract';
import { createDispatcher } from './ipc-dispatcher';

export { createDispatcher, isAppFrameUrl } from './ipc-dispatcher';

export interface RegisterDeps {
  isTrustedSender(frameUrl: string): boolean;
}

/** Registers every channel; returns a function that removes them again. */
export function registerHandlers(handlers: ContractHandlers, deps: RegisterDeps): () => void {
  const dispatch = createDispatcher(handlers, (url) => deps.isTrustedSender(url));
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (args.length > 1) {
        return Promise.resolve({ ok: false, error: { code: 'invalid', message: `${channel}: one payload at most` } });
      }
      return dispatch(channel, mainFrameUrl(event), args[0]);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** The sender's URL if it is the main frame of its window, else null (subframes and gone frames are refused). */
function mainFrameUrl(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  if (!frame || frame.processId !== main.processId || frame.routingId !== main.routingId) return null;
  return frame.url;
}

export function sendEvent<E extends EventName>(webContents: WebContents, channel: E, payload: EventPayload<E>): void {
  if (!webContents.isDestroyed()) webContents.send(channel, payload);
}
