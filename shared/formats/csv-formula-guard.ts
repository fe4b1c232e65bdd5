/**
 * CSV formula injection ("CSV injection"), neutralised as OWASP recommends: a spreadsheet opening the CSV runs a
 * cell that starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, DDE), and a tab
 * or carriage return before such a character hides it. Such a cell gets a leading apostrophe, which spreadsheets
 * read as "text": `'=SUM(A1:A9)`. A cell that is only a number (`-12.5`, `+3`) is a number to every spreadsheet,
 * not a formula, and stays as it is.
 * See https://owasp.org/www-community/attacks/CSV_Injection.
 */
import type { CsvDialect } from './csv-dialect';

/** `=`, `+`, `-`, `@`, tab, carriage return. */
const TRIGGER = new Uint8Array(128);
for (const c of '=+-@\t\r') TRIGGER[c.charCodeAt(0)] = 1;
/** A plain decimal number, signed, perhaps with a fraction and an exponent. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** Would a spreadsheet run this cell as a formula? */
export function isFormulaCell(value: string): boolean {
  const c = value.charCodeAt(0);
  return c < 128 && TRIGGER[c] === 1 && !PLAIN_NUMBER.test(value);
}

/** The cell as it is written: with a leading apostrophe when a spreadsheet would run it as a formula. */
export function neutraliseFormula(value: string): string {
  return isFormulaCell(value) ? `'${value}` : value;
}

const mayHoldCache = new Map<string, RegExp>();

/**
 * A cheap test on a row's source text: can any of its cells start with a trigger (at the row's start, after a
 * delimiter or after an opening quote)? False means no cell of the row needs a look.
 */
export function rowMayHoldFormula(raw: string, dialect: CsvDialect): boolean {
  const key = `${dialect.delimiter}\u0000${dialect.quoteChar}`;
  let re = mayHoldCache.get(key);
  if (re === undefined) {
    const esc = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    re = new RegExp(`(?:^|${esc(dialect.delimiter)}|${esc(dialect.quoteChar)})[=+\\-@\\t\\r]`);
    mayHoldCache.set(key, re);
  }
  return re.test(raw);
}
