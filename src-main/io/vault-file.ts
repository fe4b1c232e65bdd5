/**
 * The reversible vault: an encrypted file that maps each pseudonym back to its original, for authorised staff.
 *
 * Layout (all integers big-endian):
 *   header  "SEAVAULT" · version (1 byte) · scrypt log2(N) (1 byte) · r (4 bytes) · p (4 bytes) · salt (16 bytes)
 *   chunks  length of ciphertext+tag (4 bytes) · nonce (12 bytes) · AES-256-GCM ciphertext · tag (16 bytes)
 * Each chunk's plaintext is whole NDJSON lines {"t":TYPE,"p":PSEUDONYM,"o":ORIGINAL}. The key is
 * scrypt(passphrase, salt); each chunk's additional data is header ‖ chunk index ‖ last-chunk flag, so a chunk that
 * is changed, moved, dropped or cut off, or a file whose last chunk is missing, fails authentication. A vault always
 * ends with one chunk marked last (possibly empty).
 *
 * Writing is atomic and never replaces an existing file; reading streams one chunk at a time.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from './input-error';
import { createAtomicNewFile } from './atomic-file';
import { describeFsError } from './text-input';

const MAGIC = Buffer.from('SEAVAULT', 'latin1');
const VERSION = 1;
const SALT_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + 1 + 4 + 4 + SALT_BYTES;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Plaintext gathered before a chunk is sealed. */
const CHUNK_TARGET_BYTES = 64 * 1024;
/** The largest chunk a reader accepts (one very long entry may exceed the target), so a damaged length cannot make it allocate gigabytes. */
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
/** Entries remembered per generation to skip exact repeats (two generations, like KeyedHash's cache). */
const RECENT_ENTRIES = 32768;

export const MIN_PASSPHRASE_CHARS = 12;
/** scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s). Tests pass a lower logN. */
export const DEFAULT_SCRYPT = { logN: 15, r: 8, p: 1 } as const;

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

export interface VaultWriterOptions {
  /** scrypt cost; default DEFAULT_SCRYPT. Lower only in tests. */
  scrypt?: Partial<ScryptParams>;
}

export interface VaultEntry {
  type: string;
  original: string;
}

export interface VaultWriter {
  readonly path: string;
  /** Records one pseudonym; exact repeats of recent entries are skipped. Throws if an earlier write failed. */
  add(type: string, pseudonym: string, original: string): void;
  /** Resolves when every chunk sealed so far is written; await it between batches to bound memory. */
  drain(): Promise<void>;
  /** Seals the last chunk, flushes and puts the vault in place. */
  commit(): Promise<void>;
  /** Removes everything written; safe to call more than once. */
  abort(): Promise<void>;
}

export function assertPassphraseRules(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) {
    throw new InputError(`a vault passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters`);
  }
}

/** Starts a new vault at `path`; refuses an existing file. */
export async function createVaultWriter(path: string, passphrase: string, options: VaultWriterOptions = {}): Promise<VaultWriter> {
  assertPassphraseRules(passphrase);
  const params = { ...DEFAULT_SCRYPT, ...options.scrypt };
  checkScryptParams(params, path);
  const header = encodeHeader(params, randomBytes(SALT_BYTES));
  const key = await deriveKey(passphrase, header, params);
  const file = await createAtomicNewFile(path, 'a vault');

  let lines: string[] = [];
  let lineBytes = 0;
  let index = 0;
  let recent = new Set<string>();
  let older = new Set<string>();
  let pending: Promise<void> = file.write(header);
  let failure: unknown;
  let state: 'open' | 'done' = 'open';
  pending.catch((error: unknown) => (failure ??= error));

  const seal = (last: boolean) => {
    const chunk = sealChunk(key, header, index++, last, Buffer.from(lines.join(''), 'utf8'));
    lines = [];
    lineBytes = 0;
    pending = pending.then(() => file.write(chunk));
    pending.catch((error: unknown) => (failure ??= error));
  };

  return {
    path,
    add(type, pseudonym, original) {
      if (state !== 'open') throw new Error('add to a vault that is already committed or aborted');
      if (failure !== undefined) throw failure;
      const line = `${JSON.stringify({ t: type, p: pseudonym, o: original })}\n`;
      if (recent.has(line) || older.has(line)) return;
      if (recent.size >= RECENT_ENTRIES) {
        older = recent;
        recent = new Set();
      }
      const bytes = Buffer.byteLength(line, 'utf8');
      if (bytes > MAX_CHUNK_BYTES - TAG_BYTES) throw new InputError(`a ${type} value of ${bytes} bytes is too long for the vault`, path);
      recent.add(line);
      if (lineBytes > 0 && lineBytes + bytes > CHUNK_TARGET_BYTES) seal(false);
      lines.push(line);
      lineBytes += bytes;
    },
    drain: () => pending,
    async commit() {
      if (state !== 'open') throw new Error('commit of a vault that is already committed or aborted');
      state = 'done';
      try {
        seal(true);
        await pending;
        await file.commit();
      } catch (error) {
        await file.abort();
        throw error;
      } finally {
        key.fill(0);
      }
    },
    async abort() {
      state = 'done';
      key.fill(0);
      await pending.catch(() => undefined);
      await file.abort();
    },
  };
}

export interface VaultChunk {
  index: number;
  last: boolean;
  /** The chunk's entries, with their pseudonyms. */
  entries: { type: string; pseudonym: string; original: string }[];
  /** Bytes of the file read so far (the header and the chunks up to this one). */
  bytesRead: number;
}

/** Reads a vault one authenticated chunk at a time (memory: one chunk). Throws InputError on a wrong passphrase or any damage. */
export async function* readVaultChunks(path: string, passphrase: string): AsyncGenerator<VaultChunk> {
  assertPassphraseRules(passphrase);
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    size = stat.size;
    if (!stat.isFile()) {
      await handle.close();
      throw new InputError('not a regular file', path);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), path);
  }
  let key: Buffer | undefined;
  try {
    const readAt = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const header = await readAt(0, HEADER_BYTES);
    const params = decodeHeader(header, path);
    key = await deriveKey(passphrase, header, params);
    const damaged = (detail: string) => new InputError(`the vault is damaged or was tampered with: ${detail}`, path);
    let position = HEADER_BYTES;
    if (position >= size) throw damaged('it holds no chunks (truncated?)');
    for (let index = 0; position < size; index++) {
      const prefix = await readAt(position, 4 + NONCE_BYTES);
      if (prefix.length < 4 + NONCE_BYTES) throw damaged(`chunk ${index} is cut short (truncated?)`);
      const length = prefix.readUInt32BE(0);
      if (length < TAG_BYTES || length > MAX_CHUNK_BYTES) throw damaged(`chunk ${index} has an impossible length`);
      const end = position + 4 + NONCE_BYTES + length;
      if (end > size) throw damaged(`chunk ${index} is cut short (truncated?)`);
      const sealed = await readAt(position + 4 + NONCE_BYTES, length);
      const nonce = prefix.subarray(4);
      const last = end === size;
      const plain = openChunk(key, header, index, last, nonce, sealed);
      if (plain === undefined) {
        // the same chunk with the other flag tells a right passphrase on a cut or extended file from a wrong one
        const flipped = openChunk(key, header, index, !last, nonce, sealed);
        if (flipped !== undefined) throw damaged(last ? `it ends after chunk ${index}, which is not the last (truncated?)` : `data follows its last chunk (${index})`);
        if (index === 0) throw new InputError('wrong passphrase, or the vault is damaged', path);
        throw damaged(`chunk ${index} fails its authentication check`);
      }
      yield { index, last, entries: parseEntries(plain.toString('utf8'), index, damaged), bytesRead: end };
      position = end;
    }
  } finally {
    key?.fill(0);
    await handle.close();
  }
}

/** Looks up pseudonyms in a vault: for each one found, its distinct (type, original) pairs. */
export async function revealFromVault(path: string, passphrase: string, pseudonyms: readonly string[]): Promise<Map<string, VaultEntry[]>> {
  const wanted = new Set(pseudonyms);
  const found = new Map<string, VaultEntry[]>();
  for await (const chunk of readVaultChunks(path, passphrase)) {
    for (const { type, pseudonym, original } of chunk.entries) {
      if (!wanted.has(pseudonym)) continue;
      let list = found.get(pseudonym);
      if (list === undefined) found.set(pseudonym, (list = []));
      if (!list.some((e) => e.type === type && e.original === original)) list.push({ type, original });
    }
  }
  return found;
}

function parseEntries(text: string, index: number, damaged: (detail: string) => InputError): VaultChunk['entries'] {
  const entries: VaultChunk['entries'] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw damaged(`chunk ${index} holds an unreadable entry`);
    }
    const { t, p, o } = (json ?? {}) as Record<string, unknown>;
    if (typeof t !== 'string' || typeof p !== 'string' || typeof o !== 'string') throw damaged(`chunk ${index} holds an unreadable entry`);
    entries.push({ type: t, pseudonym: p, original: o });
  }
  return entries;
}

function encodeHeader(params: ScryptParams, salt: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  let at = MAGIC.length;
  header.writeUInt8(VERSION, at++);
  header.writeUInt8(params.logN, at++);
  at = header.writeUInt32BE(params.r, at);
  at = header.writeUInt32BE(params.p, at);
  header.set(salt, at);
  return header;
}

function decodeHeader(header: Buffer, path: string): ScryptParams {
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new InputError('not a vault file', path);
  const version = header.readUInt8(MAGIC.length);
  if (version !== VERSION) throw new InputError(`unsupported vault version ${version} (this version of anonymise reads version ${VERSION})`, path);
  const params = { logN: header.readUInt8(MAGIC.length + 1), r: header.readUInt32BE(MAGIC.length + 2), p: header.readUInt32BE(MAGIC.length + 6) };
  checkScryptParams(params, path);
  return params;
}

/** Bounds that keep a damaged or hostile header from asking for unbounded memory or time. */
function checkScryptParams({ logN, r, p }: ScryptParams, path: string): void {
  const ok = Number.isInteger(logN) && logN >= 10 && logN <= 20 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
  if (!ok || scryptMemory({ logN, r, p }) > MAX_SCRYPT_MEMORY) throw new InputError('the vault has unsupported scrypt parameters (damaged?)', path);
}

/** What OpenSSL's scrypt allocates: 128·r·(N + p + 2) bytes. */
function scryptMemory({ logN, r, p }: ScryptParams): number {
  return 128 * r * (2 ** logN + p + 2);
}

function deriveKey(passphrase: string, header: Buffer, params: ScryptParams): Promise<Buffer> {
  const salt = header.subarray(HEADER_BYTES - SALT_BYTES);
  const options = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: scryptMemory(params) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function additionalData(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(last ? 1 : 0, 4);
  return Buffer.concat([header, tail]);
}

function sealChunk(key: Buffer, header: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  if (index > 0xffffffff) throw new Error('the vault has too many chunks');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(additionalData(header, index, last));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  return Buffer.concat([length, nonce, body]);
}

/** The chunk's plaintext, or undefined when it fails authentication. */
function openChunk(key: Buffer, header: Buffer, index: number, last: boolean, nonce: Buffer, sealed: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(header, index, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
