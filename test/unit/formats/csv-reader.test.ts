import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createCsvReader } from '../../../shared/formats/csv-reader';
import { FormatError } from '../../../shared/formats/record';
import type { FormatWarning } from '../../../shared/formats/format-warning';
import { chunksAt, chunksOf, collectRecords, rewrite } from '../../helpers/streams';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/csv', name), 'utf8');
const CHUNK_SIZES = [1, 2, 3, 7, 64, 1 << 20];
const UTF8_FIXTURES = ['zendesk-tickets.csv', 'servicenow-incidents.csv', 'tab-separated.tsv', 'pipe-separated.csv', 'no-final-newline.csv'];

describe('CSV reader', () => {
  it.each(UTF8_FIXTURES)('writes %s back byte for byte, whatever the chunking', async (name) => {
    const text = fixture(name);
    for (const size of CHUNK_SIZES) {
      expect(await rewrite(createCsvReader(chunksOf(text, size)))).toBe(text);
    }
  });

  it('reads quoted fields with embedded line breaks and doubled quotes, and numbers the lines', async () => {
    const records = await collectRecords(createCsvReader(chunksOf(fixture('zendesk-tickets.csv'), 5)));
    expect(records.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(records.map((r) => r.line)).toEqual([2, 6, 7]);
    const first = records[0]!;
    expect(first.fields.map((f) => f.path)).toEqual(['id', 'subject', 'requester_email', 'status', 'description', 'created_at']);
    expect(first.fields[4]!.value).toBe(
      'Hi team,\nI cannot log in since yesterday. My IP is 203.0.113.45 and the error says "access denied".\nCall me on +44 20 7946 0958.\nThanks, Anna',
    );
    expect(records[2]!.fields[4]!.value).toBe('Order 99812 arrived broken; "box" was wet');
  });

  it('sniffs the delimiter and keeps BOM, CRLF and semicolons', async () => {
    const text = fixture('servicenow-incidents.csv');
    const reader = createCsvReader(chunksOf(text, 16));
    const records = await collectRecords(reader);
    expect(reader.dialect).toEqual({ delimiter: ';', newline: '\r\n', quoteChar: '"' });
    expect(reader.columns).toEqual(['number', 'short_description', 'caller', 'work_notes']);
    expect(records[0]!.fields[3]!.value).toBe('Caller says: "VPN drops every 5 min"\r\nChecked 192.0.2.10');
    expect(records[1]!.line).toBe(4);
    const out = await rewrite(createCsvReader(chunksOf(text, 16)), (v) => (v.includes('@') ? '[EMAIL]' : undefined));
    expect(out.startsWith('\uFEFFnumber;')).toBe(true);
    expect(out).toContain('INC0010002;Laptop slow;[EMAIL];Reinstalled driver\r\n');
  });

  it.each([
    ['tab-separated.tsv', '\t'],
    ['pipe-separated.csv', '|'],
    ['zendesk-tickets.csv', ','],
  ])('sniffs the delimiter of %s', async (name, delimiter) => {
    const reader = createCsvReader(chunksOf(fixture(name), 1 << 20));
    await collectRecords(reader);
    expect(reader.dialect?.delimiter).toBe(delimiter);
  });

  it('changes only the cells that changed, quoting the new value when it needs it', async () => {
    const text = 'id,note,who\n1,"quoted, kept",ann@example.com\n2,plain,"bob@example.com"\n';
    const out = await rewrite(createCsvReader(chunksOf(text, 4)), (v) => {
      if (v === 'ann@example.com') return 'a, "b"';
      if (v === 'bob@example.com') return '[EMAIL]';
      return undefined;
    });
    expect(out).toBe('id,note,who\n1,"quoted, kept","a, ""b"""\n2,plain,"[EMAIL]"\n');
    expect(Papa.parse(out).data).toEqual([['id', 'note', 'who'], ['1', 'quoted, kept', 'a, "b"'], ['2', 'plain', '[EMAIL]'], ['']]);
  });

  it('keeps a file without a final line ending that way', async () => {
    const out = await rewrite(createCsvReader(chunksOf(fixture('no-final-newline.csv'), 3)), (v) => (v === 'plain' ? 'PLAIN' : undefined));
    expect(out).toBe('a,b\n1,x@example.com\n2,PLAIN');
  });

  it('reports a row with the wrong number of fields with its line, and never drops it', async () => {
    const text = fixture('wrong-field-count.csv');
    const error = await collectRecords(createCsvReader(chunksOf(text, 8))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).line).toBe(3);
    expect((error as FormatError).record).toBe(1);
    expect((error as FormatError).message).toBe('row has 2 fields, the header has 3');

    const warnings: FormatWarning[] = [];
    const reader = createCsvReader(chunksOf(text, 8), { onMalformedRow: 'keep', onWarning: (w) => warnings.push(w) });
    expect(await rewrite(reader)).toBe(text);
    expect(warnings).toEqual([{ line: 3, record: 1, message: 'row has 2 fields, the header has 3' }]);
  });

  it('names the line of an unclosed quote', async () => {
    const error = await collectRecords(createCsvReader(chunksOf(fixture('unclosed-quote.csv'), 4))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).line).toBe(3);
    expect((error as FormatError).message).toMatch(/never closed/);
  });

  it('names the line of text after a closing quote', async () => {
    const error = await collectRecords(createCsvReader(chunksOf(fixture('text-after-quote.csv'), 4))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).line).toBe(3);
  });

  it('stops with an error instead of buffering a runaway row without bound', async () => {
    const text = 'id,note\n1,"' + 'x'.repeat(5000);
    const error = await collectRecords(createCsvReader(chunksOf(text, 100), { maxRecordChars: 1000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).line).toBe(2);
  });

  it('refuses a complete row over the limit too, whatever the chunking, and names its line and record', async () => {
    const text = 'id,note\n1,short\n2,"' + 'x'.repeat(1500) + '"\n3,short\n';
    for (const size of [7, 100, 1 << 20]) {
      const error = await collectRecords(createCsvReader(chunksOf(text, size), { maxRecordChars: 1000 })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).message).toMatch(/longer than the limit of 1000 characters/);
      expect([(error as FormatError).line, (error as FormatError).record]).toEqual([3, 1]);
    }
    // just under the limit is read
    const under = 'id,note\n1,"' + 'x'.repeat(990) + '"\n';
    expect(await collectRecords(createCsvReader(chunksOf(under, 64), { maxRecordChars: 1000 }))).toHaveLength(1);
  });

  it('refuses an empty file', async () => {
    await expect(collectRecords(createCsvReader(chunksOf('', 4)))).rejects.toThrow(/empty/);
  });

  it('reads a long quoted field spread over many chunks', async () => {
    const long = 'word, "quoted"\n'.repeat(20_000);
    const text = `id,body\n1,"${long.replaceAll('"', '""')}"\n2,short\n`;
    const records = await collectRecords(createCsvReader(chunksOf(text, 997)));
    expect(records[0]!.fields[1]!.value).toBe(long);
    expect(records[1]!.line).toBe(20_003);
  });

  it('gives repeated and empty header names unique paths', async () => {
    const records = await collectRecords(createCsvReader(chunksOf('a,a,,b\n1,2,3,4\n', 100)));
    expect(records[0]!.fields.map((f) => f.path)).toEqual(['a', 'a_2', 'column_3', 'b']);
  });

  it('round-trips any table papaparse can write, in any chunking, and keeps values', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r\n', 'é', '😀', '|', '\t') });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((cols) =>
          fc.tuple(
            fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }),
            fc.constantFrom('\n', '\r\n'),
            fc.constantFrom(',', ';', '\t', '|'),
            fc.array(fc.nat(400), { maxLength: 6 }),
          ),
        ),
        async ([rows, newline, delimiter, cuts]) => {
          const header = rows[0]!.map((_, i) => `h${i}`);
          const text = Papa.unparse([header, ...rows], { newline, delimiter, quotes: false }) + newline;
          const records = await collectRecords(createCsvReader(chunksAt(text, cuts), { delimiter }));
          const nonBlank = rows.filter((r) => !(r.length === 1 && r[0] === '') || header.length === 1);
          expect(records.map((r) => r.fields.map((f) => f.value))).toEqual(nonBlank);
          // values as they are (formula neutralising is tested in csv-formula-guard.test.ts)
          expect(await rewrite(createCsvReader(chunksAt(text, cuts), { delimiter, neutraliseFormulas: false }))).toBe(text);
          const upper = await rewrite(createCsvReader(chunksAt(text, cuts), { delimiter, neutraliseFormulas: false }), (v) => v.toUpperCase() + '"x');
          const reread = await collectRecords(createCsvReader(chunksAt(upper, cuts), { delimiter }));
          expect(reread.map((r) => r.fields.map((f) => f.value))).toEqual(nonBlank.map((r) => r.map((v) => v.toUpperCase() + '"x')));
        },
      ),
      { numRuns: 300 },
    );
  });
});
