/** Turns a synchronous JSON or NDJSON splitter into a RecordReader: one batch per input chunk, then what is left. */
import { renderWithReplacements } from './json-leaves';
import type { FormatKind, Item, RecordReader, SourceRecord } from './record';

export interface TextSplitter {
  /** Items completed by this chunk. */
  push(chunk: string): Item[];
  /** Items left at the end of input; throws if the input ended inside a record. */
  end(): Item[];
}

/** Iterate it once. Records are written back by patching their changed string tokens. */
export function readerFromSplitter(format: FormatKind, chunks: AsyncIterable<string>, createSplitter: () => TextSplitter): RecordReader {
  return {
    format,
    render(record: SourceRecord, newValues: readonly (string | undefined)[]): string {
      return renderWithReplacements(record.raw, record.fields, newValues);
    },
    async *[Symbol.asyncIterator](): AsyncIterator<Item[]> {
      const splitter = createSplitter();
      for await (const chunk of chunks) {
        const items = splitter.push(chunk);
        if (items.length > 0) yield items;
      }
      const last = splitter.end();
      if (last.length > 0) yield last;
    },
  };
}
