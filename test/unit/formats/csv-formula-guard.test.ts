/**
 * CSV formula injection neutralised as OWASP recommends (issue #9): every cell written, new or unchanged, header
 * included, that a spreadsheet would run as a formula gets a leading apostrophe, and the reader counts them; plain
 * numbers stay numbers; `neutraliseFormulas: false` writes every cell as it is.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isFormulaCell, neutraliseFormula } from '../../../shared/formats/csv-formula-guard';
import { createCsvReader, type CsvReader } from '../../../shared/formats/csv-reader';
import { chunksOf } from '../../helpers/streams';

/** Writes everything back as the run pipeline does: pass-through items, changed records, and unchanged ones. */
async function written(reader: CsvReader, replace: (value: string) => string | undefined = () => undefined, drop?: ReadonlySet<string>): Promise<string> {
  if (drop) reader.dropColumns(drop);
  let out = '';
  for await (const batch of reader) {
    for (const item of batch) {
      if (item.kind === 'raw') {
        out += reader.renderRaw(item);
        continue;
      }
      const values = item.record.fields.map((f) => replace(f.value));
      if (values.some((v) => v !== undefined)) out += reader.render(item.record, values);
      else out += reader.rendersEveryRecord ? reader.render(item.record, []) : item.record.raw;
    }
  }
  return out;
}

describe('CSV formula injection', () => {
  it.each(['=SUM(A1:A9)', '+cmd', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1)', '\t=1+1', '\r=1', '=', '-', '+49 30 901820', '--help'])('neutralises %j', (value) => {
    expect(isFormulaCell(value)).toBe(true);
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['-12.5', '+3', '-0,5', '1e5', '-2E-3', 'a=b', 'mail@example.com', '', ' =1', "'=already text"])('leaves %j as it is', (value) => {
    expect(isFormulaCell(value)).toBe(false);
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('neutralises unchanged and new cells and header names, keeps the rest of each row, and counts them', async () => {
    const text = '=name,note,amount\nAnn,"=HYPERLINK(""http://x"")",-12.5\nBob,plain,@SUM(1)\nCid,ok,3\n';
    const reader = createCsvReader(chunksOf(text, 7));
    const out = await written(reader, (v) => (v === 'plain' ? '+replaced' : undefined));
    expect(out).toBe('\'=name,note,amount\nAnn,"\'=HYPERLINK(""http://x"")",-12.5\nBob,\'+replaced,\'@SUM(1)\nCid,ok,3\n');
    expect(reader.formulaCellsNeutralised).toBe(4);
    // what a spreadsheet reads: text, never a formula
    expect(Papa.parse<string[]>(out).data.flat().filter((c) => c !== '').every((c) => !isFormulaCell(c))).toBe(true);
  });

  it('leaves the cells of dropped columns out of the count', async () => {
    const reader = createCsvReader(chunksOf('a,b\n=1+1,=2+2\n', 100));
    expect(await written(reader, undefined, new Set(['b']))).toBe("a\n'=1+1\n");
    expect(reader.formulaCellsNeutralised).toBe(1);
  });

  it('writes every cell as it is with neutraliseFormulas: false', async () => {
    const text = '=name,note\nAnn,=1+1\n';
    const reader = createCsvReader(chunksOf(text, 3), { neutraliseFormulas: false });
    expect(await written(reader, (v) => (v === 'Ann' ? '-Ann' : undefined))).toBe('=name,note\n-Ann,=1+1\n');
    expect(reader.formulaCellsNeutralised).toBe(0);
  });

  it('property: any table, any replacements: the output parses to the values neutralised, and the count is right', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('=1+1', '-2', '-x', '+1 555', '@a', '\tx', 'a,b', 'say "hi"', '-3.5'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), fc.boolean(), async (rows, change) => {
        const text = Papa.unparse([['h0', 'h1', 'h2'], ...rows], { newline: '\n' }) + '\n';
        const reader = createCsvReader(chunksOf(text, 5), { delimiter: ',' });
        const replace = (v: string) => (change && v.length % 2 === 1 ? `-${v}` : undefined);
        const out = await written(reader, replace);
        const values = Papa.parse<string[]>(text, { delimiter: ',' }).data.slice(1, -1).map((r) => r.map((v) => replace(v) ?? v));
        expect(Papa.parse<string[]>(out, { delimiter: ',' }).data.slice(1, -1)).toEqual(values.map((r) => r.map(neutraliseFormula)));
        expect(reader.formulaCellsNeutralised).toBe(values.flat().filter(isFormulaCell).length);
      }),
      { numRuns: 200 },
    );
  });
});
