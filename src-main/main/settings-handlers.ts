/**
 * The settings and project-key side of the IPC handlers (`settings:*`, `keys:*`), and what the job handlers take
 * from them: the settings' default region (which the worker applies where the profile sets none: precedence in
 * shared/transform/profile-defaults.ts), and the stored key's bytes for a run or a verification.
 *
 * Only fingerprints cross to the renderer. Key files chosen with `files:open {purpose: 'key'}` get handles from a
 * store of their own, which only `keys:import` reads: a key file's handle can never be previewed or run as an
 * export (which would show the key in the window). Errors name what is wrong, never a path or a byte of a key.
 */
import { IpcError, type ContractHandlers, type FileHandleInfo, type KeyStatus } from '../../shared/ipc-contract';
import { InputError } from '../io/input-error';
import { HandleStore } from './file-handles';
import type { KeychainKeyStore } from './keychain-key-store';
import type { SettingsStore } from './settings-store';

export interface SettingsHandlerDeps {
  readonly settings: SettingsStore;
  readonly keys: KeychainKeyStore;
}

type SettingsChannel = 'settings:get' | 'settings:set' | 'keys:status' | 'keys:create' | 'keys:import' | 'keys:destroy';

export interface SettingsHandlers {
  readonly handlers: Pick<ContractHandlers, SettingsChannel>;
  /** A handle for a key file the user picked; usable by `keys:import` only. */
  addKeyFile(path: string): Promise<FileHandleInfo>;
  /** The settings' default region, for the jobs (the worker fills it in where the profile leaves it open). */
  jobRegion(): Promise<string>;
  /** The stored key's bytes (the caller wipes them), undefined when none is stored; refuses a stored key it cannot use. */
  jobKey(): Promise<Uint8Array | undefined>;
}

const NOT_AVAILABLE = 'the OS keychain is not available here, so a key cannot be stored safely; use a key file with the command-line tool instead';
const ALREADY_STORED = 'a project key is already stored; destroy it first to replace it';

/**
 * What a store's error says, without the path its message names; an unusual file-system error's detail is Node's
 * message, whose `, open '/path'` tail is cut too. Anything but an InputError is rethrown (the dispatcher then
 * answers `internal` with a fixed message).
 */
function detailOf(error: unknown): string {
  if (error instanceof InputError) return error.detail.replace(/, [a-z]+ '.*$/s, '');
  throw error;
}

export function createSettingsHandlers({ settings, keys }: SettingsHandlerDeps): SettingsHandlers {
  const keyFiles = new HandleStore();

  const status = async (): Promise<KeyStatus> => {
    const available = keys.available();
    try {
      const key = await keys.load();
      return key ? { available, stored: true, fingerprint: key.fingerprint() } : { available, stored: false };
    } catch (error) {
      return { available, stored: true, problem: detailOf(error) };
    }
  };

  /** Stores a key made by `store`, after the checks both ways of storing one share. */
  const storeKey = async (store: () => Promise<unknown>, code: 'internal' | 'unsupported'): Promise<KeyStatus> => {
    if (!keys.available()) throw new IpcError('not-available', NOT_AVAILABLE);
    if ((await status()).stored) throw new IpcError('conflict', ALREADY_STORED);
    try {
      await store();
    } catch (error) {
      const detail = detailOf(error);
      throw new IpcError(detail.startsWith('already exists') ? 'conflict' : code, detail.startsWith('already exists') ? ALREADY_STORED : detail);
    }
    return status();
  };

  return {
    handlers: {
      'settings:get': async () => settings.read(),
      'settings:set': async (patch) => {
        try {
          return await settings.update(patch);
        } catch (error) {
          throw new IpcError('internal', `the settings could not be saved: ${detailOf(error)}`);
        }
      },
      'keys:status': status,
      'keys:create': () => storeKey(() => keys.create(), 'internal'),
      'keys:import': async ({ file }) => {
        const path = keyFiles.filePath(file);
        keyFiles.release(file);
        return storeKey(() => keys.importFile(path), 'unsupported');
      },
      'keys:destroy': async () => {
        await keys.destroy();
        return status();
      },
    },

    async addKeyFile(path) {
      try {
        return await keyFiles.addFile(path);
      } catch (error) {
        if (error instanceof IpcError && error.code === 'unsupported') {
          throw new IpcError('unsupported', 'not a key file (a key file comes from "Create key" or `anonymise key new`)');
        }
        throw error;
      }
    },

    async jobRegion() {
      return (await settings.read()).settings.defaultRegion;
    },

    async jobKey() {
      try {
        return await keys.loadBytes();
      } catch (error) {
        throw new IpcError('not-available', `the stored project key cannot be used (${detailOf(error)}); destroy it in the settings, or fix the keychain`);
      }
    },
  };
}
