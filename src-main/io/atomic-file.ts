/**
 * Writes a file so that it appears complete or not at all: the bytes go to a hidden temp file beside the target,
 * which is flushed to disk and renamed over the target only when everything was written. An error, an abort or
 * Ctrl-C removes the temp file and leaves whatever was at the target untouched. `createAtomicNewFile` does the same
 * for files that must never replace anything (key files, vaults, packages).
 */
import { randomBytes } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import { copyFile, link, lstat, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './input-error';
import { describeFsError } from './text-input';
import { journalAdd, journalRemove } from './write-journal';

/** Temp files of writes in progress, so that a signal handler can remove them before the process exits. */
const liveTempFiles = new Set<string>();

export const TEMP_SUFFIX = '.partial';

export interface AtomicFile {
  readonly target: string;
  readonly tempPath: string;
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes to disk, closes and renames into place. */
  commit(): Promise<void>;
  /** Removes the temp file; safe to call more than once, and after a commit (then it does nothing). */
  abort(): Promise<void>;
}

export async function createAtomicFile(target: string): Promise<AtomicFile> {
  const tempPath = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  let handle: FileHandle;
  try {
    handle = await open(tempPath, 'wx', 0o600);
  } catch (error) {
    throw new InputError(`cannot write here: ${describeFsError(error)}`, target);
  }
  liveTempFiles.add(tempPath);
  journalAdd(tempPath);
  let state: 'open' | 'committing' | 'committed' | 'aborted' = 'open';
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };

  return {
    target,
    tempPath,
    async write(bytes) {
      if (state !== 'open') throw new Error(`write to a file that is ${state}`);
      try {
        for (let offset = 0; offset < bytes.length; ) {
          const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
          offset += bytesWritten;
        }
      } catch (error) {
        throw new InputError(`cannot write: ${describeFsError(error)}`, target);
      }
    },
    async commit() {
      if (state !== 'open') throw new Error(`commit of a file that is ${state}`);
      state = 'committing';
      try {
        await handle.sync();
        await close();
        await rename(tempPath, target);
      } catch (error) {
        throw new InputError(`cannot finish writing: ${describeFsError(error)}`, target);
      }
      state = 'committed';
      liveTempFiles.delete(tempPath);
      journalRemove(tempPath);
    },
    async abort() {
      if (state === 'committed' || state === 'aborted') return;
      state = 'aborted';
      await close().catch(() => undefined);
      await rm(tempPath, { force: true });
      liveTempFiles.delete(tempPath);
      journalRemove(tempPath);
    },
  };
}

/** Removes the temp files of unfinished writes. For exit paths (signals), hence synchronous. */
export function removeLiveTempFilesSync(): void {
  for (const path of liveTempFiles) {
    rmSync(path, { force: true });
    liveTempFiles.delete(path);
    journalRemove(path);
  }
}

/** Writes all of `bytes` to a file made by `createAtomicFile` and commits it; on any error removes it and rethrows. */
export async function writeAndCommit(file: AtomicFile, bytes: Uint8Array): Promise<void> {
  try {
    await file.write(bytes);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}

/**
 * An atomic write that never replaces an existing file: the bytes go through `createAtomicFile` to a hidden staging
 * name beside the target, which is then hard-linked to the target (failing if it appeared meanwhile) and removed.
 * On file systems without hard links, an exclusive copy does the same.
 */
export async function createAtomicNewFile(target: string, what: string): Promise<AtomicFile> {
  const exists = () => new InputError(`already exists; ${what} is never replaced (choose another name, or remove it first)`, target);
  if (await lstat(target).then(() => true, () => false)) throw exists();
  const staging = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.new`);
  const onTarget = (error: unknown) => {
    throw error instanceof InputError ? new InputError(error.detail, target) : error;
  };
  const file = await createAtomicFile(staging).catch(onTarget);
  return {
    target,
    tempPath: file.tempPath,
    write: (bytes) => file.write(bytes).catch(onTarget),
    async commit() {
      journalAdd(staging); // between its commit and the link below, the staging file is ours to remove
      await file.commit().catch(onTarget);
      try {
        await link(staging, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') throw error;
          await copyFile(staging, target, constants.COPYFILE_EXCL);
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
        throw new InputError(`cannot finish writing: ${describeFsError(error)}`, target);
      } finally {
        await rm(staging, { force: true });
        journalRemove(staging);
      }
    },
    abort: () => file.abort(),
  };
}
