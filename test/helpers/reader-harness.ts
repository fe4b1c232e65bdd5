/** Shared harness for the JSON and NDJSON reader tests: cut text into chunks, read it all, write it back. */
import { FormatError, type Item, type RecordReader, type SourceRecord } from '../../shared/formats/record';

type CreateReader = (chunks: AsyncIterable<string>, options?: { maxRecordChars?: number }) => RecordReader;

/** `text` cut into pieces of `size` code units (boundaries may split surrogate pairs). */
export function cut(text: string, size: number): string[] {
  if (!Number.isFinite(size)) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** `text` cut at sizes taken in turn from `sizes`. */
export function cutBy(text: string, sizes: number[]): string[] {
  const out: string[] = [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const size = sizes.length ? (sizes[k++ % sizes.length] as number) : text.length;
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

export async function* source(chunks: string[]): AsyncGenerator<string> {
  for (const c of chunks) yield c;
}

export function harness(create: CreateReader) {
  async function read(chunks: string[], maxRecordChars?: number): Promise<{ reader: RecordReader; batches: Item[][] }> {
    const reader = create(source(chunks), maxRecordChars === undefined ? undefined : { maxRecordChars });
    const batches: Item[][] = [];
    for await (const batch of reader) batches.push(batch);
    return { reader, batches };
  }
  async function readError(chunks: string[], maxRecordChars?: number): Promise<FormatError> {
    try {
      await read(chunks, maxRecordChars);
    } catch (e) {
      if (e instanceof FormatError) return e;
      throw e;
    }
    throw new Error('expected a FormatError');
  }
  return { read, readError };
}

export function records(batches: Item[][]): SourceRecord[] {
  return batches.flat().flatMap((it) => (it.kind === 'record' ? [it.record] : []));
}

/** Write everything back, with `replace(record)` giving new values per record. */
export function reassemble(
  reader: RecordReader,
  batches: Item[][],
  replace: (r: SourceRecord) => (string | undefined)[] = () => [],
): string {
  return batches
    .flat()
    .map((it) => (it.kind === 'raw' ? it.text : reader.render(it.record, replace(it.record))))
    .join('');
}
