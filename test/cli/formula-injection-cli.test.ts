/**
 * CSV formula injection through the real CLI (issue #9): by default every output cell that a spreadsheet would run
 * as a formula, original or replacement, gets a leading apostrophe, the run says how many, and the report counts
 * them per file; `--keep-formulas` writes them as they are. Either way the verification passes and nothing else in
 * the row changes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUT = join(dir, 'tickets.csv');
writeFileSync(
  INPUT,
  [
    'id,subject,amount,note',
    '1,"=HYPERLINK(B9&A1,""Click here"")",-12.5,fine',
    '2,Printer jam,+3,@SUM(A1:A2)',
    '3,"-2+3+cmd|\' /C calc\'!A0",7,\tleading tab',
    '4,Plain subject,0,nothing here',
    '',
  ].join('\n'),
);

describe('CSV formula injection, through anonymise run', () => {
  it('neutralises formula cells by default, counts them, and the verification passes', () => {
    const out = join(dir, 'default.csv');
    const report = join(dir, 'default.report.json');
    const r = cli(['run', INPUT, '--out', out, '--report', report, '--quiet', '--strict']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('4 cells neutralised against formula injection');
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
    expect(rows[1]![1]).toBe('\'=HYPERLINK(B9&A1,"Click here")');
    expect(rows[1]![2]).toBe('-12.5'); // a number stays a number
    expect(rows[2]![2]).toBe('+3');
    expect(rows[2]![3]).toBe("'@SUM(A1:A2)");
    expect(rows[3]![1]).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(rows[3]![3]).toBe("'\tleading tab");
    expect(rows[4]).toEqual(['4', 'Plain subject', '0', 'nothing here']);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { files: { formulaCellsNeutralised: number }[] };
    expect(json.files[0]!.formulaCellsNeutralised).toBe(4);
    expect(readFileSync(join(dir, 'default.report.html'), 'utf8')).toContain('formula cells neutralised');
  });

  it('--keep-formulas writes them as they are', () => {
    const out = join(dir, 'kept.csv');
    const r = cli(['run', INPUT, '--out', out, '--keep-formulas', '--quiet', '--strict']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('formula injection');
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
    expect(rows[1]![1]).toBe('=HYPERLINK(B9&A1,"Click here")');
    expect(rows[2]![3]).toBe('@SUM(A1:A2)');
    expect(rows[3]![3]).toBe('\tleading tab');
  });
});
