import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/anonymise';
import type { CliContext } from '../../src-main/cli/cli-context';
import { revealCommand } from '../../src-main/cli/reveal-command';
import { readKeyFile } from '../../src-main/io/key-file';
import { createVaultWriter } from '../../src-main/io/vault-file';

const PASS = 'correct horse battery staple';
const dir = () => mkdtempSync(join(tmpdir(), 'key-reveal-'));

function context() {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const ctx = { stdout: sink(out), stderr: sink(err) as unknown as NodeJS.WriteStream, signal: new AbortController().signal, version: 'test' } satisfies CliContext;
  return { ctx, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(argv: string[]) {
  const c = context();
  const status = await main(argv, c.ctx);
  return { status, stdout: c.stdout(), stderr: c.stderr() };
}

/** Every spelling of the key's bytes that could leak: hex (both cases), base64, base64url, and pieces of them. */
function keySpellings(keyFileText: string): string[] {
  const bytes = Buffer.from(JSON.parse(keyFileText).key, 'base64url');
  const whole = [bytes.toString('hex'), bytes.toString('hex').toUpperCase(), bytes.toString('base64'), bytes.toString('base64url')];
  return [...whole, ...whole.map((s) => s.slice(0, 16)), ...whole.map((s) => s.slice(16, 32))];
}

async function vaultWith(entries: [string, string, string][]): Promise<string> {
  const path = join(dir(), 'run.vault');
  const writer = await createVaultWriter(path, PASS, { scrypt: { logN: 10 } });
  for (const [type, pseudonym, original] of entries) writer.add(type, pseudonym, original);
  await writer.commit();
  return path;
}

function passphraseFile(text: string): string {
  const path = join(dir(), 'pass.txt');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

describe('anonymise key', () => {
  it('key new writes a key file and prints its fingerprint and a warning; key fingerprint prints the same', async () => {
    const path = join(dir(), 'project.key');
    const made = await run(['key', 'new', path]);
    expect(made.status).toBe(0);
    const fingerprint = (await readKeyFile(path)).fingerprint();
    expect(made.stdout).toBe(`wrote ${path}\nfingerprint: ${fingerprint}\n`);
    expect(made.stderr).toMatch(/Keep .* safe and never share it/);
    const shown = await run(['key', 'fingerprint', path]);
    expect(shown).toEqual({ status: 0, stdout: `fingerprint: ${fingerprint}\n`, stderr: '' });
  });

  it('canary: the key never appears in what key new and key fingerprint print, nor in their warnings and errors', async () => {
    const d = dir();
    for (let i = 0; i < 5; i++) {
      const path = join(d, `k${i}.key`);
      const outputs = [await run(['key', 'new', path])];
      chmodSync(path, 0o644);
      outputs.push(await run(['key', 'fingerprint', path]));
      outputs.push(await run(['key', 'new', path])); // refused: exists
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace('"version":1', '"version":7'));
      outputs.push(await run(['key', 'fingerprint', path]));
      writeFileSync(path, text.slice(0, -5));
      outputs.push(await run(['key', 'fingerprint', path]));
      expect(outputs.map((o) => o.status)).toEqual([0, 0, 2, 2, 2]);
      const printed = outputs.map((o) => o.stdout + o.stderr).join('\n');
      expect(printed).toMatch(/warning: .*other users/);
      for (const spelling of keySpellings(text)) expect(printed).not.toContain(spelling);
    }
  });

  it('refuses to replace a file, and explains its usage', async () => {
    const path = join(dir(), 'existing.key');
    writeFileSync(path, 'keep me');
    const r = await run(['key', 'new', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`anonymise: ${path}: already exists; a key file is never replaced (choose another name, or remove it first)\n`);
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    expect((await run(['key', '--help'])).stdout).toMatch(/anonymise key new FILE\n\s+anonymise key fingerprint FILE/);
    for (const argv of [['key'], ['key', 'rotate', path], ['key', 'new'], ['key', 'new', 'a', 'b']]) {
      const u = await run(argv);
      expect(u.status).toBe(2);
      expect(u.stderr).toMatch(/Run 'anonymise key --help' for usage/);
    }
  });

  it('the main usage lists key and reveal', async () => {
    const r = await run(['--help']);
    expect(r.stdout).toMatch(/anonymise key new\|fingerprint FILE/);
    expect(r.stdout).toMatch(/anonymise reveal VAULT PSEUDONYM\.\.\./);
  });
});

describe('anonymise reveal', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prints each pseudonym with its type and original, one line per original; exit 0 when all are found', async () => {
    const vault = await vaultWith([
      ['EMAIL', 'user-3f9a2c@example.invalid', 'john@acme.com'],
      ['PERSON', 'Mark', 'John'],
      ['PERSON', 'Mark', 'Jon'],
      ['CONFIDENTIAL_NOTE', 'note-1', 'line one\nline\ttwo \\ three'],
    ]);
    const r = await run(['reveal', vault, 'user-3f9a2c@example.invalid', 'Mark', 'note-1', '--passphrase-file', passphraseFile(`${PASS}\r\nsecond line\n`)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'user-3f9a2c@example.invalid\tEMAIL\tjohn@acme.com\nMark\tPERSON\tJohn\nMark\tPERSON\tJon\nnote-1\tCONFIDENTIAL_NOTE\tline one\\nline\\ttwo \\\\ three\n',
    );
  });

  it('says which pseudonyms are not in the vault, and exits 1', async () => {
    const vault = await vaultWith([['EMAIL', 'a@example.invalid', 'alice@acme.com']]);
    vi.stubEnv('ANONYMISE_VAULT_PASSPHRASE', PASS);
    const r = await run(['reveal', vault, 'nobody@example.invalid', 'a@example.invalid']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('nobody@example.invalid\t(not in the vault)\na@example.invalid\tEMAIL\talice@acme.com\n');
  });

  it('a wrong passphrase is one clear line and exit 2, with nothing revealed', async () => {
    const vault = await vaultWith([['EMAIL', 'a@example.invalid', 'alice@acme.com']]);
    const r = await run(['reveal', vault, 'a@example.invalid', '--passphrase-file', passphraseFile('a wrong passphrase\n')]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `anonymise: ${vault}: wrong passphrase, or the vault is damaged\n` });
  });

  it('usage errors: no pseudonym, no passphrase source, an empty passphrase file', async () => {
    const vault = await vaultWith([]);
    expect((await run(['reveal', vault])).stderr).toMatch(/reveal takes a VAULT and at least one PSEUDONYM\nRun 'anonymise reveal --help'/);
    expect((await run(['reveal', '--help'])).stdout).toMatch(/Usage: anonymise reveal VAULT PSEUDONYM\.\.\. \[--passphrase-file FILE\]/);
    const c = context();
    const notTty = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream;
    await expect(revealCommand([vault, 'x'], c.ctx, { env: {}, stdin: notTty })).rejects.toThrow(/no passphrase: give --passphrase-file FILE, set ANONYMISE_VAULT_PASSPHRASE/);
    const empty = await run(['reveal', vault, 'x', '--passphrase-file', passphraseFile('\nsecond')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/the passphrase file is empty/);
  });

  it('prompts on a terminal without echo, taking backspace into account', async () => {
    const vault = await vaultWith([['EMAIL', 'a@example.invalid', 'alice@acme.com']]);
    const rawModes: boolean[] = [];
    const tty = Object.assign(new PassThrough(), {
      isTTY: true,
      isRaw: false,
      setRawMode(mode: boolean) {
        rawModes.push(mode);
        return tty;
      },
    }) as unknown as NodeJS.ReadStream & PassThrough;
    const c = context();
    const status = revealCommand([vault, 'a@example.invalid'], c.ctx, { env: {}, stdin: tty });
    setTimeout(() => tty.write(`${PASS}x\u007f\r`), 10);
    expect(await status).toBe(0);
    expect(c.stdout()).toBe('a@example.invalid\tEMAIL\talice@acme.com\n');
    expect(c.stderr()).toBe('Vault passphrase: \n'); // nothing typed is echoed
    expect(rawModes).toEqual([true, false]);
  });
});
