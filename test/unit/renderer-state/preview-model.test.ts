// The worker's preview result as a file of the workspace: checked, head and sample merged into rows once each.
import { describe, expect, it } from 'vitest';
import { PreviewResultError, toFilePreview } from '../../../src-renderer/src/state/preview-model';

const finding = { start: 0, end: 4, type: 'PERSON', score: 0.9, detector: 'person', explanation: { pattern: 'p', validation: 'none', context: [] } };
const record = (index: number) => ({ index, fields: [{ path: 'body', value: `Jane ${index}`, findings: [finding] }] });

describe('toFilePreview', () => {
  it('keeps format, columns and count, and merges the head and the sample by index', () => {
    const columns = [{ field: 'body', role: 'free-text', confidence: 0.9, reasons: [] }];
    const file = toFilePreview('tickets.csv', { format: 'csv', encoding: 'utf-8', columns, records: 5000, head: [record(0), record(1)], sample: [record(1), record(4200)] });
    expect(file).toMatchObject({ name: 'tickets.csv', format: 'csv', encoding: 'utf-8', columns, records: 5000, complete: true });
    expect(file.rows.map((r) => r.index)).toEqual([0, 1, 4200]);
  });

  it('refuses a malformed result, naming the part and never a value', () => {
    expect(() => toFilePreview('x', { format: 'xlsx', columns: [], records: 1 })).toThrow(PreviewResultError);
    const bad = { format: 'json', columns: [], records: 1, head: [{ index: 0, fields: [{ path: 'a', value: 'secret-value', findings: [{}] }] }] };
    expect(() => toFilePreview('x', bad)).toThrow(/"head\[0\]"/);
    expect(() => toFilePreview('x', bad)).not.toThrow(/secret-value/);
    expect(() => toFilePreview('x', { format: 'csv', columns: [], records: -1 })).toThrow(/records/);
  });

  it('a head-only preview is complete only when the worker read the whole file', () => {
    const head = Array.from({ length: 3 }, (_, i) => record(i));
    expect(toFilePreview('big.csv', { format: 'csv', columns: [], records: 1000, head, headOnly: true, wholeFile: false }).complete).toBe(false);
    expect(toFilePreview('small.csv', { format: 'csv', columns: [], records: 37, head, headOnly: true, wholeFile: true }).complete).toBe(true);
    expect(toFilePreview('full.csv', { format: 'csv', columns: [], records: 1000, head, sample: [] }).complete).toBe(true);
  });
});
