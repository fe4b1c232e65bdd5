import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../shared/formats/format-detect';

describe('format detection', () => {
  it('goes by the extension where it is clear', () => {
    expect(detectFormat('tickets.CSV', '{"a":1}')).toBe('csv');
    expect(detectFormat('chats.jsonl', '[1]')).toBe('ndjson');
    expect(detectFormat('chats.ndjson', '')).toBe('ndjson');
    expect(detectFormat('cases.json', '[\n {"id": 1},\n {"id": 2}\n]')).toBe('json');
    expect(detectFormat('cases.json', '{\n  "tickets": []\n}\n')).toBe('json');
  });

  it('recognises JSON Lines saved under a .json name', () => {
    expect(detectFormat('export.json', '{"id":1}\n{"id":2}\n{"id":3')).toBe('ndjson');
    expect(detectFormat('export.json', '\uFEFF{"id":1}\r\n{"id":2}\r\n')).toBe('ndjson');
  });

  it('sniffs files without a known extension', () => {
    expect(detectFormat('export.txt', 'id,subject\n1,hi\n')).toBe('csv');
    expect(detectFormat('export', '[{"id":1}]')).toBe('json');
    expect(detectFormat('export.dat', '{"a":1}\n{"a":2}\n')).toBe('ndjson');
  });
});
