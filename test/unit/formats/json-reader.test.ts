import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createJsonReader } from '../../../shared/formats/json-reader';
import { FormatError, type SourceRecord } from '../../../shared/formats/record';
import { cut, cutBy, harness, reassemble, records } from '../../helpers/reader-harness';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/json/${name}`, import.meta.url)), 'utf8');

const VALID = ['cases.json', 'tickets-wrapped.json'];
const SIZES = [1, 2, 3, 7, 64, Infinity];

const { read, readError } = harness(createJsonReader);

describe('createJsonReader: identity', () => {
  for (const name of VALID) {
    for (const size of SIZES) {
      it(`${name} in chunks of ${size} comes back byte-identical`, async () => {
        const text = fixture(name);
        const chunks = cut(text, size);
        const { reader, batches } = await read(chunks);
        expect(reader.format).toBe('json');
        expect(reassemble(reader, batches)).toBe(text);
        // One non-empty batch per chunk at most (plus none at the end for valid input).
        expect(batches.length).toBeLessThanOrEqual(chunks.length);
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

  it('random top-level arrays round-trip, compact and indented, in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue()),
        fc.constantFrom(undefined, 2, '\t'),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }),
        async (values, indent, sizes) => {
          const text = JSON.stringify(values, null, indent);
          const { reader, batches } = await read(cutBy(text, sizes));
          expect(reassemble(reader, batches)).toBe(text);
          const recs = records(batches);
          expect(recs.map((r) => r.index)).toEqual(values.map((_, i) => i));
          expect(recs.map((r) => JSON.stringify(JSON.parse(r.raw)))).toEqual(values.map((v) => JSON.stringify(v)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random top-level objects round-trip (collections and envelope members)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue())),
        fc.constantFrom(undefined, 1, 4),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }),
        async (obj, indent, sizes) => {
          const text = '\uFEFF' + JSON.stringify(obj, null, indent) + '\n';
          const { reader, batches } = await read(cutBy(text, sizes));
          expect(reassemble(reader, batches)).toBe(text);
          // Replacing every string leaf gives the expected object, keys in order.
          const out = reassemble(reader, batches, (r) => r.fields.map((f) => `<${f.value}>`));
          const expected = JSON.parse(text.slice(1), (_k, v: unknown) => (typeof v === 'string' ? `<${v}>` : v)) as unknown;
          expect(JSON.stringify(JSON.parse(out.slice(1)))).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps surrounding whitespace, a BOM and an empty array', async () => {
    for (const text of ['[]', ' \r\n[ ]\r\n\r\n', '\uFEFF[\n]\n', '{}', '\uFEFF{ }', '{"tickets": []}']) {
      for (const size of [1, 2, Infinity]) {
        const { reader, batches } = await read(cut(text, size));
        expect(reassemble(reader, batches)).toBe(text);
        expect(records(batches)).toHaveLength(0);
      }
    }
  });

  it('reads scalar, string and array records', async () => {
    const text = '[1.0, -0, 12345678901234567890, true, null, "str\\"ing", [1, "x"], {}, 1e400]';
    for (const size of [1, 3, Infinity]) {
      const { reader, batches } = await read(cut(text, size));
      const recs = records(batches);
      expect(recs.map((r) => r.raw)).toEqual(['1.0', '-0', '12345678901234567890', 'true', 'null', '"str\\"ing"', '[1, "x"]', '{}', '1e400']);
      expect(recs[5]?.fields).toEqual([{ path: '$', value: 'str"ing', rawStart: 0, rawEnd: 10 }]);
      expect(recs[6]?.fields.map((f) => f.path)).toEqual(['[1]']);
      expect(reassemble(reader, batches)).toBe(text);
    }
  });

  it('handles chunk boundaries inside escapes and surrogate pairs', async () => {
    const text = '[{"a":"\\\\"},{"b":"\\"\\\\\\""},"😀\\ud83d\\ude00",{"c":"x\\\\\\\\"}]';
    for (const size of [1, 2, 3, 4, 5]) {
      const { reader, batches } = await read(cut(text, size));
      expect(records(batches).map((r) => r.fields.map((f) => f.value))).toEqual([['\\'], ['"\\"'], ['😀😀'], ['x\\\\']]);
      expect(reassemble(reader, batches)).toBe(text);
    }
  });
});

describe('createJsonReader: cases.json (top-level array)', () => {
  it('lists records, lines and nested paths', async () => {
    const text = fixture('cases.json');
    const { batches } = await read(cut(text, 64));
    const recs = records(batches);
    expect(recs.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(recs.map((r) => r.line)).toEqual([2, 51, 80]);
    const first = recs[0] as SourceRecord;
    const byPath = new Map(first.fields.map((f) => [f.path, f.value]));
    expect(byPath.get('SuppliedEmail')).toBe('margaret.oneill@example.com');
    expect(byPath.get('Contact.MailingAddress.postalCode')).toBe('NW1 6XE');
    expect(byPath.get('Tags[2]')).toBe('priority-high');
    expect(byPath.get('CaseComments[2].CommentBody')).toBe('It works now — thank you! 🙏');
    expect(byPath.get('attributes.type')).toBe('Case');
    expect(byPath.has('Id')).toBe(true);
    // Keys are not fields.
    expect(first.fields.some((f) => f.value === 'SuppliedEmail')).toBe(false);
    expect((recs[1] as SourceRecord).fields.find((f) => f.path === 'CaseComments[0].CommentBody')?.value).toBe(
      'Path with backslashes: C:\\Users\\jweiss\\Downloads\\rechnung.pdf',
    );
  });

  it('replaces only the changed values and keeps numbers, escapes and key order', async () => {
    const text = fixture('cases.json');
    const { reader, batches } = await read(cut(text, 7));
    const out = reassemble(reader, batches, (r) =>
      r.fields.map((f) => (f.path === 'SuppliedEmail' || f.path === 'Contact.Email' ? 'user@example.invalid' : undefined)),
    );
    expect(out).toBe(
      text
        .replaceAll('"margaret.oneill@example.com"', '"user@example.invalid"')
        .replace('"SuppliedEmail": "j.weiss@example.de"', '"SuppliedEmail": "user@example.invalid"')
        .replace('"SuppliedEmail": "taro.yamada@example.jp"', '"SuppliedEmail": "user@example.invalid"'),
    );
    expect(out).toContain('"SatisfactionScore": 4.0');
    expect(out).toContain('"ExternalRef": 12345678901234567890');
    expect(out).toContain('\\u2014 thank you! \\ud83d\\ude4f');
    const parsed = JSON.parse(out) as Record<string, unknown>[];
    const original = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed.map((c) => Object.keys(c))).toEqual(original.map((c) => Object.keys(c)));
    expect(parsed[0]?.['SuppliedEmail']).toBe('user@example.invalid');
  });
});

describe('createJsonReader: object-wrapped export', () => {
  it('yields collections as numbered records and other members as envelope records', async () => {
    const text = fixture('tickets-wrapped.json');
    for (const size of [1, 3, Infinity]) {
      const { reader, batches } = await read(cut(text, size));
      const recs = records(batches);
      expect(recs.map((r) => r.index)).toEqual([null, 0, 1, null, 2, 3, null]);
      expect(recs.map((r) => r.line)).toEqual([2, 9, 26, 36, 38, 39, 41]);
      const meta = recs[0] as SourceRecord;
      expect(meta.fields[0]).toMatchObject({ path: 'meta.exported_by', value: 'helpdesk-admin@acme-support.example' });
      const ticket = recs[1] as SourceRecord;
      expect(ticket.fields.map((f) => f.path)).toContain('["first name"]');
      expect(ticket.fields.map((f) => f.path)).toContain('comments[1].body');
      expect(ticket.fields.map((f) => f.path)).toContain('requester.email');
      expect(recs[3]?.raw).toBe('null');
      expect(recs[6]?.raw).toBe('2');
      // The keys and brackets are raw text.
      const raws = batches.flat().flatMap((it) => (it.kind === 'raw' ? [it.text] : [])).join('');
      expect(raws).toContain('"tickets"');
      expect(raws).toContain('"users"');
      const out = reassemble(reader, batches, (r) => r.fields.map((f) => (f.value.includes('@') ? '[email]' : undefined)));
      const parsed = JSON.parse(out) as { meta: { exported_by: string }; users: { email: string }[] };
      expect(parsed.meta.exported_by).toBe('[email]');
      expect(parsed.users.map((u) => u.email)).toEqual(['[email]', '[email]']);
      expect(Object.keys(parsed)).toEqual(['meta', 'tickets', 'next_page', 'users', 'count']);
    }
  });

  it('prefixes envelope paths with a bracket-quoted key when needed', async () => {
    const { batches } = await read(['{"export info": {"by": "x"}, "note": "hello", "a.b": ["not", "records"]}']);
    const recs = records(batches);
    expect(recs.map((r) => r.fields.map((f) => f.path))).toEqual([['["export info"].by'], ['note'], ['$'], ['$']]);
    expect(recs.map((r) => r.index)).toEqual([null, null, 0, 1]);
  });

  it('reads duplicate keys', async () => {
    const text = '{"meta": "a", "meta": "b", "t": [{"x": "1", "x": "2"}], "t": [{}]}';
    const { reader, batches } = await read(cut(text, 2));
    const recs = records(batches);
    expect(recs.map((r) => r.index)).toEqual([null, null, 0, 1]);
    expect(recs[2]?.fields.map((f) => f.path)).toEqual(['x', 'x']);
    expect(reassemble(reader, batches, () => ['Z'])).toBe('{"meta": "Z", "meta": "Z", "t": [{"x": "Z", "x": "2"}], "t": [{}]}');
  });
});

describe('createJsonReader: limits', () => {
  it('reads a record nested 10,000 deep', async () => {
    const depth = 10_000;
    const rec = '{"k":'.repeat(depth) + '["v"]' + '}'.repeat(depth);
    const text = `[${rec}, 1]`;
    for (const size of [4096, Infinity]) {
      const { reader, batches } = await read(cut(text, size));
      const recs = records(batches);
      expect(recs).toHaveLength(2);
      expect(recs[0]?.fields[0]?.value).toBe('v');
      expect(reassemble(reader, batches, () => ['w'])).toBe(text.replace('"v"', '"w"'));
    }
  });

  it('rejects a record longer than maxRecordChars, naming the record and line', async () => {
    const text = '[\n{"a": 1},\n{"b": "' + 'x'.repeat(100) + '"}\n]';
    for (const size of [7, Infinity]) {
      const e = await readError(cut(text, size), 50);
      expect(e.message).toMatch(/record 1 starting on line 3 is longer than the limit of 50 characters/);
      expect(e.line).toBe(3);
      expect(e.record).toBe(1);
    }
    await expect(read(cut(text, 7), 200)).resolves.toBeDefined();
  });
});

describe('createJsonReader: corrupted input', () => {
  it('either reads a corrupted document back byte-identical or throws a FormatError, the same for any chunking', async () => {
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', ' ', '\n'];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())),
        fc.constantFrom(undefined, 1),
        fc.nat(),
        fc.constantFrom(...alphabet),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        async (value, indent, at, ch, insert, size) => {
          const src = JSON.stringify(value, null, indent);
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
      { numRuns: 1000 },
    );
  });
});

describe('createJsonReader: errors', () => {
  async function errorFor(text: string): Promise<FormatError[]> {
    const out: FormatError[] = [];
    for (const size of [1, 2, 5, Infinity]) out.push(await readError(cut(text, size)));
    // Same error whatever the chunking.
    for (const e of out) {
      expect(e.message).toBe(out[0]?.message);
      expect(e.line).toBe(out[0]?.line);
      expect(e.record).toBe(out[0]?.record);
    }
    return out;
  }

  it('truncated.json: unexpected end of input inside record 2 (0-based)', async () => {
    const [e] = await errorFor(fixture('truncated.json'));
    expect(e?.message).toBe(
      'unexpected end of input inside record 2 (started on line 4); unterminated array opened on line 1',
    );
    expect(e?.line).toBe(4);
    expect(e?.record).toBe(2);
  });

  it('missing-comma.json: invalid JSON in record 1 on line 10', async () => {
    const [e] = await errorFor(fixture('missing-comma.json'));
    expect(e?.message).toBe(
      "invalid JSON in record 1: expected ',' or '}' after a property value, found '\"'",
    );
    expect(e?.line).toBe(10);
    expect(e?.record).toBe(1);
    expect(e?.message).not.toContain('bob@example.com');
  });

  it('missing-comma-between-records.json: expected , or ] after record 1', async () => {
    const [e] = await errorFor(fixture('missing-comma-between-records.json'));
    expect(e?.message).toBe("expected ',' or ']' after record 1, found '{'");
    expect(e?.line).toBe(4);
    expect(e?.record).toBe(1);
  });

  it('an array closed after complete records but not the file', async () => {
    const [e] = await errorFor('[\n  {"a": 1},\n  2\n');
    expect(e?.message).toBe('unexpected end of input: unterminated array opened on line 1');
    expect(e?.line).toBe(4);
    const [f] = await errorFor('{"meta": {},\n "tickets": [\n {"a": 1},\n');
    expect(f?.message).toBe('unexpected end of input: unterminated array "tickets" opened on line 2');
    const [g] = await errorFor('{"meta": {}\n');
    expect(g?.message).toBe('unexpected end of input: unterminated object opened on line 1');
  });

  it('reports a wrong top-level value, trailing text and trailing commas', async () => {
    expect((await errorFor('\n\n"just a string"'))[0]?.message).toBe(
      "top-level value must be an array or an object, found '\"'",
    );
    expect((await errorFor('\n\n"just a string"'))[0]?.line).toBe(3);
    expect((await errorFor('   '))[0]?.message).toBe('unexpected end of input: expected a top-level array or object');
    expect((await errorFor('[1]\n[2]'))[0]).toMatchObject({ message: "unexpected '[' after the end of the top-level value (one JSON value per line is JSON Lines: read it as NDJSON)", line: 2 });
    expect((await errorFor('[1,\n]'))[0]).toMatchObject({
      message: "expected a record after ',' following record 0, found ']' (trailing comma?)",
      line: 2,
    });
    expect((await errorFor('[,1]'))[0]?.message).toBe("expected a record after '[', found ','");
    expect((await errorFor('{"a": 1,}'))[0]?.message).toMatch(/expected a key in double quotes in the top-level object, found '}'/);
    expect((await errorFor('{"a" 1}'))[0]?.message).toBe('expected \':\' after key "a", found \'1\'');
    expect((await errorFor('{"a": 1 "b": 2}'))[0]?.message).toBe(
      'expected \',\' or \'}\' after the value of key "a", found \'"\'',
    );
  });

  it('reports invalid scalar and envelope records with their line', async () => {
    expect((await errorFor('[\n1,\ntru,\n3]'))[0]).toMatchObject({
      message: 'invalid JSON in record 1: invalid literal (expected true)',
      line: 3,
      record: 1,
    });
    expect((await errorFor('{\n"meta": {\n"a": 01}}'))[0]).toMatchObject({
      message: "invalid JSON in member \"meta\": expected ',' or '}' after a property value, found '1'",
      line: 3,
      record: undefined,
    });
    expect((await errorFor('[{"a": "line\nbreak"}]'))[0]).toMatchObject({ line: 1, record: 0 });
    expect((await errorFor('[{"a": "line\nbreak"}]'))[0]?.message).toMatch(/line break inside a string/);
  });
});
