/**
 * Hostile and broken exports through the real CLI (issue #9): each case ends in a correct result or a clear error
 * (exit 2, `anonymise: FILE, line N…: what is wrong`), never in a crash (exit 3, a stack trace), a hang or output
 * left behind. Where a case is read, its output is checked too.
 *   - random bytes, invalid UTF-8, NUL bytes, mixed line endings, unbalanced quotes;
 *   - a single 100 MB field (over the 64 Mi-character record limit: refused, nothing written);
 *   - 10,000 columns; JSON nested 10,000 deep; duplicate JSON keys (both values anonymised).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function run(name: string, content: string | Buffer) {
  const input = join(dir, `${n}-${name}`);
  const out = join(dir, `${n++}-out-${name}`);
  writeFileSync(input, content);
  const r = cli(['run', input, '--out', out, '--quiet']);
  return { ...r, out, written: existsSync(out) ? readFileSync(out, 'utf8') : undefined };
}

/** A clear refusal: exit 2, one line naming the file and a line, no stack trace, no output and no temp file left. */
function expectRefused(r: ReturnType<typeof run>, what: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`^anonymise: [^\\n]+, line \\d+[^\\n]*: [^\\n]*${what.source}`));
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.written).toBeUndefined();
  expect(readdirSync(dir).filter((f) => f.includes('.partial') || f.startsWith('.'))).toEqual([]);
}

describe('hostile input through anonymise run', () => {
  it('random bytes: read as text in some encoding and written back, or refused clearly', () => {
    for (let i = 0; i < 5; i++) {
      const bytes = randomBytes(20_000 + i * 1000);
      const r = run(`random-${i}.csv`, bytes);
      expect([0, 2], r.stderr).toContain(r.status);
      if (r.status === 2) expect(r.stderr).toMatch(/^anonymise: [^\n]+: /);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('invalid UTF-8: read as Windows-1252 and written back byte for byte where nothing was found', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]);
    const r = run('bad-utf8.csv', bytes);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(r.out)).toEqual(bytes);
  });

  it('NUL bytes in cells are data: kept, and the values around them anonymised', () => {
    const r = run('nul.csv', 'id,note\n1,call\u0000 jane.doe@example.com\u0000 now\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.written).toContain('\u0000');
    expect(r.written).not.toContain('jane.doe@example.com');
  });

  it('mixed line endings: a stray CR inside a row after a closing quote is refused with its line', () => {
    expectRefused(run('mixed-eol.csv', 'a,b\n1,x\r\n2,"q\r\nz"\r3,w\n'), /text after its closing quote/);
  });

  it('an unbalanced quote is refused with the line where its row starts', () => {
    expectRefused(run('unbalanced.csv', 'a,b\n1,ok\n2,"open\n3,x\n'), /never closed/);
  });

  it('a single 100 MB field is refused (record limit), and nothing is written', () => {
    expectRefused(run('huge-field.csv', `id,note\n1,"${'x'.repeat(100 * 1024 * 1024)}"\n`), /longer than the limit of 67108864 characters/);
  }, 60_000);

  it('--max-record-chars sets the limit for every format, and a bad value is a usage error', () => {
    const long = 'x'.repeat(5000);
    for (const [name, text] of [
      ['limit.csv', `id,note\n1,${long}\n`],
      ['limit.json', `[{"note":"${long}"}]`],
      ['limit.ndjson', `{"note":"${long}"}\n`],
    ] as const) {
      const input = join(dir, name);
      writeFileSync(input, text);
      const r = cli(['run', input, '--out', join(dir, `out-${name}`), '--max-record-chars', '2048', '--quiet']);
      expect(r.status, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/longer than the limit of 2048 characters/);
      expect(cli(['scan', input, '--max-record-chars', '8192', '--quiet']).status).toBe(0);
    }
    const bad = cli(['scan', join(dir, 'limit.csv'), '--max-record-chars', '12']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-record-chars must be a whole number from 1024/);
  });

  it('10,000 columns: read, and every e-mail in them anonymised', () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const row = header.map((_, i) => (i % 1000 === 7 ? `jane.doe${i}@example.com` : String(i)));
    const r = run('wide.csv', `${header.join(',')}\n${row.join(',')}\n${row.join(',')}\n`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.written!.split('\n')[1]!.split(',')).toHaveLength(10_000);
    expect(r.written).not.toMatch(/jane\.doe\d+@example\.com/);
  }, 60_000);

  it('JSON nested 10,000 deep: read, and the value at the bottom anonymised', () => {
    const deep = (d: number) => `${'['.repeat(d)}"jane.doe@example.com"${']'.repeat(d)}`;
    const r = run('deep.json', `[{"x":${deep(10_000)}}]`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.written).not.toContain('jane.doe@example.com');
    expect(JSON.parse(r.written!)).toBeTruthy();
  });

  it('duplicate JSON keys: both values anonymised (JSON.parse would see only the last)', () => {
    const r = run('dup.json', '[{"email":"first.person@example.com","email":"second.person@example.com"}]');
    expect(r.status, r.stderr).toBe(0);
    expect(r.written).not.toMatch(/first\.person|second\.person/);
    expect(r.written!.match(/"email"/g)).toHaveLength(2);
  });
});
