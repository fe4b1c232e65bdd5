import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeyFile, writeNewKeyFile } from '../../../src-main/io/key-file';
import { createKeychainKeyStore, KEYCHAIN_KEY_FILE, type SafeStorageLike } from '../../../src-main/main/keychain-key-store';
import { fakeSafeStorage } from '../../helpers/fake-safe-storage';
import { tempDir } from '../../helpers/cli';

describe('keychain key store', () => {
  it('creates a key, loads it back, and never writes the key in clear', async () => {
    const dir = tempDir();
    const store = createKeychainKeyStore(dir, fakeSafeStorage());
    expect(await store.load()).toBeUndefined();
    const { fingerprint } = await store.create();
    expect((await store.load())?.fingerprint()).toBe(fingerprint);
    expect(readdirSync(dir)).toEqual([KEYCHAIN_KEY_FILE]);
    const stored = readFileSync(join(dir, KEYCHAIN_KEY_FILE));
    expect(stored.subarray(0, 4).toString()).toBe('ENC1');
    expect(stored.toString('latin1')).not.toMatch(/support-export-anonymiser-key|"key"/);
    expect(statSync(join(dir, KEYCHAIN_KEY_FILE)).mode & 0o077).toBe(0);
  });

  it("imports a key file, keeping its fingerprint, and refuses to replace a stored key", async () => {
    const dir = tempDir();
    const keyFile = join(tempDir(), 'project.key');
    const { fingerprint } = await writeNewKeyFile(keyFile);
    const store = createKeychainKeyStore(dir, fakeSafeStorage());
    expect(await store.importFile(keyFile)).toEqual({ fingerprint });
    expect((await store.load())?.fingerprint()).toBe((await readKeyFile(keyFile)).fingerprint());
    await expect(store.create()).rejects.toThrow(/already exists; the stored project key .* is never replaced/);
    await store.destroy();
    expect(await store.load()).toBeUndefined();
    expect((await store.create()).fingerprint).not.toBe(fingerprint);
  });

  it('refuses to store a key where the keychain cannot encrypt, and says what to do instead', async () => {
    const dir = tempDir();
    await expect(createKeychainKeyStore(dir, fakeSafeStorage(false)).create()).rejects.toThrow(/keychain is not available.*key file instead/);
    // Linux without a keyring: Electron "encrypts" with a fixed password
    const basic = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' };
    await expect(createKeychainKeyStore(dir, basic).create()).rejects.toThrow(/keychain is not available/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a stored key that this keychain cannot decrypt, without its content', async () => {
    const dir = tempDir();
    await createKeychainKeyStore(dir, fakeSafeStorage()).create();
    const other: SafeStorageLike = { ...fakeSafeStorage(), decryptString: () => { throw new Error('secret detail'); } };
    await expect(createKeychainKeyStore(dir, other).load()).rejects.toThrow(/cannot be decrypted by this user account's keychain/);
  });
});
