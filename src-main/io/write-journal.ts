/**
 * The journal of writes in progress: which temp files (and staging folders) this process has beside its targets
 * right now. A process that ends normally, fails or is interrupted removes its temp files itself (atomic-file.ts);
 * one that is killed outright (SIGKILL, a crash, power loss) cannot, so its journal stays behind, and the next start
 * of the CLI or the app removes what it lists (`recoverInterruptedWrites`).
 *
 * One small JSON file per process and thread (`<pid>-<thread>-<random>.json`: `{ pid, paths }`), rewritten
 * synchronously on each change (a run has a handful of temp files at a time). The journal never holds a value
 * from the data, only the temp paths. Only names shaped like our temp files (`.<name>.<12 hex>.partial` or `.new`)
 * are ever removed, so a damaged or planted journal cannot make us delete anything else; a journal whose process
 * still runs is left alone.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** The temp names atomic-file.ts, the package writer and the format converter make. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.(?:partial|new)$/;

let journalPath: string | null = null;
const inProgress = new Set<string>();

/** The app's journal folder, inside its data folder (`userData`). */
export const WRITE_JOURNAL_FOLDER = 'pending-writes';

/** The CLI's journal folder: per user, in the OS temp folder. The app uses one in its data folder. */
export function defaultJournalDir(): string {
  return join(tmpdir(), `anonymise-journal-${process.getuid?.() ?? 'user'}`);
}

/**
 * Makes `dir` (mode 0700) and starts this process's (or thread's) journal there. A folder that is not ours (another
 * user's, or a symbolic link) is not used: the journal is then off, and only in-process clean-up remains.
 */
export function openWriteJournal(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) return;
  } catch {
    return;
  }
  journalPath = join(dir, `${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.json`);
  flush();
}

/** Records a temp file or staging folder that is being written. */
export function journalAdd(path: string): void {
  inProgress.add(path);
  flush();
}

/** Forgets it: it was committed (renamed into place) or removed. */
export function journalRemove(path: string): void {
  if (inProgress.delete(path)) flush();
}

function flush(): void {
  if (journalPath === null) return;
  try {
    if (inProgress.size === 0) rmSync(journalPath, { force: true });
    else writeFileSync(journalPath, JSON.stringify({ pid: process.pid, paths: [...inProgress] }), { mode: 0o600 });
  } catch {
    // the journal is a safety net: a write that fails here must not fail the export itself
  }
}

/** Does process `pid` still run? A zombie (killed, not yet reaped: common in containers whose init does not reap) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: the state is the field after the parenthesised command name
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS, Windows): the signal test stands
  }
}

/**
 * Removes the temp files that killed processes left behind, as their journals in `dir` list them, and those
 * journals. Journals of processes still running (this one included) are kept. Returns how many temp files or
 * folders were removed.
 */
export function recoverInterruptedWrites(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!/^\d+-\d+-[0-9a-f]{8}\.json$/.test(name)) continue;
    const file = join(dir, name);
    let journal: { pid?: unknown; paths?: unknown };
    try {
      journal = JSON.parse(readFileSync(file, 'utf8')) as typeof journal;
    } catch {
      rmSync(file, { force: true }); // half-written when its process died: nothing it lists can be trusted
      continue;
    }
    // a process still running (this one's other threads included) is still writing
    if (typeof journal.pid === 'number' && alive(journal.pid)) continue;
    for (const path of Array.isArray(journal.paths) ? journal.paths : []) {
      if (typeof path !== 'string' || !TEMP_NAME.test(basename(path))) continue;
      try {
        lstatSync(path);
      } catch {
        continue; // already gone
      }
      rmSync(path, { recursive: true, force: true });
      removed++;
    }
    rmSync(file, { force: true });
  }
  return removed;
}
