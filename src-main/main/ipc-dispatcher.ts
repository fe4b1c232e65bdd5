/**
 * The core of the main-side IPC wrapper, free of Electron so it is unit-testable: for one call it checks the
 * sender frame, validates the payload against the contract, runs the handler and turns the outcome into an
 * `IpcResult`. A thrown `IpcError` keeps its code and message; anything else becomes `internal` with a fixed
 * message, so no stack, path or value from user data ever reaches the renderer.
 */
import {
  IpcError,
  isChannel,
  type Channel,
  type ContractHandlers,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc-contract';
import { validatePayload } from '../../shared/ipc-validate';
import { APP_ORIGIN } from './security-policy';

/** One IPC call. `senderFrameUrl` is null when the sender is not a main frame (subframes are never trusted). */
export type Dispatch = (channel: string, senderFrameUrl: string | null, payload: unknown) => Promise<IpcResult<unknown>>;

const APP_ORIGIN_PREFIX = `${APP_ORIGIN}/`;

/** The default sender check: the frame shows a page of our own app://bundle/ origin (not a lookalike host). */
export function isAppFrameUrl(frameUrl: string): boolean {
  if (!frameUrl.startsWith(APP_ORIGIN_PREFIX)) return false;
  try {
    const url = new URL(frameUrl);
    return `${url.protocol}//${url.host}` === APP_ORIGIN && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

export function createDispatcher(handlers: ContractHandlers, isTrustedSender: (frameUrl: string) => boolean): Dispatch {
  return async (channel, senderFrameUrl, payload) => {
    if (!isChannel(channel)) return failure('invalid', 'unknown channel');
    if (senderFrameUrl === null || !isTrustedSender(senderFrameUrl)) {
      return failure('forbidden', 'the request did not come from the app window');
    }
    const checked = validatePayload(channel, payload);
    if (!checked.ok) return failure('invalid', `${channel}: ${checked.message}`);
    try {
      return { ok: true, value: await call(handlers, channel, checked.value) };
    } catch (error) {
      if (error instanceof IpcError) return failure(error.code, error.message);
      return failure('internal', `${channel} failed unexpectedly`);
    }
  };
}

function call<C extends Channel>(handlers: ContractHandlers, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const handler = handlers[channel] as (payload: RequestOf<C>) => Promise<ResponseOf<C>>;
  return handler(payload);
}
