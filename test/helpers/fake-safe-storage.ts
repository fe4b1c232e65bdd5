/**
 * Stand-ins for the app's settings dependencies in tests: Electron's safeStorage (reversible, and unlike its input:
 * every byte inverted, behind a marker), and the settings and key stores over a temp data folder with it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeychainKeyStore, type KeychainKeyStore, type SafeStorageLike } from '../../src-main/main/keychain-key-store';
import { createSettingsStore, type SettingsStore } from '../../src-main/main/settings-store';

export const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.concat([Buffer.from('ENC1'), Buffer.from(text, 'utf8').map((b) => b ^ 0xff)]),
  decryptString: (data) => {
    if (data.subarray(0, 4).toString() !== 'ENC1') throw new Error('cannot decrypt');
    return Buffer.from(data.subarray(4).map((b) => b ^ 0xff)).toString('utf8');
  },
});

export interface SettingsDeps {
  readonly dataDir: string;
  readonly settings: SettingsStore;
  readonly keys: KeychainKeyStore;
}

/** Settings and key stores in `dataDir` (default: a new temp folder), with the fake keychain. */
export function settingsDeps(dataDir = mkdtempSync(join(tmpdir(), 'anonymiser-settings-')), storage = fakeSafeStorage()): SettingsDeps {
  return { dataDir, settings: createSettingsStore(dataDir), keys: createKeychainKeyStore(dataDir, storage) };
}
