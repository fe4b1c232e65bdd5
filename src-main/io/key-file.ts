/**
 * The project key file: a new one is 32 random bytes written as a small JSON text, mode 0600, created atomically and
 * never over an existing file; reading one validates it strictly and warns when other users can read it. No error
 * or warning ever contains the key material.
 */
import { readFile, stat } from 'node:fs/promises';
import { KEY_BYTES, KeyedHash, randomKeyBytes } from '../../shared/transform/keyed-hash';
import { createAtomicNewFile, writeAndCommit } from './atomic-file';
import { InputError } from './input-error';
import { describeFsError } from './text-input';

export const KEY_FILE_FORMAT = 'support-export-anonymiser-key';
export const KEY_FILE_VERSION = 1;
/** A key file is about 100 bytes; anything much larger is some other file given by mistake. */
const MAX_KEY_FILE_BYTES = 4096;
const BASE64URL_KEY = /^[A-Za-z0-9_-]{43}$/;

/** A new random key and the text of its key file (which holds the key: handle it as the key itself). */
export function newKeyFileText(): { readonly key: KeyedHash; readonly text: string } {
  const bytes = randomKeyBytes();
  const key = new KeyedHash(bytes);
  const text = `${JSON.stringify({ format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, key: Buffer.from(bytes).toString('base64url') })}\n`;
  bytes.fill(0);
  return { key, text };
}

/** Writes a new random key to `path` (never over an existing file) and returns its fingerprint. */
export async function writeNewKeyFile(path: string): Promise<{ fingerprint: string }> {
  const { key, text } = newKeyFileText();
  await writeAndCommit(await createAtomicNewFile(path, 'a key file'), new TextEncoder().encode(text));
  return { fingerprint: key.fingerprint() };
}

export interface ReadKeyFileOptions {
  /** Called with one line when the file is readable by group or others (POSIX); the key is still used. */
  onWarning?: (message: string) => void;
}

/** Reads and strictly validates a key file. */
export async function readKeyFile(path: string, options: ReadKeyFileOptions = {}): Promise<KeyedHash> {
  return (await readKeyFileText(path, options)).key;
}

/** Reads and strictly validates a key file, and returns its text too (to keep it elsewhere, e.g. in the keychain). */
export async function readKeyFileText(path: string, options: ReadKeyFileOptions = {}): Promise<{ readonly key: KeyedHash; readonly text: string }> {
  const fail = (error: unknown): never => {
    throw error instanceof InputError ? error : new InputError(describeFsError(error), path);
  };
  const { mode, size, isFile } = await stat(path).then((s) => ({ mode: s.mode, size: s.size, isFile: s.isFile() }), fail);
  if (!isFile) throw new InputError('not a regular file', path);
  if (size > MAX_KEY_FILE_BYTES) throw new InputError(`not a key file (${size} bytes; a key file has about 100)`, path);
  const text = await readFile(path, 'utf8').catch(fail);
  const key = parseKeyFileText(text, path);
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    options.onWarning?.(`${path}: the key file can be read by other users (mode ${octal}); restrict it with: chmod 600 ${path}`);
  }
  return { key, text };
}

/** Validates the text of a key file. Messages describe what is wrong, never the key text itself. */
export function parseKeyFileText(text: string, path: string): KeyedHash {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // the parser's message quotes the text, which may hold the key: say only what is wrong
    throw new InputError('not a key file: not valid JSON', path);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InputError('not a key file: not a JSON object', path);
  const { format, version, key, ...rest } = json as Record<string, unknown>;
  if (format !== KEY_FILE_FORMAT) throw new InputError(`not a key file: "format" must be "${KEY_FILE_FORMAT}"`, path);
  if (version !== KEY_FILE_VERSION) {
    throw new InputError(`unsupported key file version (this version of anonymise reads version ${KEY_FILE_VERSION})`, path);
  }
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new InputError(`not a key file: unknown member ${JSON.stringify(unknown[0]!.slice(0, 40))}`, path);
  if (typeof key !== 'string') throw new InputError('not a key file: "key" must be a string', path);
  const bytes = BASE64URL_KEY.test(key) ? Buffer.from(key, 'base64url') : undefined;
  // re-encoding catches a last character with stray low bits: each key has exactly one spelling
  if (bytes === undefined || bytes.length !== KEY_BYTES || bytes.toString('base64url') !== key) {
    throw new InputError(`damaged key file: "key" must be ${KEY_BYTES} bytes in base64url (43 characters of A-Z a-z 0-9 - _)`, path);
  }
  const hash = new KeyedHash(bytes);
  bytes.fill(0);
  return hash;
}

