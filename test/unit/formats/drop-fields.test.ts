import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createCsvReader } from '../../../shared/formats/csv-reader';
import type { CsvDelimiter } from '../../../shared/formats/csv-dialect';
import { fieldGroup } from '../../../shared/formats/field-group';
import { createJsonReader } from '../../../shared/formats/json-reader';
import { createNdjsonReader } from '../../../shared/formats/ndjson-reader';
import type { RecordReader, SourceRecord } from '../../../shared/formats/record';
import { chunksOf, collectItems } from '../../helpers/streams';

type PerRecord = (record: SourceRecord) => readonly boolean[] | undefined;

/**
 * Reads everything, drops `columns` (given, or picked from the records read; before anything is rendered, as the
 * pipeline does after sampling), then writes
 * every item back the way the pipeline does: raw items through `renderRaw`, records through `render` when they have
 * drops or the reader says every record must be rendered, else their raw text.
 */
async function writeDropping(
  reader: RecordReader,
  columns?: ReadonlySet<string> | ((records: readonly SourceRecord[]) => ReadonlySet<string>),
  perRecord: PerRecord = () => undefined,
): Promise<{ out: string; records: SourceRecord[]; rendered: string[] }> {
  const items = await collectItems(reader);
  if (typeof columns === 'function') reader.dropColumns(columns(items.flatMap((i) => (i.kind === 'record' ? [i.record] : []))));
  else if (columns) reader.dropColumns(columns);
  const records: SourceRecord[] = [];
  const rendered: string[] = [];
  let out = '';
  for (const item of items) {
    if (item.kind === 'raw') {
      out += reader.renderRaw(item);
      continue;
    }
    const dropped = perRecord(item.record);
    const text = reader.rendersEveryRecord || dropped?.includes(true) ? reader.render(item.record, [], dropped) : item.record.raw;
    records.push(item.record);
    rendered.push(text);
    out += text;
  }
  return { out, records, rendered };
}

const byValue =
  (...values: string[]): PerRecord =>
  (r) =>
    r.fields.map((f) => values.includes(f.value));

describe('dropping CSV columns and cells', () => {
  const tickets = 'id,email,note,who\n1,ann@example.com,"multi\nline, ""quoted""",Ann\n2,"bob@example.com",plain,Bob\n';

  it('writes the header and rows without a dropped column, keeping the other cells as written', async () => {
    const { out } = await writeDropping(createCsvReader(chunksOf(tickets, 5)), new Set(['email']));
    expect(out).toBe('id,note,who\n1,"multi\nline, ""quoted""",Ann\n2,plain,Bob\n');
  });

  it('drops the first and the last column, and several at once', async () => {
    expect((await writeDropping(createCsvReader(chunksOf(tickets, 7)), new Set(['id', 'who']))).out).toBe(
      'email,note\nann@example.com,"multi\nline, ""quoted"""\n"bob@example.com",plain\n',
    );
  });

  it('keeps semicolons, CRLF and the BOM', async () => {
    const text = '\uFEFFnumber;caller;notes\r\nINC1;ann@example.com;"a;b\r\nc"\r\nINC2;bob@example.com;x\r\n';
    const { out } = await writeDropping(createCsvReader(chunksOf(text, 3)), new Set(['caller']));
    expect(out).toBe('\uFEFFnumber;notes\r\nINC1;"a;b\r\nc"\r\nINC2;x\r\n');
  });

  it('keeps tabs and a file without a final line ending that way', async () => {
    const text = 'a\tb\tc\n1\t2\t3\n4\t5\t6';
    const { out } = await writeDropping(createCsvReader(chunksOf(text, 4), { delimiter: '\t' }), new Set(['b']));
    expect(out).toBe('a\tc\n1\t3\n4\t6');
  });

  it('drops a column of a file that holds only its header', async () => {
    expect((await writeDropping(createCsvReader(chunksOf('a,b,c\r\n', 2)), new Set(['b']))).out).toBe('a,c\r\n');
  });

  it('drops every column of a repeated header name, or one by its unique name', async () => {
    const text = 'email,id,email\nx@a.com,1,y@b.com\n';
    expect((await writeDropping(createCsvReader(chunksOf(text, 100)), new Set(['email']))).out).toBe('id\n1\n');
    expect((await writeDropping(createCsvReader(chunksOf(text, 100)), new Set(['email_2']))).out).toBe('email,id\nx@a.com,1\n');
  });

  it('ignores names not in the header, and then renders nothing itself (formulas left as they are)', async () => {
    const reader = createCsvReader(chunksOf(tickets, 6), { neutraliseFormulas: false });
    const { out } = await writeDropping(reader, new Set(['nope']));
    expect(reader.rendersEveryRecord).toBe(false);
    expect(out).toBe(tickets);
  });

  it('empties a dropped cell of one row, alone or beside a dropped column', async () => {
    const perRow = byValue('Bob', 'plain');
    expect((await writeDropping(createCsvReader(chunksOf(tickets, 9)), undefined, perRow)).out).toBe(
      'id,email,note,who\n1,ann@example.com,"multi\nline, ""quoted""",Ann\n2,"bob@example.com",,\n',
    );
    expect((await writeDropping(createCsvReader(chunksOf(tickets, 9)), new Set(['id']), byValue('ann@example.com'))).out).toBe(
      'email,note,who\n,"multi\nline, ""quoted""",Ann\n"bob@example.com",plain,Bob\n',
    );
  });

  it('keeps every row, as an empty line, when every column is dropped', async () => {
    const { out, records } = await writeDropping(createCsvReader(chunksOf(tickets, 100)), new Set(['id', 'email', 'note', 'who']));
    expect(records).toHaveLength(2);
    expect(out).toBe('\n\n\n');
  });

  it('renders every record only once a column is really dropped (formulas left as they are)', async () => {
    const reader = createCsvReader(chunksOf(tickets, 100), { neutraliseFormulas: false });
    await collectItems(reader);
    expect(reader.rendersEveryRecord).toBe(false);
    reader.dropColumns(new Set(['note']));
    expect(reader.rendersEveryRecord).toBe(true);
    expect(() => reader.dropColumns(new Set(['id']))).toThrow(/once/);
  });

  const cell = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('', ' x ', 'a,b', 'a;b', 'a\tb', 'say "hi"', 'two\nlines', 'crlf\r\nline', '"', ','),
  );
  const columnName = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
  const table = fc
    .uniqueArray(columnName, { minLength: 2, maxLength: 5 })
    .chain((header) => {
      const width = header.length;
      return fc.record({
        header: fc.constant(header),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
        delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        newline: fc.constantFrom('\n', '\r\n'),
        quoteAll: fc.boolean(),
        bom: fc.boolean(),
        finalNewline: fc.boolean(),
        dropColumn: fc.array(fc.boolean(), { minLength: width, maxLength: width }),
        cellDrops: fc.array(fc.boolean(), { maxLength: 30 }),
        chunk: fc.integer({ min: 1, max: 40 }),
      });
    })
    .filter((t) => t.dropColumn.includes(false));

  it('property: any tables, any dropped columns and cells: the output parses to the input without them', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const { delimiter, newline } = t;
        const body = Papa.unparse({ fields: t.header, data: t.rows }, { quotes: t.quoteAll, delimiter, newline });
        const text = (t.bom ? '\uFEFF' : '') + body + (t.finalNewline ? newline : '');
        const dropNames = new Set(t.header.filter((_, i) => t.dropColumn[i]));
        let row = 0;
        const cellDropped = (r: number, c: number) => t.cellDrops[(r * t.header.length + c) % Math.max(1, t.cellDrops.length)] ?? false;
        const { out, records } = await writeDropping(createCsvReader(chunksOf(text, t.chunk), { delimiter, neutraliseFormulas: false }), dropNames, (r) => {
          const at = row++;
          return r.fields.map((_, c) => cellDropped(at, c));
        });

        const keep = (cells: readonly string[]) => cells.filter((_, c) => !t.dropColumn[c]);
        const expected = [keep(t.header), ...t.rows.map((cells, r) => keep(cells.map((v, c) => (cellDropped(r, c) ? '' : v))))];
        expect(records).toHaveLength(t.rows.length);
        expect(out.startsWith('\uFEFF')).toBe(t.bom);
        const unbommed = t.bom ? out.slice(1) : out;
        const parsed = Papa.parse<string[]>(t.finalNewline ? unbommed.slice(0, -newline.length) : unbommed, { delimiter, newline });
        expect(parsed.data).toEqual(expected);
        if (t.quoteAll) {
          // every cell quoted in the input: the output is exactly what papaparse writes for the expected table
          const [head, ...rows] = expected;
          expect(unbommed).toBe(Papa.unparse({ fields: head!, data: rows }, { quotes: true, delimiter, newline }) + (t.finalNewline ? newline : ''));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('dropping JSON members and array elements', () => {
  const pretty = `[
  {
    "id": "1",
    "requester": {
      "name": "Ann",
      "email": "ann@example.com"
    },
    "tags": ["vip", 3, "urgent"],
    "comments": [
      { "body": "hello", "author": "Ann" },
      { "body": "bye" }
    ]
  }
]
`;

  it('drops field groups from a pretty-printed array, keeping the formatting of the rest', async () => {
    const { out } = await writeDropping(createJsonReader(chunksOf(pretty, 11)), new Set(['requester.email', 'comments[].body']));
    expect(out).toBe(`[
  {
    "id": "1",
    "requester": {
      "name": "Ann"
    },
    "tags": ["vip", 3, "urgent"],
    "comments": [
      { "author": "Ann" },
      {}
    ]
  }
]
`);
  });

  it('drops the first, a middle and the last element of an array, and all of them', async () => {
    const text = '[{"t":["a","b","c","d"]},{"t":["x"]}]';
    const reader = () => createJsonReader(chunksOf(text, 100));
    expect((await writeDropping(reader(), undefined, byValue('a', 'c', 'd'))).out).toBe('[{"t":["b"]},{"t":["x"]}]');
    expect((await writeDropping(reader(), undefined, byValue('b', 'c'))).out).toBe('[{"t":["a","d"]},{"t":["x"]}]');
    expect((await writeDropping(reader(), new Set(['t[]']))).out).toBe('[{"t":[]},{"t":[]}]');
  });

  it('takes the comma with the member and keeps the spacing of what stays', async () => {
    const text = '[{ "a" : "x" , "n" : 1 , "b" : "y" }, [ "p" ,\n  "q" ]]';
    const { out } = await writeDropping(createJsonReader(chunksOf(text, 100)), undefined, byValue('x', 'y', 'q'));
    expect(out).toBe('[{ "n" : 1 }, [ "p" ]]');
  });

  it('keeps a record that loses every field, as {} (or null for a bare string)', async () => {
    const text = '[{"a": "x", "b": "y"}, "bare", {"c": "z"}]';
    const { out, records } = await writeDropping(createJsonReader(chunksOf(text, 4)), undefined, () => [true, true]);
    expect(records).toHaveLength(3);
    expect(out).toBe('[{}, null, {}]');
  });

  it('removes a member whose key holds escaped quotes, and the member after a nested object', async () => {
    const text = '[{"k\\"e\\\\y\\"": "x", "o": {"n": 1}, "last": "z"}]';
    const { out } = await writeDropping(createJsonReader(chunksOf(text, 100)), undefined, () => [true, true]);
    expect(out).toBe('[{"o": {"n": 1}}]');
  });

  it('drops groups in an envelope, in its collections and beside them', async () => {
    const text = '{"meta":{"by":"ops@example.com","at":"today"},"tickets":[{"id":"1","email":"a@b.c"},{"email":"d@e.f","id":"2"}],"count":2}';
    const { out, records } = await writeDropping(createJsonReader(chunksOf(text, 13)), new Set(['meta.by', 'email']));
    expect(records.map((r) => r.index)).toEqual([null, 0, 1, null]);
    expect(out).toBe('{"meta":{"at":"today"},"tickets":[{"id":"1"},{"id":"2"}],"count":2}');
  });

  it('leaves non-string members and unmatched groups alone, and renders nothing itself without groups', async () => {
    const reader = createJsonReader(chunksOf(pretty, 100));
    const { out } = await writeDropping(reader, new Set(['tags', 'requester', 'nope']));
    expect(out).toBe(pretty);
    const plain = createJsonReader(chunksOf(pretty, 100));
    expect((await writeDropping(plain, new Set())).out).toBe(pretty);
    expect(plain.rendersEveryRecord).toBe(false);
  });

  it('replaces kept values and drops others in one render', async () => {
    const reader = createJsonReader(chunksOf('[{"a":"x","b":"y","c":"z"}]', 100));
    const [item] = (await collectItems(reader)).filter((i) => i.kind === 'record');
    expect(item?.kind === 'record' && reader.render(item.record, ['X', undefined, 'Z'], [false, true, false])).toBe('{"a":"X","c":"Z"}');
  });

  it('drops members of NDJSON lines, keeping their line endings', async () => {
    const text = '{"a":"x","b":"y"}\r\n\n["p","q"]\n"s"';
    const { out } = await writeDropping(createNdjsonReader(chunksOf(text, 3)), new Set(['a', '[]', '$']));
    expect(out).toBe('{"b":"y"}\r\n\n[]\nnull');
  });
});

/** The string leaves of a value in the order JSON.stringify writes them, as functions that drop them. */
function withoutLeaves(value: unknown, drop: (leaf: number) => boolean): { value: unknown; leaves: number } {
  let leaf = 0;
  const walk = (v: unknown): { keep: boolean; v: unknown } => {
    if (typeof v === 'string') return { keep: !drop(leaf++), v };
    if (Array.isArray(v)) return { keep: true, v: v.map(walk).filter((e) => e.keep).map((e) => e.v) };
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).map(([k, m]) => [k, walk(m)] as const);
      return { keep: true, v: Object.fromEntries(entries.filter(([, e]) => e.keep).map(([k, e]) => [k, e.v])) };
    }
    return { keep: true, v };
  };
  const top = walk(value);
  return { value: top.keep ? top.v : null, leaves: leaf };
}

describe('property: dropping JSON and NDJSON fields', () => {
  // through JSON once, so that the records are what JSON.parse gives back (no -0, keys in JSON order)
  const records = fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }).map((r) => JSON.parse(JSON.stringify(r)) as unknown[]);
  const choice = fc.record({
    records,
    indent: fc.constantFrom(0, 2, '\t'),
    envelope: fc.boolean(),
    groupPicks: fc.array(fc.boolean(), { maxLength: 12 }),
    leafDrops: fc.array(fc.boolean(), { maxLength: 40 }),
    chunk: fc.integer({ min: 1, max: 64 }),
    crlf: fc.boolean(),
  });

  /** Runs the reader with the chosen drops; returns the output and the records' expected values, in order. */
  async function dropAll(reader: RecordReader, c: { groupPicks: boolean[]; leafDrops: boolean[] }, values: unknown[]) {
    let groups = new Set<string>();
    const pickGroups = (all: readonly SourceRecord[]) => {
      const groupList = [...new Set(all.flatMap((r) => r.fields.map((f) => fieldGroup(f.path))))].sort();
      groups = new Set(groupList.filter((_, i) => c.groupPicks[i % Math.max(1, c.groupPicks.length)]));
      return groups;
    };
    let counter = 0;
    const own: boolean[][] = [];
    const { out, records, rendered } = await writeDropping(reader, pickGroups, (record) => {
      own.push(record.fields.map(() => c.leafDrops[counter++ % Math.max(1, c.leafDrops.length)] ?? false));
      return own.at(-1);
    });
    const expected = records.map((record, n) => {
      const either = record.fields.map((f, i) => own[n]![i]! || groups.has(fieldGroup(f.path)));
      if (!either.includes(true)) expect(rendered[n]).toBe(record.raw); // untouched records stay byte-identical
      const { value, leaves } = withoutLeaves(values[n], (k) => either[k]!);
      expect(leaves).toBe(record.fields.length);
      return value;
    });
    expect(expected).toHaveLength(values.length);
    return { out, expected };
  }

  it('JSON array or envelope: the output is exactly JSON.stringify of the records without the dropped leaves', async () => {
    await fc.assert(
      fc.asyncProperty(choice, async (c) => {
        const wrap = (list: unknown[]) => (c.envelope ? { tickets: list } : list);
        const text = JSON.stringify(wrap(c.records), null, c.indent);
        const { out, expected } = await dropAll(createJsonReader(chunksOf(text, c.chunk)), c, c.records);
        expect(JSON.parse(out)).toEqual(wrap(expected));
        expect(out).toBe(JSON.stringify(wrap(expected), null, c.indent));
      }),
      { numRuns: 300 },
    );
  });

  it('NDJSON: every line is the record without the dropped leaves, and no line goes', async () => {
    await fc.assert(
      fc.asyncProperty(choice, async (c) => {
        const eol = c.crlf ? '\r\n' : '\n';
        const text = c.records.map((r) => JSON.stringify(r, null, 0) + eol).join('');
        const { out, expected } = await dropAll(createNdjsonReader(chunksOf(text, c.chunk)), c, c.records);
        expect(out).toBe(expected.map((r) => JSON.stringify(r) + eol).join(''));
      }),
      { numRuns: 300 },
    );
  });
});
