/**
 * The desktop app's project key, kept encrypted by the OS keychain through Electron's `safeStorage` (Keychain on
 * macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) in one file of the app's data folder. The file
 * holds the key file's text encrypted; neither the key nor its text is ever written in clear, logged, or sent to the
 * renderer: the renderer sees the fingerprint only.
 *
 * `safeStorage` is passed in (the interface below), so that the store is tested in Node without Electron.
 *
 * A job that uses the key gets its 32 bytes (`loadBytes`) in its worker thread's parameters: the worker builds its
 * `KeyedHash` from them and wipes them, and the main side wipes its copy once the worker has it (ipc-handlers).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyedHash } from '../../shared/transform/keyed-hash';
import { createAtomicNewFile, writeAndCommit } from '../io/atomic-file';
import { InputError } from '../io/input-error';
import { newKeyFileText, parseKeyFileText, readKeyFileText } from '../io/key-file';
import { describeFsError } from '../io/text-input';

/** The part of Electron's `safeStorage` the store needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means no keyring was found and the "encryption" uses a hard-coded password. */
  getSelectedStorageBackend?(): string;
}

export const KEYCHAIN_KEY_FILE = 'project-key.safestorage';

export interface KeychainKeyStore {
  /** True when the OS keychain can encrypt here, so that a key can be stored. */
  available(): boolean;
  /** The stored key, or undefined when there is none. */
  load(): Promise<KeyedHash | undefined>;
  /** The stored key's bytes (a fresh copy the caller must wipe), or undefined when there is none. For job workers only. */
  loadBytes(): Promise<Uint8Array | undefined>;
  /** Makes and stores a new key; refuses when one is stored already. */
  create(): Promise<{ readonly fingerprint: string }>;
  /** Stores the key of a key file (`anonymise key new`); refuses when one is stored already. */
  importFile(path: string): Promise<{ readonly fingerprint: string }>;
  /** Removes the stored key. Pseudonyms made with it can then no longer be reproduced. */
  destroy(): Promise<void>;
}

export function createKeychainKeyStore(dataDir: string, storage: SafeStorageLike): KeychainKeyStore {
  const path = join(dataDir, KEYCHAIN_KEY_FILE);

  const available = () => storage.isEncryptionAvailable() && storage.getSelectedStorageBackend?.() !== 'basic_text';

  const requireEncryption = () => {
    if (!available()) {
      throw new InputError('the OS keychain is not available here, so the key cannot be stored safely; keep it in a key file instead', path);
    }
  };

  const store = async (text: string, key: KeyedHash) => {
    requireEncryption();
    await writeAndCommit(await createAtomicNewFile(path, 'the stored project key (destroy it first to replace it)'), storage.encryptString(text));
    return { fingerprint: key.fingerprint() };
  };

  /** The stored key file's text (handle it as the key itself), or undefined when there is none. */
  const loadText = async (): Promise<string | undefined> => {
    let encrypted: Buffer;
    try {
      encrypted = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new InputError(describeFsError(error), path);
    }
    requireEncryption();
    try {
      return storage.decryptString(encrypted);
    } catch {
      throw new InputError('the stored project key cannot be decrypted by this user account\'s keychain', path);
    }
  };

  return {
    available,
    async load() {
      const text = await loadText();
      return text === undefined ? undefined : parseKeyFileText(text, path);
    },
    async loadBytes() {
      const text = await loadText();
      if (text === undefined) return undefined;
      parseKeyFileText(text, path); // checks the text strictly: its "key" is then 32 bytes in canonical base64url
      const bytes = Buffer.from((JSON.parse(text) as { key: string }).key, 'base64url');
      const copy = Uint8Array.from(bytes);
      bytes.fill(0);
      return copy;
    },
    async create() {
      const { key, text } = newKeyFileText();
      return store(text, key);
    },
    async importFile(file) {
      const { key, text } = await readKeyFileText(file);
      return store(text, key);
    },
    async destroy() {
      await rm(path, { force: true });
    },
  };
}
