import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createNdjsonReader } from '../../../shared/formats/ndjson-reader';
import { FormatError, type SourceRecord } from '../../../shared/formats/record';
import { cut, cutBy, harness, reassemble, records } from '../../helpers/reader-harness';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/ndjson/${name}`, import.meta.url)), 'utf8');

const VALID = ['conversations.ndjson', 'no-final-newline.ndjson'];
const SIZES = [1, 2, 3, 7, 64, Infinity];

const { read, readError } = harness(createNdjsonReader);

describe('createNdjsonReader: identity', () => {
  it('the conversations fixture really has CRLF endings', () => {
    const text = fixture('conversations.ndjson');
    expect(text.split('\r\n')).toHaveLength(7);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  for (const name of VALID) {
    for (const size of SIZES) {
      it(`${name} in chunks of ${size} comes back byte-identical`, async () => {
        const text = fixture(name);
        const chunks = cut(text, size);
        const { reader, batches } = await read(chunks);
        expect(reader.format).toBe('ndjson');
        expect(reassemble(reader, batches)).toBe(text);
        expect(batches.length).toBeLessThanOrEqual(chunks.length + 1);
        for (const b of batches) expect(b.length).toBeGreaterThan(0);
      });
    }
  }

  it('fixtures survive random chunkings', async () => {
    const texts = VALID.map(fixture);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...texts), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20 }), async (text, sizes) => {
        const { reader, batches } = await read(cutBy(text, sizes));
        expect(reassemble(reader, batches)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('random values, line endings and chunkings round-trip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.jsonValue(), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', '  ', '\t'))),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }),
        async (lines, finalNewline, sizes) => {
          let text = lines.map(([v, eol, pad]) => pad + JSON.stringify(v) + pad + eol).join('');
          if (!finalNewline && text.endsWith('\n')) text = text.slice(0, text.endsWith('\r\n') ? -2 : -1);
          const { reader, batches } = await read(cutBy(text, sizes));
          expect(reassemble(reader, batches)).toBe(text);
          const recs = records(batches);
          expect(recs.map((r) => JSON.stringify(JSON.parse(r.raw)))).toEqual(lines.map(([v]) => JSON.stringify(v)));
          expect(recs.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
          const out = reassemble(reader, batches, (r) => r.fields.map((f) => f.value + '!'));
          const expected = lines.map(([v]) =>
            JSON.stringify(JSON.parse(JSON.stringify(v), (_k, x: unknown) => (typeof x === 'string' ? x + '!' : x))),
          );
          expect(
            out
              .split('\n')
              .filter((l) => l.trim() !== '')
              .map((l) => JSON.stringify(JSON.parse(l))),
          ).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('createNdjsonReader: conversations.ndjson', () => {
  it('lists records with lines, CRLF in raw, blank lines as raw items', async () => {
    const text = fixture('conversations.ndjson');
    const { batches } = await read(cut(text, 3));
    const items = batches.flat();
    const recs = records(batches);
    expect(recs.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4, 6]);
    for (const r of recs) expect(r.raw.endsWith('}\r\n')).toBe(true);
    const raws = items.flatMap((it) => (it.kind === 'raw' ? [it.text] : []));
    expect(raws.join('')).toBe('\r\n  \r\n');
    const r1 = recs[1] as SourceRecord;
    const byPath = new Map(r1.fields.map((f) => [f.path, f.value]));
    expect(byPath.get('source.body')).toBe('Line one\nLine two with a tab\there and a quote " and a backslash \\');
    expect(byPath.get('conversation_parts[1].body')).toBe('Sure: +86 10 5555 0199 📞');
    expect(byPath.get('user.email')).toBe('li.wei@example.cn');
    const r2 = recs[2] as SourceRecord;
    expect(r2.fields.find((f) => f.path === 'user.custom_attributes["account id"]')?.value).toBe('A-00017');
    expect(recs[0]?.fields.find((f) => f.path === 'source.body')?.value).toContain('😕');
  });

  it('replaces values in place, keeping CRLF, numbers and other bytes', async () => {
    const text = fixture('conversations.ndjson');
    const { reader, batches } = await read(cut(text, 64));
    const out = reassemble(reader, batches, (r) => r.fields.map((f) => (f.path.endsWith('email') ? 'x@example.invalid' : undefined)));
    let expected = text;
    for (const e of ['zoe.martin@example.fr', 'li.wei@example.cn', 'oleg@example.ru', 'mj@example.com']) {
      expected = expected.replace(`"${e}"`, '"x@example.invalid"');
    }
    expect(out).toBe(expected);
    expect(out).toContain('"ltv":1.50');
    expect(out).toContain('Order 12345678901234567890 never arrived');
    expect(out).toContain('\\ud83d\\udcde');
  });
});

describe('createNdjsonReader: other shapes', () => {
  it('keeps a leading BOM as a raw item', async () => {
    const text = '\uFEFF{"a":"b"}\n{"c":"d"}\n';
    for (const size of [1, 2, Infinity]) {
      const { reader, batches } = await read(['', ...cut(text, size)]);
      expect(batches[0]?.[0]).toEqual({ kind: 'raw', text: '\uFEFF' });
      expect(records(batches).map((r) => r.raw)).toEqual(['{"a":"b"}\n', '{"c":"d"}\n']);
      expect(reassemble(reader, batches)).toBe(text);
    }
  });

  it('reads any JSON value per line, and a last line without ending', async () => {
    const text = fixture('no-final-newline.ndjson');
    const { batches } = await read(cut(text, 5));
    const recs = records(batches);
    expect(recs.map((r) => r.raw)).toEqual(['{"a":"x@example.com"}\n', '"just a string"\n', '[1,"two",{"three":"3"}]\n', '42']);
    expect(recs[1]?.fields).toEqual([{ path: '$', value: 'just a string', rawStart: 0, rawEnd: 15 }]);
    expect(recs[2]?.fields.map((f) => f.path)).toEqual(['[1]', '[2].three']);
  });

  it('reads empty input and blank-only input', async () => {
    expect((await read([])).batches).toEqual([]);
    const { reader, batches } = await read(cut('\n \r\n\t\n', 1));
    expect(records(batches)).toEqual([]);
    expect(reassemble(reader, batches)).toBe('\n \r\n\t\n');
  });

  it('reads a line nested 10,000 deep', async () => {
    const line = '['.repeat(10_000) + '"v"' + ']'.repeat(10_000);
    const { reader, batches } = await read(cut(`${line}\n${line}`, 1000));
    expect(records(batches)).toHaveLength(2);
    expect(reassemble(reader, batches, () => ['w'])).toBe(`${line}\n${line}`.replaceAll('"v"', '"w"'));
  });
});

describe('createNdjsonReader: corrupted input', () => {
  it('either reads a corrupted file back byte-identical or throws a FormatError, the same for any chunking', async () => {
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', ' ', '\n', '\r'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.constantFrom(...alphabet),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        async (values, at, ch, insert, size) => {
          const src = values.map((v) => JSON.stringify(v)).join('\n') + '\n';
          const p = at % (src.length + 1);
          const text = insert ? src.slice(0, p) + ch + src.slice(p) : src.slice(0, p) + src.slice(p + 1);
          const outcome = async (chunks: string[]): Promise<string> => {
            try {
              const { reader, batches } = await read(chunks);
              expect(reassemble(reader, batches)).toBe(text);
              return 'ok';
            } catch (e) {
              if (!(e instanceof FormatError)) throw e;
              return `${e.line}/${e.record}/${e.message}`;
            }
          };
          expect(await outcome(cut(text, size))).toBe(await outcome([text]));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('createNdjsonReader: errors', () => {
  it('bad-line.ndjson: names line 4 and record 3', async () => {
    for (const size of [1, 7, Infinity]) {
      const e = await readError(cut(fixture('bad-line.ndjson'), size));
      expect(e.line).toBe(4);
      expect(e.record).toBe(2);
      expect(e.message).toBe(
        'invalid JSON: line break inside a string (unterminated string or unescaped newline) (column 56)',
      );
      expect(e.message).not.toContain('cy@example.com');
    }
  });

  it('reports other invalid lines', async () => {
    const e = await readError(['{"a":1}\n{"a":1,}\n']);
    expect(e).toMatchObject({ line: 2, record: 1 });
    expect(e.message).toMatch(/trailing comma/);
    const f = await readError(['{"a":1}\n{"a":1}{"b":2}']);
    expect(f).toMatchObject({ line: 2, record: 1 });
    expect(f.message).toMatch(/after the end of the value/);
  });

  it('rejects a line longer than maxRecordChars', async () => {
    const text = '{"a":1}\n{"b":"' + 'x'.repeat(100) + '"}\n';
    for (const size of [7, Infinity]) {
      const e = await readError(cut(text, size), 50);
      expect(e).toMatchObject({ line: 2, record: 1 });
      expect(e.message).toBe('the line is longer than the limit of 50 characters');
    }
  });
});
