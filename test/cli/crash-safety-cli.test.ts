/**
 * Crash safety through the real CLI (issue #9):
 *   - a run killed with SIGKILL mid-write leaves its input untouched and nothing at the target path; its temp file
 *     stays (nothing can remove it in a killed process) and the next start removes it, saying so;
 *   - SIGKILL of the `anonymise` command alone (not its process group): the CLI process it started notices, stops as
 *     if interrupted and leaves no output and no temp file;
 *   - a full disk (a 256 KiB tmpfs, mounted in a private mount namespace) gives a clear error and no output, no temp
 *     file. Where mounting is not permitted that case is skipped, and says why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, sha256, tempDir } from '../helpers/cli';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV of about `mb` MB, with an e-mail, a name and a phone number in every row. */
function bigExport(path: string, mb: number): void {
  const rows = ['id,requester,email,note'];
  for (let i = 0; rows.length * 90 < mb * 1e6; i++) rows.push(`${i},Jane Doe ${i},jane.doe${i}@example.com,"Call me on +44 20 7946 ${String(i % 10000).padStart(4, '0')} about the invoice"`);
  writeFileSync(path, `${rows.join('\n')}\n`);
}

const canMountTmpfs = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs '${dir}' && umount '${dir}'`]).status === 0;

describe('crash safety', () => {
  it('SIGKILL mid-run: input untouched, nothing at the target; the next start removes the temp file', async () => {
    const input = join(dir, 'tickets.csv');
    const out = join(dir, 'out');
    const journal = join(dir, 'journal');
    mkdirSync(out);
    bigExport(input, 12);
    const before = sha256(input);
    const env = { ...process.env, ANONYMISE_JOURNAL_DIR: journal };
    // its own process group: `bin/anonymise.mjs` runs the CLI bundle in a child process, and both are killed
    const child = spawn(process.execPath, [BIN, 'run', input, '--out', join(out, 'tickets.csv'), '--quiet'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // wait until the output's temp file has bytes in it, then kill
    const partial = () => readdirSync(out).find((n) => /^\.tickets\.csv\.[0-9a-f]{12}\.partial$/.test(n));
    for (let i = 0; i < 600 && !partial(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(partial(), 'the run never started writing').toBeDefined();
    process.kill(-child.pid!, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(sha256(input)).toBe(before);
    expect(existsSync(join(out, 'tickets.csv'))).toBe(false);
    expect(partial()).toBeDefined();

    // the next start (any command) removes it
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'id,note\n1,hello\n');
    const next = spawnSync(process.execPath, [BIN, 'scan', small, '--quiet'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain('note: removed 1 temp file that an interrupted run left behind');
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(journal)).toEqual([]);
  }, 120_000);

  it.skipIf(!existsSync('/proc/self/stat'))('SIGKILL of the command alone: the CLI it started stops and leaves nothing behind', async () => {
    const input = join(dir, 'orphan.csv');
    const out = join(dir, 'orphan-out');
    mkdirSync(out);
    bigExport(input, 12);
    const env = { ...process.env, ANONYMISE_JOURNAL_DIR: join(dir, 'journal-orphan') };
    const wrapper = spawn(process.execPath, [BIN, 'run', input, '--out', join(out, 'tickets.csv'), '--quiet'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    wrapper.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const partial = () => readdirSync(out).find((n) => n.endsWith('.partial'));
    for (let i = 0; i < 600 && !partial(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(partial(), 'the run never started writing').toBeDefined();
    const cli = childrenOf(wrapper.pid!);
    expect(cli, 'the command runs the CLI in one child process').toHaveLength(1);
    try {
      process.kill(wrapper.pid!, 'SIGKILL');
      for (let i = 0; i < 300 && alive(cli[0]!); i++) await new Promise((r) => setTimeout(r, 50));
      expect(alive(cli[0]!), 'the orphaned CLI process is still running').toBe(false);
    } finally {
      if (alive(cli[0]!)) process.kill(-wrapper.pid!, 'SIGKILL');
    }
    expect(stderr).toContain('the anonymise command that started this process is gone; stopping');
    expect(stderr).toContain('interrupted; no partial output was left behind');
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  it.skipIf(!canMountTmpfs)('a full disk: a clear error, no output and no temp file', () => {
    const input = join(dir, 'full-disk.csv');
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    bigExport(input, 2);
    const script = `mount -t tmpfs -o size=256k tmpfs '${disk}' || exit 99
"${process.execPath}" "${BIN}" run '${input}' --out '${disk}/out.csv' --quiet
echo "exit=$?" >&2
ls -A '${disk}' >&2`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ANONYMISE_JOURNAL_DIR: join(dir, 'journal-full') } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^anonymise: [^\n]*out\.csv: cannot write: the disk is full\n/);
    expect(r.stderr).toMatch(/\nexit=2\n$/); // and `ls -A` printed nothing: no output, no temp file
  });
});

/** The ids of the processes whose parent is `pid` (Linux: /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return parentOf(readFileSync(`/proc/${d}/stat`, 'utf8')) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** The parent id in a /proc/PID/stat line (the command name in parentheses may hold spaces). */
function parentOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Is process `pid` running (not gone, not a zombie)? */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
}
