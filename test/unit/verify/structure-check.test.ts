import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CsvDelimiter } from '../../../shared/formats/csv-dialect';
import { createCsvReader } from '../../../shared/formats/csv-reader';
import { fieldGroup } from '../../../shared/formats/field-group';
import { createJsonReader } from '../../../shared/formats/json-reader';
import { createNdjsonReader } from '../../../shared/formats/ndjson-reader';
import type { RecordReader, SourceRecord } from '../../../shared/formats/record';
import { compareStructure, type StructureOptions } from '../../../shared/verify/structure-check';
import { chunksOf, collectItems } from '../../helpers/streams';

type Make = (text: string) => RecordReader;
const csv: Make = (text) => createCsvReader(chunksOf(text, 7));
const json: Make = (text) => createJsonReader(chunksOf(text, 7));
const ndjson: Make = (text) => createNdjsonReader(chunksOf(text, 7));

const none: StructureOptions = { droppedColumns: new Set() };

function check(make: Make, before: string, after: string, options: StructureOptions = none) {
  return compareStructure(make(before), make(after), options);
}

/** Writes a file back the way the pipeline does, with `columns` dropped and `perRecord` fields dropped. */
async function writeDropping(
  reader: RecordReader,
  columns: ReadonlySet<string>,
  perRecord: (record: SourceRecord) => readonly boolean[] | undefined = () => undefined,
): Promise<string> {
  const items = await collectItems(reader);
  reader.dropColumns(columns);
  let out = '';
  for (const item of items) {
    if (item.kind === 'raw') out += reader.renderRaw(item);
    else {
      const dropped = perRecord(item.record);
      out += reader.rendersEveryRecord || dropped?.includes(true) ? reader.render(item.record, [], dropped) : item.record.raw;
    }
  }
  return out;
}

describe('compareStructure: identical structure passes', () => {
  it('CSV with quoted line breaks, other cell values', async () => {
    const before = 'id,email,note\r\n1,ann@example.com,"two\r\nlines, ""quoted"""\r\n2,bob@example.com,plain\r\n';
    const after = 'id,email,note\r\n1,user-1@example.invalid,"[PERSON]\r\nwas here"\r\n2,,x\r\n';
    const result = await check(csv, before, after);
    expect(result).toEqual({ passed: true, originalRecords: 2, anonymisedRecords: 2, problems: [], problemCount: 0 });
  });

  it('JSON array, with other string values', async () => {
    const before = '[{"id":1,"who":{"name":"Ann","tags":["a","b"]},"ok":true,"n":null}, "bare", [1, "x"]]';
    const after = '[{"id":1,"who":{"name":"Bea","tags":["c","d"]},"ok":true,"n":null}, "[NAME]", [1, "y"]]';
    const result = await check(json, before, after);
    expect(result.passed).toBe(true);
    expect(result.originalRecords).toBe(3);
  });

  it('JSON envelope with a member beside the record array', async () => {
    const before = '{"tickets":[{"id":"1","email":"a@b.c"},{"id":"2","email":"d@e.f"}], "exported_by": "x"}';
    const after = '{"tickets":[{"id":"1","email":"u@example.invalid"},{"id":"2","email":"v@example.invalid"}], "exported_by": "y"}';
    const result = await check(json, before, after);
    expect(result).toMatchObject({ passed: true, originalRecords: 2, anonymisedRecords: 2 });
  });

  it('NDJSON with blank lines', async () => {
    const before = '{"a":"x","b":[1,2]}\n\n{"a":"y","b":[]}\n';
    const after = '{"a":"p","b":[1,2]}\n\n{"a":"q","b":[]}\n';
    expect((await check(ndjson, before, after)).passed).toBe(true);
  });
});

describe('compareStructure: differences fail, naming where, never a value', () => {
  it('a missing record, once, with the counts of both files', async () => {
    const result = await check(ndjson, '{"a":"1"}\n{"a":"2"}\n{"a":"3"}\n{"a":"4"}\n', '{"a":"1"}\n{"a":"2"}\n');
    expect(result).toEqual({
      passed: false,
      originalRecords: 4,
      anonymisedRecords: 2,
      problems: [{ record: 2, kind: 'missing-record' }],
      problemCount: 1,
    });
  });

  it('an extra record', async () => {
    const result = await check(csv, 'a,b\n1,2\n', 'a,b\n1,2\n3,4\n5,6\n');
    expect(result).toMatchObject({ passed: false, originalRecords: 1, anonymisedRecords: 3, problems: [{ record: 1, kind: 'extra-record' }] });
  });

  it('a missing CSV column: the header and every row', async () => {
    const result = await check(csv, 'id,email,note\n1,a,b\n2,c,d\n', 'id,note\n1,b\n2,d\n', none);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([
      { record: null, kind: 'header', field: 'email' },
      { record: 0, kind: 'missing-field', field: 'note' },
      { record: 1, kind: 'missing-field', field: 'note' },
    ]);
  });

  it('a CSV header renamed, though the cell count is the same', async () => {
    const result = await check(csv, 'id,email\n1,a\n', 'id,mail\n1,a\n');
    expect(result.problems).toEqual([{ record: null, kind: 'header', field: 'email' }]);
  });

  it('a renamed JSON key, holding a string or a number', async () => {
    const renamed = await check(json, '[{"id":"1","email":"a"}]', '[{"id":"1","mail":"a"}]');
    expect(renamed.passed).toBe(false);
    expect(renamed.problems).toEqual(
      expect.arrayContaining([
        { record: 0, kind: 'missing-field', field: 'email' },
        { record: 0, kind: 'extra-field', field: 'mail' },
      ]),
    );
    const number = await check(json, '[{"id":"1","count":3}]', '[{"id":"1","total":3}]');
    expect(number.problems).toEqual([{ record: 0, kind: 'missing-field', field: 'count' }]);
  });

  it('a string turned into an object, with or without strings inside', async () => {
    const inside = await check(ndjson, '{"who":"Ann"}\n', '{"who":{"name":"Bea"}}\n');
    expect(inside.passed).toBe(false);
    expect(inside.problems).toContainEqual({ record: 0, kind: 'missing-field', field: 'who' });
    const empty = await check(ndjson, '{"who":"Ann","n":1}\n', '{"who":{},"n":1}\n');
    expect(empty.problems).toEqual([{ record: 0, kind: 'missing-field', field: 'who' }]);
  });

  it('a number turned into an object, a longer array, keys reordered: the skeleton', async () => {
    expect((await check(json, '[{"a":{"n":1}}]', '[{"a":{"n":{}}}]')).problems).toEqual([{ record: 0, kind: 'format', field: 'a.n' }]);
    expect((await check(json, '[{"a":[1,2]}]', '[{"a":[1,2,3]}]')).problems).toEqual([{ record: 0, kind: 'extra-field', field: 'a[]' }]);
    expect((await check(json, '[{"a":1,"b":2}]', '[{"b":2,"a":1}]')).problems).toEqual([{ record: 0, kind: 'format', field: 'a' }]);
  });

  it('different formats, and an anonymised file that cannot be read', async () => {
    const formats = await compareStructure(json('[{"a":"x"}]'), ndjson('{"a":"x"}\n'), none);
    expect(formats.problems[0]).toEqual({ record: null, kind: 'format' });
    const broken = await check(ndjson, '{"a":"secret@example.com"}\n{"a":"y"}\n', '{"a":"x"}\n{"a":\n');
    expect(broken).toMatchObject({ passed: false, problems: [{ record: 1, kind: 'format' }] });
    expect(JSON.stringify(broken)).not.toContain('secret');
  });

  it('keeps the first 100 problems and counts them all', async () => {
    const rows = (n: number, cells: string) => 'a,b\n' + `${cells}\n`.repeat(n);
    const result = await compareStructure(
      createCsvReader(chunksOf(rows(150, '1,2'), 50)),
      createCsvReader(chunksOf(rows(150, '1'), 50), { onMalformedRow: 'keep' }),
      none,
    );
    expect(result.problemCount).toBe(150);
    expect(result.problems).toHaveLength(100);
  });
});

describe('compareStructure: what the policy dropped', () => {
  it('a CSV column the options declare passes; another one does not', async () => {
    const before = 'id,email,note\n1,a,b\n';
    const after = await writeDropping(csv(before), new Set(['email']));
    expect(after).toBe('id,note\n1,b\n');
    expect((await check(csv, before, after, { droppedColumns: new Set(['email']) })).passed).toBe(true);
    expect((await check(csv, before, after, { droppedColumns: new Set(['note']) })).passed).toBe(false);
  });

  it('a JSON field group dropped from every record and array element', async () => {
    const before = '[{"id":"1","comments":[{"body":"a","by":"x"},{"body":"b","by":"y"}]}]';
    const after = await writeDropping(json(before), new Set(['comments[].body']));
    expect((await check(json, before, after, { droppedColumns: new Set(['comments[].body']) })).passed).toBe(true);
  });

  it('a single field that mayDrop allows passes; one it does not allow fails', async () => {
    const before = '{"id":"1","tags":["a","b","c"]}\n{"id":"2","tags":["d"]}\n';
    const after = await writeDropping(ndjson(before), new Set(), (r) => r.fields.map((f) => r.index === 0 && f.path === 'tags[0]'));
    expect(after).toBe('{"id":"1","tags":["b","c"]}\n{"id":"2","tags":["d"]}\n');
    const allowing = (path: string) => ({ droppedColumns: new Set<string>(), mayDrop: (i: number, p: string) => i === 0 && p === path });
    expect((await check(ndjson, before, after, allowing('tags[0]'))).passed).toBe(true);
    // allowed for another record: which element of the group went cannot be told, the last one is named
    const elsewhere = { droppedColumns: new Set<string>(), mayDrop: (i: number, p: string) => i === 1 && p === 'tags[0]' };
    expect((await check(ndjson, before, after, elsewhere)).problems).toEqual([{ record: 0, kind: 'missing-field', field: 'tags[2]' }]);
    expect((await check(ndjson, before, after, allowing('id'))).passed).toBe(false);
    expect((await check(ndjson, before, after)).passed).toBe(false);
  });
});

describe('compareStructure: records too large for an exact alignment', () => {
  const big = { id: 'x', tags: Array.from({ length: 3000 }, (_, i) => `t${i}`) };
  const before = JSON.stringify(big) + '\n';
  const after = JSON.stringify({ id: 'x', tags: big.tags.filter((_, i) => i !== 5) }) + '\n';

  it('allows the one dropped array element, and names a missing one that is not allowed', async () => {
    const allowing = (path: string) => ({ droppedColumns: new Set<string>(), mayDrop: (_: number, p: string) => p === path });
    expect((await check(ndjson, before, after, allowing('tags[5]'))).passed).toBe(true);
    expect((await check(ndjson, before, after, allowing('id'))).problems).toEqual([{ record: 0, kind: 'missing-field', field: 'tags[2999]' }]);
    const extra = await check(ndjson, after, before);
    expect(extra.problems).toEqual([{ record: 0, kind: 'extra-field', field: 'tags[2999]' }]);
  });
});

describe('property: the readers\' own drops pass when declared, and fail when not', () => {
  const objects = fc
    .array(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd e', 'f'), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }), { minLength: 1, maxLength: 6 })
    .map((r) => JSON.parse(JSON.stringify(r)) as unknown[]);
  const choice = fc.record({
    records: objects,
    format: fc.constantFrom('json', 'envelope', 'ndjson'),
    picks: fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
    leafDrops: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
    chunk: fc.integer({ min: 1, max: 50 }),
  });

  it('JSON, envelope and NDJSON: dropped groups and single fields', async () => {
    await fc.assert(
      fc.asyncProperty(choice, async (c) => {
        const text =
          c.format === 'ndjson'
            ? c.records.map((r) => JSON.stringify(r) + '\n').join('')
            : JSON.stringify(c.format === 'envelope' ? { tickets: c.records, by: 'x' } : c.records, null, 1);
        const make = (t: string) => (c.format === 'ndjson' ? createNdjsonReader(chunksOf(t, c.chunk)) : createJsonReader(chunksOf(t, c.chunk)));
        const records = (await collectItems(make(text))).flatMap((i) => (i.kind === 'record' ? [i.record] : []));
        const allGroups = [...new Set(records.flatMap((r) => r.fields.map((f) => fieldGroup(f.path))))].sort();
        const groups = new Set(allGroups.filter((_, i) => c.picks[i % c.picks.length]));
        let n = 0;
        const single = new Set<string>();
        const out = await writeDropping(make(text), groups, (r) =>
          r.fields.map((f) => {
            const drop = r.index !== null && !groups.has(fieldGroup(f.path)) && c.leafDrops[n++ % c.leafDrops.length]!;
            if (drop) single.add(`${r.index}:${f.path}`);
            return drop;
          }),
        );
        const mayDrop = (i: number, p: string) => single.has(`${i}:${p}`);
        const declared = await compareStructure(make(text), make(out), { droppedColumns: groups, mayDrop });
        expect(declared.problems).toEqual([]);
        expect(declared.originalRecords).toBe(c.records.length);
        for (const group of groups) {
          const missing = new Set([...groups].filter((g) => g !== group));
          const undeclared = await compareStructure(make(text), make(out), { droppedColumns: missing, mayDrop });
          expect(undeclared.passed).toBe(false);
        }
        if (single.size > 0) expect((await compareStructure(make(text), make(out), { droppedColumns: groups })).passed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  const table = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/), { minLength: 2, maxLength: 5 }).chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(fc.array(fc.constantFrom('', 'x', 'a,b', 'two\nlines', 'say "hi"'), { minLength: header.length, maxLength: header.length }), {
        maxLength: 5,
      }),
      drop: fc.array(fc.boolean(), { minLength: header.length, maxLength: header.length }),
      delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
    }),
  );

  it('CSV: dropped columns', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        // no blank line: in a file left with one column the CSV reader reads a blank line as a record
        const body = Papa.unparse({ fields: t.header, data: t.rows }, { delimiter: t.delimiter });
        const text = body.endsWith('\r\n') ? body : body + '\r\n';
        const groups = new Set(t.header.filter((_, i) => t.drop[i]));
        // the anonymised file is read with the original's delimiter: one column left cannot be sniffed
        const reader = (s: string) => createCsvReader(chunksOf(s, 9), { delimiter: t.delimiter });
        const out = await writeDropping(reader(text), groups);
        const run = (declared: ReadonlySet<string>) => compareStructure(reader(text), reader(out), { droppedColumns: declared });
        expect((await run(groups)).problems).toEqual([]);
        for (const group of groups) expect((await run(new Set([...groups].filter((g) => g !== group)))).passed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('compareStructure: long streams', () => {
  /** NDJSON lines made on demand: the file never exists as a whole. */
  async function* lines(count: number, line: (i: number) => string): AsyncGenerator<string> {
    const perChunk = 1000;
    for (let i = 0; i < count; i += perChunk) {
      let chunk = '';
      for (let k = i; k < Math.min(count, i + perChunk); k++) chunk += line(k);
      yield chunk;
    }
  }

  it('compares 200,000 records without holding them, and finds the one that differs', async () => {
    const count = 200_000;
    const before = createNdjsonReader(lines(count, (i) => `{"id":${i},"email":"u${i}@example.com","tags":["a"]}\n`));
    const after = createNdjsonReader(
      lines(count, (i) => (i === 123_456 ? `{"id":${i},"tags":["a"]}\n` : `{"id":${i},"email":"x${i}@example.invalid","tags":["b"]}\n`)),
    );
    const result = await compareStructure(before, after, none);
    expect(result).toEqual({
      passed: false,
      originalRecords: count,
      anonymisedRecords: count,
      problems: [{ record: 123_456, kind: 'missing-field', field: 'email' }],
      problemCount: 1,
    });
  });
});
