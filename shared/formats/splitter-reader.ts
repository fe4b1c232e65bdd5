/** Turns a synchronous JSON or NDJSON splitter into a RecordReader: one batch per input chunk, then what is left. */
import { FieldGroupFilter } from './field-group';
import { renderJsonDropping } from './json-drop';
import type { FormatKind, Item, RecordReader, SourceRecord } from './record';

export interface TextSplitter {
  /** Items completed by this chunk. */
  push(chunk: string): Item[];
  /** Items left at the end of input; throws if the input ended inside a record. */
  end(): Item[];
}

/** Iterate it once. Records are written back by patching their changed string tokens and cutting dropped ones. */
export function readerFromSplitter(format: FormatKind, chunks: AsyncIterable<string>, createSplitter: () => TextSplitter): RecordReader {
  let groups: FieldGroupFilter | undefined;
  let dropCalled = false;
  return {
    format,
    render(record: SourceRecord, newValues: readonly (string | undefined)[], dropped?: readonly boolean[]): string {
      const drop = groups ? groups.widen(record.fields, dropped) : dropped;
      return renderJsonDropping(record.raw, record.fields, newValues, drop);
    },
    dropColumns(columns: ReadonlySet<string>): void {
      if (dropCalled) throw new Error('dropColumns may be called only once');
      dropCalled = true;
      if (columns.size > 0) groups = new FieldGroupFilter(new Set(columns));
    },
    renderRaw: (item) => item.text,
    get rendersEveryRecord() {
      return groups !== undefined;
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
