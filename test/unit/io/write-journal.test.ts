/**
 * The write journal (issue #9, crash safety): while a write is in progress its temp file is listed in this
 * process's journal; the journal goes once nothing is in progress; and the next start removes what a killed
 * process's journal lists, but only temp-shaped names, and never for a process that still runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAtomicFile } from '../../../src-main/io/atomic-file';
import { openWriteJournal, recoverInterruptedWrites } from '../../../src-main/io/write-journal';

const dir = mkdtempSync(join(tmpdir(), 'write-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const journals = (d: string) => readdirSync(d).filter((n) => n.endsWith('.json'));

describe('write journal', () => {
  it('lists a temp file while it is written, and goes once the write is committed', async () => {
    const journal = join(dir, 'live');
    const out = join(dir, 'out-live');
    mkdirSync(out);
    openWriteJournal(journal);
    const file = await createAtomicFile(join(out, 'tickets.csv'));
    await file.write(new TextEncoder().encode('id\n1\n'));
    const [name] = journals(journal);
    expect(JSON.parse(readFileSync(join(journal, name!), 'utf8'))).toEqual({ pid: process.pid, paths: [file.tempPath] });
    // a journal of a process that still runs (this one) is left alone
    expect(recoverInterruptedWrites(journal)).toBe(0);
    expect(existsSync(file.tempPath)).toBe(true);
    await file.commit();
    expect(journals(journal)).toEqual([]);
    expect(readFileSync(join(out, 'tickets.csv'), 'utf8')).toBe('id\n1\n');
  });

  it("removes what a dead process's journal lists, temp-shaped names only, and the journal", () => {
    const journal = join(dir, 'dead');
    const out = join(dir, 'out-dead');
    mkdirSync(journal, { recursive: true });
    mkdirSync(out);
    const partial = join(out, '.tickets.csv.0123456789ab.partial');
    const staging = join(out, '.report.json.abcdef012345.new');
    const packageDir = join(out, '.handover.00ff00ff00ff.partial');
    const precious = join(out, 'tickets.csv');
    for (const f of [partial, staging, precious]) writeFileSync(f, 'x');
    mkdirSync(packageDir);
    writeFileSync(join(packageDir, 'report.json'), '{}');
    const gone = join(out, '.gone.csv.aaaaaaaaaaaa.partial'); // listed, but already removed
    writeFileSync(join(journal, `${deadPid()}-0-deadbeef.json`), JSON.stringify({ pid: deadPid(), paths: [partial, staging, packageDir, precious, gone, '/etc/passwd'] }));
    writeFileSync(join(journal, '1-0-0badf00d.json'), '{"pid": 1, "pa'); // cut short when its process died

    expect(recoverInterruptedWrites(journal)).toBe(3);
    expect([partial, staging, packageDir].map(existsSync)).toEqual([false, false, false]);
    expect(readFileSync(precious, 'utf8')).toBe('x');
    expect(existsSync('/etc/passwd')).toBe(true);
    expect(journals(journal)).toEqual([]);
  });

  it('does nothing with a folder that is missing or holds no journals', () => {
    expect(recoverInterruptedWrites(join(dir, 'missing'))).toBe(0);
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'notes.json'), '{"pid": 1, "paths": ["/x/.a.aaaaaaaaaaaa.partial"]}');
    expect(recoverInterruptedWrites(join(dir, 'other'))).toBe(0);
    expect(existsSync(join(dir, 'other', 'notes.json'))).toBe(true);
  });
});
