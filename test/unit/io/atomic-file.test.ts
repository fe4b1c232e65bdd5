import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAtomicFile, removeLiveTempFilesSync } from '../../../src-main/io/atomic-file';
import { InputError } from '../../../src-main/io/input-error';

const dir = () => mkdtempSync(join(tmpdir(), 'atomic-'));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('atomic file', () => {
  it('shows nothing at the target until commit, then the whole file', async () => {
    const d = dir();
    const target = join(d, 'out.csv');
    const file = await createAtomicFile(target);
    await file.write(bytes('a,b\n'));
    await file.write(bytes('1,2\n'));
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(d)).toEqual([file.tempPath.split('/').pop()]);
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(d)).toEqual(['out.csv']);
    await file.abort(); // after a commit: does nothing
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('on abort removes its temp file and leaves an existing target untouched', async () => {
    const d = dir();
    const target = join(d, 'out.csv');
    writeFileSync(target, 'previous run');
    const file = await createAtomicFile(target);
    await file.write(bytes('half'));
    await file.abort();
    await file.abort();
    expect(readdirSync(d)).toEqual(['out.csv']);
    expect(readFileSync(target, 'utf8')).toBe('previous run');
    await expect(file.write(bytes('more'))).rejects.toThrow(/aborted/);
  });

  it('says clearly when it cannot write into the folder', async () => {
    const error = await createAtomicFile(join(dir(), 'missing', 'out.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/missing\/out\.csv: cannot write here: no such file/);
  });

  it('removes the temp files of unfinished writes on the way out', async () => {
    const d = dir();
    const a = await createAtomicFile(join(d, 'a.csv'));
    const b = await createAtomicFile(join(d, 'b.csv'));
    await a.write(bytes('x'));
    await b.commit();
    removeLiveTempFilesSync();
    expect(readdirSync(d)).toEqual(['b.csv']);
  });
});
