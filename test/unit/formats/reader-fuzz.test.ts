/**
 * Fuzzing the readers (issue #9): any text, in any chunking, given to the CSV, JSON or NDJSON reader ends in records
 * or in a FormatError that names a line, never in another error; and whatever a reader accepts, it writes back
 * byte for byte. The inputs are random strings over an alphabet rich in what breaks parsers (quotes, delimiters,
 * CR/LF mixes, NUL, brackets, backslashes, surrogates, BOMs), plus mutations of valid exports.
 *
 * `FUZZ_RUNS` sets the number of cases per property (default 300, which CI runs); `npm run fuzz` runs 20,000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReader } from '../../../shared/formats/create-reader';
import { FormatError, type FormatKind, type RecordReader } from '../../../shared/formats/record';
import { chunksAt } from '../../helpers/streams';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const TIMEOUT = Math.max(30_000, RUNS * 20);

const hostileChar = fc.constantFrom('"', ',', ';', '\t', '|', '\n', '\r', '\r\n', '\u0000', '{', '}', '[', ']', ':', '\\', "'", ' ', 'a', 'Z', '7', '\uFEFF', '\uD800', '\uDC00', 'é', '€', '=', '@', 'x@y.z');
const hostileText = fc.array(hostileChar, { maxLength: 200 }).map((parts) => parts.join(''));
const validCsv = fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }).map((rows) =>
  ['a,b', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n') + '\n',
);
const validJson = fc.array(fc.record({ id: fc.integer(), note: fc.string({ maxLength: 8 }) }), { maxLength: 4 }).map((a) => JSON.stringify(a));
const validNdjson = fc.array(fc.record({ note: fc.string({ maxLength: 8 }) }), { minLength: 1, maxLength: 4 }).map((a) => a.map((o) => JSON.stringify(o)).join('\n') + '\n');
/** A valid export with a few characters replaced, inserted or cut. */
const mutated = (valid: fc.Arbitrary<string>) =>
  fc.tuple(valid, fc.array(fc.tuple(fc.nat(), hostileChar, fc.constantFrom('replace', 'insert', 'cut')), { maxLength: 4 })).map(([text, edits]) => {
    let t = text;
    for (const [at, c, kind] of edits) {
      const i = t.length === 0 ? 0 : at % t.length;
      t = kind === 'insert' ? t.slice(0, i) + c + t.slice(i) : kind === 'replace' ? t.slice(0, i) + c + t.slice(i + 1) : t.slice(0, i) + t.slice(i + 1);
    }
    return t;
  });
const cuts = fc.array(fc.nat(300), { maxLength: 5 });

/** Everything written back as the pipeline writes unchanged items, or the error the reader ended with. */
async function readBack(reader: RecordReader): Promise<{ text: string } | { error: unknown }> {
  let text = '';
  try {
    for await (const batch of reader) for (const item of batch) text += item.kind === 'raw' ? item.text : item.record.raw;
    return { text };
  } catch (error) {
    return { error };
  }
}

function check(format: FormatKind, input: fc.Arbitrary<string>) {
  return fc.asyncProperty(input, cuts, async (text, at) => {
    const result = await readBack(createReader(format, chunksAt(text, at), { neutraliseFormulas: false }));
    if ('error' in result) {
      expect(result.error).toBeInstanceOf(FormatError);
      expect((result.error as FormatError).line).toBeGreaterThanOrEqual(1);
    } else {
      expect(result.text).toBe(text);
    }
  });
}

describe.each(['csv', 'json', 'ndjson'] as const)('fuzzing the %s reader', (format) => {
  it('hostile text in any chunking: records written back byte for byte, or a FormatError with a line', async () => {
    await fc.assert(check(format, hostileText), { numRuns: RUNS });
  }, TIMEOUT);

  it('mutated valid exports: the same', async () => {
    const valid = format === 'csv' ? validCsv : format === 'json' ? validJson : validNdjson;
    await fc.assert(check(format, mutated(valid)), { numRuns: RUNS });
  }, TIMEOUT);
});
