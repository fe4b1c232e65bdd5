/** Test helpers: feed text to a reader in chunks, and put its output back together. */
import type { Item, RecordReader, SourceRecord } from '../../shared/formats/record';

export async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export async function* chunksAt(text: string, cuts: readonly number[]): AsyncGenerator<string> {
  let pos = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= pos || cut >= text.length) continue;
    yield text.slice(pos, cut);
    pos = cut;
  }
  yield text.slice(pos);
}

export async function collectItems(reader: RecordReader): Promise<Item[]> {
  const all: Item[] = [];
  for await (const batch of reader) all.push(...batch);
  return all;
}

export async function collectRecords(reader: RecordReader): Promise<SourceRecord[]> {
  return (await collectItems(reader)).flatMap((item) => (item.kind === 'record' ? [item.record] : []));
}

/** Writes every item back; `replace` may return a new value for a field, or undefined to keep it. */
export async function rewrite(
  reader: RecordReader,
  replace: (value: string, path: string, record: SourceRecord) => string | undefined = () => undefined,
): Promise<string> {
  let out = '';
  for await (const batch of reader) {
    for (const item of batch) {
      if (item.kind === 'raw') {
        out += item.text;
        continue;
      }
      const record = item.record;
      const newValues = record.fields.map((f) => replace(f.value, f.path, record));
      out += newValues.some((v) => v !== undefined) ? reader.render(record, newValues) : record.raw;
    }
  }
  return out;
}
