/**
 * The profiles opened lately, remembered across sessions: a small JSON list of absolute paths in the app's user-data
 * folder (newest first, at most 8), rewritten atomically on every change. A profile whose file is gone is dropped
 * when the list is read. The paths never leave main: the IPC handlers turn them into handles.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { createAtomicFile, writeAndCommit } from '../io/atomic-file';

export const MAX_RECENT_PROFILES = 8;

export class RecentProfiles {
  /** Serialises reads and writes of the list file. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** The list file, e.g. `<userData>/recent-profiles.json`. */
    readonly file: string,
    readonly limit = MAX_RECENT_PROFILES,
  ) {}

  /** Puts `path` first (once), keeping at most `limit` entries. */
  remember(path: string): Promise<void> {
    return this.#serially(async () => {
      const paths = [path, ...(await this.#read()).filter((p) => p !== path)].slice(0, this.limit);
      await this.#write(paths);
    });
  }

  /** The remembered paths whose files still exist, newest first; the list file loses the others. */
  list(): Promise<string[]> {
    return this.#serially(async () => {
      const paths = await this.#read();
      const existing: string[] = [];
      for (const path of paths) if (await isFile(path)) existing.push(path);
      if (existing.length !== paths.length) await this.#write(existing);
      return existing;
    });
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** The list as stored; a missing or unreadable file is an empty list, and entries that are not absolute paths are skipped. */
  async #read(): Promise<string[]> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      return [];
    }
    const paths = (json as { profiles?: unknown } | null)?.profiles;
    if (!Array.isArray(paths)) return [];
    return [...new Set(paths.filter((p): p is string => typeof p === 'string' && isAbsolute(p)))].slice(0, this.limit);
  }

  async #write(paths: readonly string[]): Promise<void> {
    const file = await createAtomicFile(this.file);
    await writeAndCommit(file, new TextEncoder().encode(`${JSON.stringify({ profiles: paths }, null, 2)}\n`));
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
