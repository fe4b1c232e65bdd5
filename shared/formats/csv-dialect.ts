/** Works out how a CSV file is written: its delimiter and line ending. Papaparse does the sniffing. */
import Papa from 'papaparse';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export type CsvNewline = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  readonly delimiter: CsvDelimiter;
  readonly newline: CsvNewline;
  readonly quoteChar: '"';
}

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/** Sniffs the dialect from the first part of a file (a few KB to 1 MB is plenty), without a BOM. */
export function sniffCsvDialect(sample: string, forcedDelimiter?: CsvDelimiter): CsvDialect {
  const newline = sniffNewline(sample);
  let delimiter = forcedDelimiter;
  if (!delimiter) {
    // Only whole lines, and no blank ones: a cut-off last row or a trailing blank line would look inconsistent.
    const lastBreak = sample.lastIndexOf(newline);
    const guess = Papa.parse<string[]>(lastBreak > 0 ? sample.slice(0, lastBreak) : sample, {
      preview: 10,
      newline,
      skipEmptyLines: true,
      delimitersToGuess: [...CSV_DELIMITERS],
    });
    const found = guess.meta.delimiter;
    delimiter = (CSV_DELIMITERS as readonly string[]).includes(found) ? (found as CsvDelimiter) : ',';
  }
  return { delimiter, newline, quoteChar: '"' };
}

/**
 * The line ending of the first line that ends outside quotes. Papaparse guesses by counting, which misreads a
 * file whose quoted fields hold bare LFs; the first real record end is what the writer must reproduce.
 */
export function sniffNewline(sample: string): CsvNewline {
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34 /* " */) inQuotes = !inQuotes;
    else if (!inQuotes && c === 10 /* \n */) return '\n';
    else if (!inQuotes && c === 13 /* \r */) {
      if (i + 1 < sample.length) return sample.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
      return '\r\n';
    }
  }
  return '\n';
}
