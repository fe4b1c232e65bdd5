import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/io/input-error';
import { createAtomicNewFile } from '../../../src-main/io/atomic-file';
import { KEY_FILE_FORMAT, readKeyFile, writeNewKeyFile } from '../../../src-main/io/key-file';

const dir = () => mkdtempSync(join(tmpdir(), 'key-file-'));
const posix = process.platform !== 'win32';
const keyFileText = (key: string, extra: Record<string, unknown> = {}) => `${JSON.stringify({ format: KEY_FILE_FORMAT, version: 1, key, ...extra })}\n`;

describe('key file', () => {
  it('writes 32 random bytes as base64url JSON, mode 0600, and reads back the same key', async () => {
    const d = dir();
    const path = join(d, 'project.key');
    const { fingerprint } = await writeNewKeyFile(path);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^\{"format":"support-export-anonymiser-key","version":1,"key":"[A-Za-z0-9_-]{43}"\}\n$/);
    expect(Buffer.from(JSON.parse(text).key, 'base64url')).toHaveLength(32);
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
    const warnings: string[] = [];
    const key = await readKeyFile(path, { onWarning: (w) => warnings.push(w) });
    expect(key.fingerprint()).toBe(fingerprint);
    expect(key.ephemeral).toBe(false);
    expect(warnings).toEqual([]);
    expect(readdirSync(d)).toEqual(['project.key']); // no staging or temp file left
  });

  it('makes a different key each time', async () => {
    const d = dir();
    const a = await writeNewKeyFile(join(d, 'a.key'));
    const b = await writeNewKeyFile(join(d, 'b.key'));
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(readFileSync(join(d, 'a.key'), 'utf8')).not.toBe(readFileSync(join(d, 'b.key'), 'utf8'));
  });

  it('never replaces an existing file, and says so naming the path', async () => {
    const d = dir();
    const path = join(d, 'project.key');
    writeFileSync(path, 'precious');
    const error = await writeNewKeyFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/already exists.*never replaced/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    expect(readdirSync(d)).toEqual(['project.key']);
  });

  it('refuses a target that appears while the new file is being written', async () => {
    const d = dir();
    const path = join(d, 'late.key');
    const file = await createAtomicNewFile(path, 'a key file');
    await file.write(new TextEncoder().encode('new'));
    writeFileSync(path, 'arrived meanwhile');
    await expect(file.commit()).rejects.toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('arrived meanwhile');
    expect(readdirSync(d)).toEqual(['late.key']);
  });

  it('says clearly when the folder does not exist', async () => {
    const path = join(dir(), 'missing', 'project.key');
    await expect(writeNewKeyFile(path)).rejects.toThrow(new RegExp(`${path}: cannot write here`));
  });

  it.runIf(posix)('warns, but reads, a key file that other users can read', async () => {
    const path = join(dir(), 'open.key');
    const { fingerprint } = await writeNewKeyFile(path);
    chmodSync(path, 0o644);
    const warnings: string[] = [];
    const key = await readKeyFile(path, { onWarning: (w) => warnings.push(w) });
    expect(key.fingerprint()).toBe(fingerprint);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/other users \(mode 644\).*chmod 600/);
  });

  describe('rejects bad files with a clear error that never shows the key', () => {
    const key = Buffer.alloc(32, 0xab).toString('base64url');
    const cases: [string, string, RegExp][] = [
      ['not JSON (key text inside)', `{"format":"support-export-anonymiser-key","key":"${key}" oops`, /not valid JSON/],
      ['a JSON array', `["${key}"]`, /not a JSON object/],
      ['another format', keyFileText(key, { format: 'something-else' }), /"format" must be/],
      ['another version', keyFileText(key, { version: 2 }), /unsupported key file version/],
      ['an unknown member', keyFileText(key, { comment: key }), /unknown member "comment"/],
      ['a key of 31 bytes', keyFileText(Buffer.alloc(31, 0xab).toString('base64url')), /must be 32 bytes in base64url/],
      ['a key of 33 bytes', keyFileText(Buffer.alloc(33, 0xab).toString('base64url')), /must be 32 bytes in base64url/],
      ['a key in standard base64 with padding', keyFileText(Buffer.alloc(32, 0xfb).toString('base64')), /must be 32 bytes in base64url/],
      ['a key with stray low bits in its last character', keyFileText(`${key.slice(0, 42)}t`), /must be 32 bytes in base64url/],
      ['a key that is a number', keyFileText(key).replace(`"${key}"`, '12345'), /"key" must be a string/],
      ['a large file', `${key}\n`.repeat(200), /not a key file \(\d+ bytes/],
    ];
    for (const [what, text, message] of cases) {
      it(what, async () => {
        const path = join(dir(), 'bad.key');
        writeFileSync(path, text, { mode: 0o600 });
        const error = await readKeyFile(path).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        const shown = (error as Error).message;
        expect(shown).toMatch(message);
        expect(shown).toContain(path);
        for (const secret of [key, key.slice(0, 12), key.slice(-12), Buffer.alloc(32, 0xfb).toString('base64').slice(0, 12)]) {
          expect(shown).not.toContain(secret);
        }
      });
    }

    it('a missing file', async () => {
      await expect(readKeyFile(join(dir(), 'none.key'))).rejects.toThrow(/none\.key: no such file/);
    });
  });
});
