import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/io/input-error';
import { createVaultWriter, readVaultChunks, revealFromVault, type VaultWriterOptions } from '../../../src-main/io/vault-file';
import { tempDir } from '../../helpers/cli';

const FAST: VaultWriterOptions = { scrypt: { logN: 10 } };
const PASS = 'correct horse battery staple';
const HEADER_BYTES = 34;
const dir = tempDir;

interface Entry {
  type: string;
  pseudonym: string;
  original: string;
}

const entryAt = (i: number): Entry => ({ type: i % 2 ? 'EMAIL' : 'PERSON', pseudonym: `user-${i.toString(16).padStart(6, '0')}@example.invalid`, original: `person.number.${i}@acme-corp.com` });

async function writeVault(path: string, entries: Iterable<Entry>, passphrase = PASS): Promise<void> {
  const writer = await createVaultWriter(path, passphrase, FAST);
  let n = 0;
  for (const e of entries) {
    writer.add(e.type, e.pseudonym, e.original);
    if (++n % 10_000 === 0) await writer.drain();
  }
  await writer.commit();
}

function* range(n: number): Generator<Entry> {
  for (let i = 0; i < n; i++) yield entryAt(i);
}

/** The [start, end) byte ranges of the chunks of a vault file, from their length prefixes. */
function chunkRanges(bytes: Buffer): [number, number][] {
  const ranges: [number, number][] = [];
  for (let at = HEADER_BYTES; at < bytes.length; ) {
    const end = at + 4 + 12 + bytes.readUInt32BE(at);
    ranges.push([at, end]);
    at = end;
  }
  return ranges;
}

async function readAll(path: string, passphrase = PASS): Promise<Entry[]> {
  const all: Entry[] = [];
  for await (const chunk of readVaultChunks(path, passphrase)) all.push(...chunk.entries);
  return all;
}

/** A vault of a few chunks, written once and copied by the tests that damage it. */
const small = (() => {
  let bytes: Promise<Buffer> | undefined;
  return () =>
    (bytes ??= (async () => {
      const path = join(dir(), 'small.vault');
      await writeVault(path, range(3000));
      return readFileSync(path);
    })());
})();

async function readDamaged(bytes: Uint8Array): Promise<unknown> {
  const path = join(dir(), 'damaged.vault');
  writeFileSync(path, bytes);
  return readAll(path).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('vault file', () => {
  it('round-trips entries, keeps repeats of one pseudonym apart by original, and skips exact repeats', async () => {
    const path = join(dir(), 'run.vault');
    const writer = await createVaultWriter(path, PASS, FAST);
    writer.add('EMAIL', 'user-3f9a2c@example.invalid', 'john@acme.com');
    writer.add('EMAIL', 'user-3f9a2c@example.invalid', 'john@acme.com');
    writer.add('PERSON', 'Mark', 'John');
    writer.add('PERSON', 'Mark', 'Jon');
    writer.add('CONFIDENTIAL_NOTE', 'note-1', 'tab\there\nnew "line" ünïcödé 😀');
    await writer.commit();
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(path, '..'))).toEqual(['run.vault']);
    expect(await readAll(path)).toHaveLength(4);
    const found = await revealFromVault(path, PASS, ['user-3f9a2c@example.invalid', 'Mark', 'note-1', 'absent']);
    expect(found.get('user-3f9a2c@example.invalid')).toEqual([{ type: 'EMAIL', original: 'john@acme.com' }]);
    expect(found.get('Mark')).toEqual([
      { type: 'PERSON', original: 'John' },
      { type: 'PERSON', original: 'Jon' },
    ]);
    expect(found.get('note-1')).toEqual([{ type: 'CONFIDENTIAL_NOTE', original: 'tab\there\nnew "line" ünïcödé 😀' }]);
    expect(found.has('absent')).toBe(false);
  });

  it('round-trips any entries (property)', async () => {
    const d = dir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ type: fc.constantFrom('EMAIL', 'PHONE', 'PERSON'), pseudonym: fc.string(), original: fc.string({ unit: 'grapheme' }) }), { maxLength: 30 }), async (entries) => {
        const path = join(d, `p${n++}.vault`);
        await writeVault(path, entries);
        const distinct = [...new Map(entries.map((e) => [JSON.stringify(e), e])).values()];
        expect(await readAll(path)).toEqual(distinct);
      }),
      { numRuns: 40 },
    );
  });

  it('an empty vault is one (empty) last chunk', async () => {
    const path = join(dir(), 'empty.vault');
    await writeVault(path, []);
    const chunks = [];
    for await (const chunk of readVaultChunks(path, PASS)) chunks.push(chunk);
    expect(chunks.map((c) => [c.index, c.last, c.entries.length])).toEqual([[0, true, 0]]);
  });

  it('holds no original in its bytes', async () => {
    const path = join(dir(), 'secret.vault');
    const originals = ['john.smith@acme.com', '+44 20 7946 0958', 'Margaret Thatcher-Jones'];
    await writeVault(path, originals.map((original, i) => ({ type: 'PERSON', pseudonym: `p${i}`, original })));
    const bytes = readFileSync(path);
    for (const original of originals) {
      for (const encoding of ['utf8', 'utf16le', 'latin1'] as const) expect(bytes.includes(Buffer.from(original, encoding))).toBe(false);
      expect(bytes.includes(Buffer.from(JSON.stringify(original).slice(1, -1)))).toBe(false);
    }
    expect(bytes.includes(Buffer.from('acme'))).toBe(false);
  });

  it('refuses a short passphrase and an existing file, and leaves the existing file alone', async () => {
    const d = dir();
    await expect(createVaultWriter(join(d, 'a.vault'), 'short pass', FAST)).rejects.toThrow(/at least 12 characters/);
    writeFileSync(join(d, 'taken.vault'), 'an input');
    await expect(createVaultWriter(join(d, 'taken.vault'), PASS, FAST)).rejects.toThrow(/taken\.vault: already exists; a vault is never replaced/);
    expect(readFileSync(join(d, 'taken.vault'), 'utf8')).toBe('an input');
    expect(readdirSync(d)).toEqual(['taken.vault']);
  });

  it('an aborted writer leaves no file behind, even after many chunks', async () => {
    const d = dir();
    const writer = await createVaultWriter(join(d, 'run.vault'), PASS, FAST);
    for (const e of range(5000)) writer.add(e.type, e.pseudonym, e.original);
    await writer.drain();
    await writer.abort();
    await writer.abort();
    expect(readdirSync(d)).toEqual([]);
    expect(() => writer.add('EMAIL', 'x', 'y')).toThrow(/committed or aborted/);
  });

  it('a wrong passphrase gives one clear error', async () => {
    const path = join(dir(), 'w.vault');
    writeFileSync(path, await small());
    const error = await revealFromVault(path, 'not the passphrase', ['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${path}: wrong passphrase, or the vault is damaged`);
  });

  it('is not a vault: another file, or an unknown version', async () => {
    const bytes = Buffer.from(await small());
    expect(String(await readDamaged(Buffer.from('id,email\n1,a@b.c\n')))).toMatch(/not a vault file/);
    bytes[8] = 2;
    expect(String(await readDamaged(bytes))).toMatch(/unsupported vault version 2/);
  });

  it('detects one flipped byte anywhere: every header byte, every chunk boundary, and random places (property)', async () => {
    const bytes = await small();
    const ranges = chunkRanges(bytes);
    expect(ranges.length).toBeGreaterThanOrEqual(3);
    const flipAt = async (position: number, mask = 0x01) => {
      const copy = Buffer.from(bytes);
      copy[position]! ^= mask;
      const error = await readDamaged(copy);
      expect(error, `byte ${position}`).toBeInstanceOf(InputError);
      expect(String(error)).toMatch(/damaged|not a vault|unsupported|wrong passphrase/);
    };
    const edges = ranges.flatMap(([start, end]) => [start, start + 3, start + 4, start + 15, start + 16, end - 17, end - 16, end - 1]);
    for (let p = 0; p < HEADER_BYTES; p++) await flipAt(p);
    for (const p of edges) await flipAt(p);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: HEADER_BYTES, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (p, mask) => flipAt(p, mask)),
      { numRuns: 150 },
    );
  });

  it('detects truncation: the last chunk dropped, a cut inside a chunk, only the header left', async () => {
    const bytes = await small();
    const ranges = chunkRanges(bytes);
    const [lastStart] = ranges.at(-1)!;
    expect(String(await readDamaged(bytes.subarray(0, lastStart)))).toMatch(/ends after chunk \d+, which is not the last \(truncated\?\)/);
    expect(String(await readDamaged(bytes.subarray(0, bytes.length - 1)))).toMatch(/cut short \(truncated\?\)/);
    expect(String(await readDamaged(bytes.subarray(0, ranges[1]![0] + 10)))).toMatch(/cut short/);
    expect(String(await readDamaged(bytes.subarray(0, HEADER_BYTES)))).toMatch(/holds no chunks/);
    expect(String(await readDamaged(Buffer.concat([bytes, Buffer.from([0])])))).toMatch(/damaged/);
    expect(String(await readDamaged(Buffer.concat([bytes, bytes.subarray(...ranges.at(-1)!)])))).toMatch(/damaged/);
  });

  it('detects chunks swapped, dropped from the middle, or repeated', async () => {
    const bytes = await small();
    const [a, b, ...rest] = chunkRanges(bytes).map(([s, e]) => bytes.subarray(s, e));
    const header = bytes.subarray(0, HEADER_BYTES);
    for (const order of [[b!, a!, ...rest], [a!, ...rest], [a!, a!, b!, ...rest]]) {
      const error = await readDamaged(Buffer.concat([header, ...order]));
      expect(String(error)).toMatch(/damaged|wrong passphrase/);
    }
  });

  it('does not accept a chunk from another vault with the same passphrase', async () => {
    const one = await small();
    const otherPath = join(dir(), 'other.vault');
    await writeVault(otherPath, range(3000));
    const other = readFileSync(otherPath);
    const [s, e] = chunkRanges(other)[1]!;
    const [s1, e1] = chunkRanges(one)[1]!;
    expect(String(await readDamaged(Buffer.concat([one.subarray(0, s1), other.subarray(s, e), one.subarray(e1)])))).toMatch(/chunk 1 fails/);
  });

  it('streams 200k entries chunk by chunk (about 64 KB each), the first chunk after reading only the start of the file', async () => {
    const path = join(dir(), 'big.vault');
    const total = 200_000;
    await writeVault(path, range(total));
    const size = statSync(path).size;
    let count = 0;
    let chunks = 0;
    let largest = 0;
    let firstBytesRead = 0;
    let previous = 0;
    for await (const chunk of readVaultChunks(path, PASS)) {
      if (chunks === 0) firstBytesRead = chunk.bytesRead;
      expect(chunk.index).toBe(chunks++);
      expect(chunk.bytesRead).toBeGreaterThan(previous);
      largest = Math.max(largest, chunk.bytesRead - previous);
      previous = chunk.bytesRead;
      expect(chunk.entries[0]).toEqual({ ...entryAt(count) });
      count += chunk.entries.length;
    }
    expect(count).toBe(total);
    expect(size).toBeGreaterThan(10_000_000);
    expect(chunks).toBeGreaterThan(size / (70 * 1024));
    expect(largest).toBeLessThanOrEqual(64 * 1024 + 4 + 12 + 16 + HEADER_BYTES);
    expect(firstBytesRead).toBeLessThan(70 * 1024);
    const found = await revealFromVault(path, PASS, [entryAt(0).pseudonym, entryAt(total - 1).pseudonym, entryAt(123_456).pseudonym]);
    expect(found.get(entryAt(total - 1).pseudonym)).toEqual([{ type: entryAt(total - 1).type, original: entryAt(total - 1).original }]);
    expect(found.size).toBe(3);
    expect(existsSync(path)).toBe(true);
  });
});
