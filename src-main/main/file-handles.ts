/**
 * Opaque handles for the files and folders the user chose. The renderer only ever holds a random id (256 bits,
 * base64url); the absolute, symlink-resolved path stays here in main. A file handle needs an existing regular file
 * (any size) with a supported extension or content that sniffs as CSV, JSON or NDJSON; a folder handle needs an
 * existing, writable folder. Errors are `IpcError`s that name no path.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute } from 'node:path';
import { detectFormat, FORMAT_EXTENSIONS } from '../../shared/formats/format-detect';
import { IpcError, type ExportFormat, type FileHandleInfo, type FolderHandleInfo, type HandleId } from '../../shared/ipc-contract';

/** Extensions the open dialog offers, besides FORMAT_EXTENSIONS (text exports sniffed by content). */
export const EXPORT_EXTENSIONS: readonly string[] = Object.freeze([...new Set([...FORMAT_EXTENSIONS, 'txt'])]);
const SNIFF_BYTES = 8192;
/** A hostile renderer must not grow the store without bound. */
const MAX_HANDLES = 10_000;

interface Entry {
  readonly kind: 'file' | 'folder';
  readonly path: string;
}

export class HandleStore {
  readonly #entries = new Map<HandleId, Entry>();

  /** Makes a handle for a file after checking it; `path` must be absolute. */
  async addFile(path: string): Promise<FileHandleInfo> {
    const real = await resolveExisting(path);
    const facts = await stat(real);
    if (!facts.isFile()) throw new IpcError('unsupported', 'not a regular file');
    const format = await sniffFormat(real);
    const id = this.#add({ kind: 'file', path: real });
    return { id, name: basename(real), size: facts.size, format };
  }

  /** Makes a handle for a folder the app may write into; `path` must be absolute. */
  async addFolder(path: string): Promise<FolderHandleInfo> {
    const real = await resolveExisting(path);
    if (!(await stat(real)).isDirectory()) throw new IpcError('unsupported', 'not a folder');
    await access(real, constants.W_OK).catch(() => {
      throw new IpcError('forbidden', 'the folder is not writable');
    });
    return { id: this.#add({ kind: 'folder', path: real }), name: basename(real) || real };
  }

  /** The absolute path behind a file handle; refuses unknown ids and folder handles. */
  filePath(id: HandleId): string {
    return this.#resolve(id, 'file');
  }

  /** The absolute path behind a folder handle; refuses unknown ids and file handles. */
  folderPath(id: HandleId): string {
    return this.#resolve(id, 'folder');
  }

  /** Forgets a handle (no error if unknown). */
  release(id: HandleId): void {
    this.#entries.delete(id);
  }

  get size(): number {
    return this.#entries.size;
  }

  #add(entry: Entry): HandleId {
    if (this.#entries.size >= MAX_HANDLES) throw new IpcError('conflict', 'too many open files; restart the app');
    const id = randomBytes(32).toString('base64url');
    this.#entries.set(id, entry);
    return id;
  }

  #resolve(id: HandleId, kind: Entry['kind']): string {
    const entry = this.#entries.get(id);
    if (!entry || entry.kind !== kind) throw new IpcError('not-found', `unknown ${kind} handle`);
    return entry.path;
  }
}

async function resolveExisting(path: string): Promise<string> {
  if (!isAbsolute(path)) throw new IpcError('invalid', 'the path must be absolute');
  try {
    return await realpath(path);
  } catch {
    throw new IpcError('not-found', 'the file or folder does not exist or cannot be read');
  }
}

/** Format by extension, else by content; refuses binary or unrecognisable content. */
async function sniffFormat(path: string): Promise<ExportFormat> {
  const head = await readHead(path);
  const text = decodeHead(head);
  if (text === null) throw new IpcError('unsupported', 'the file is not a text export (CSV, JSON or NDJSON)');
  const extension = extname(path).slice(1).toLowerCase();
  if (!EXPORT_EXTENSIONS.includes(extension) && !looksLikeExport(text)) {
    throw new IpcError('unsupported', 'the file does not look like a CSV, JSON or NDJSON export');
  }
  return detectFormat(basename(path), text);
}

async function readHead(path: string): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r');
    try {
      const buffer = new Uint8Array(SNIFF_BYTES);
      const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    throw new IpcError('forbidden', 'the file cannot be read');
  }
}

/** The head as text (UTF-16 by BOM, else UTF-8 or Windows-1252), or null when it holds NUL bytes (binary). */
function decodeHead(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) return null;
  return new TextDecoder('utf-8').decode(bytes);
}

/** For an unknown extension: starts like JSON, or its first line holds a CSV delimiter. */
function looksLikeExport(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return true;
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t|]/.test(firstLine);
}
