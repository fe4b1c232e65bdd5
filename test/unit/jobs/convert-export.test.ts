/**
 * Format conversion before a run in another format: every value carried over exactly (numbers keep their digits),
 * and what a format cannot hold refused with the file and record named, never a value.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertExport } from '../../../src-main/jobs/convert-export';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'convert-export-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let n = 0;
async function convert(name: string, text: string, to: 'csv' | 'json' | 'ndjson') {
  const input = path.join(dir, name);
  await writeFile(input, text);
  const output = path.join(dir, `out-${n++}.${to}`);
  const facts = await convertExport(input, output, to);
  return { facts, text: await readFile(output, 'utf8') };
}

describe('convertExport', () => {
  it('CSV → NDJSON and JSON: one object of strings per row, quotes and line breaks kept', async () => {
    const csv = 'id,note\n1,"Said ""hi""\nthen left"\n2,\n';
    const nd = await convert('a.csv', csv, 'ndjson');
    expect(nd.text).toBe('{"id":"1","note":"Said \\"hi\\"\\nthen left"}\n{"id":"2","note":""}\n');
    expect(nd.facts).toMatchObject({ from: 'csv', to: 'ndjson', bytes: csv.length, encoding: 'utf-8' });
    expect(nd.facts.sha256).toMatch(/^[0-9a-f]{64}$/);
    const json = await convert('a.csv', csv, 'json');
    expect(JSON.parse(json.text)).toEqual([{ id: '1', note: 'Said "hi"\nthen left' }, { id: '2', note: '' }]);
  });

  it('JSON ↔ NDJSON keep each record as written, big numbers included', async () => {
    const json = '[\n  {\n    "id": 12345678901234567890,\n    "tags": ["a", "b"]\n  },\n  {"id": 2.50}\n]\n';
    const nd = await convert('b.json', json, 'ndjson');
    expect(nd.text).toBe('{"id": 12345678901234567890,"tags": ["a", "b"]}\n{"id": 2.50}\n');
    const back = await convert('c.ndjson', nd.text, 'json');
    expect(back.text).toBe('[\n{"id": 12345678901234567890,"tags": ["a", "b"]},\n{"id": 2.50}\n]\n');
  });

  it('JSON / NDJSON → CSV for flat records: every key a column, in the order first seen', async () => {
    const out = await convert('d.ndjson', '{"id":1,"email":"a@example.com"}\n{"id":2,"ok":true,"email":null}\n', 'csv');
    expect(out.text).toBe('id,email,ok\n1,a@example.com,\n2,,true\n');
  });

  it('refuses what the target format cannot hold, naming the record but no value', async () => {
    await expect(convert('e.ndjson', '{"id":1}\n{"id":2,"who":{"name":"Secret Person"}}\n', 'csv')).rejects.toThrow(/line 2, record 1: cannot be written as CSV: a record holds a nested object/);
    await expect(convert('f.ndjson', '{"id":12345678901234567890}\n', 'csv')).rejects.toThrow(/too large to keep its digits/);
    const envelope = convert('g.json', '{"meta": {"by": "Secret Person"}, "tickets": [{"id": 1}]}', 'ndjson');
    await expect(envelope).rejects.toThrow(/members beside its record arrays/);
    await expect(envelope).rejects.not.toThrow(/Secret/);
  });
});
