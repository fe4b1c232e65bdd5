import { describe, expect, it, vi } from 'vitest';
import { createDefaultRegistry } from '../../../shared/detect/default-detectors';
import type { ColumnClassification, DetectContext, Finding } from '../../../shared/detect/finding';
import { detectFields, type FieldDetection } from '../../../shared/pipeline/detect-record';
import { FieldDetectionMemo, MAX_VALUE_LENGTH } from '../../../shared/pipeline/field-detection-memo';

const registry = createDefaultRegistry();
const nameColumn: ColumnClassification = { field: 'requester', role: 'identifier', type: 'PERSON', confidence: 0.9, reasons: ['header'] };

/** A detection that counts its detector calls, with or without a memo. */
function detection(memo?: FieldDetectionMemo): FieldDetection & { calls: () => number } {
  const detect = vi.fn((text: string, ctx: DetectContext) => registry.detect(text, ctx));
  return { detect, defaultRegion: 'US', keep: (f) => f.score >= 0.5, ...(memo ? { memo } : {}), calls: () => detect.mock.calls.length };
}

const record = (...values: [string, string][]) => ({ fields: values.map(([path, value]) => ({ path, value })) });

describe('FieldDetectionMemo', () => {
  it('detects a short value that comes back in the same column once, with the same findings', () => {
    const memo = new FieldDetectionMemo();
    const d = detection(memo);
    const plain = detection();
    const r = record(['requester', 'Maria Jensen'], ['status', 'pending'], ['email', 'maria.jensen@example.com']);
    const columns = [nameColumn, undefined, undefined];
    const first = detectFields(r, columns, d);
    const again = detectFields(r, columns, d);
    expect(d.calls()).toBe(3);
    expect(again).toEqual(first);
    expect(first).toEqual(detectFields(r, columns, plain));
    expect(first.found[0]!.length).toBeGreaterThan(0);
  });

  it('detects the same value again in another column, or under another classification', () => {
    const d = detection(new FieldDetectionMemo());
    detectFields(record(['requester', 'Maria Jensen']), [nameColumn], d);
    detectFields(record(['assignee', 'Maria Jensen']), [nameColumn], d);
    detectFields(record(['requester', 'Maria Jensen']), [{ ...nameColumn, confidence: 0.5 }], d);
    detectFields(record(['requester', 'Maria Jensen']), [undefined], d);
    expect(d.calls()).toBe(4);
    // under a low-confidence classification the column-value finding is gone: the results really differ
    const strong = detectFields(record(['requester', 'Maria Jensen']), [nameColumn], d).found[0]!;
    const weak = detectFields(record(['requester', 'Maria Jensen']), [{ ...nameColumn, confidence: 0.5 }], d).found[0]!;
    expect(strong.some((f) => f.detector === 'column-value')).toBe(true);
    expect(weak.some((f) => f.detector === 'column-value')).toBe(false);
  });

  it('always detects values longer than MAX_VALUE_LENGTH', () => {
    const d = detection(new FieldDetectionMemo());
    const long = `Please call Maria Jensen back on +1 202 555 0147 about the invoice ${'x'.repeat(MAX_VALUE_LENGTH)}`;
    detectFields(record(['description', long]), [undefined], d);
    detectFields(record(['description', long]), [undefined], d);
    expect(d.calls()).toBe(2);
  });

  it('keeps the findings it shares frozen, so no record can change another record’s findings', () => {
    const d = detection(new FieldDetectionMemo());
    const found = detectFields(record(['email', 'maria.jensen@example.com']), [undefined], d).found[0]!;
    expect(Object.isFrozen(found)).toBe(true);
    expect(() => (found as Finding[]).push(found[0]!)).toThrow(TypeError);
    expect(() => {
      (found[0] as { score: number }).score = 0;
    }).toThrow(TypeError);
  });

  it('holds at most two generations of `capacity` entries, and keeps values that come back', () => {
    const memo = new FieldDetectionMemo(4);
    const d = detection(memo);
    const status = record(['status', 'pending']);
    for (let i = 0; i < 100; i++) {
      detectFields(record(['id', `ZD-${100000 + i}`]), [undefined], d);
      detectFields(status, [undefined], d);
    }
    expect(memo.size).toBeLessThanOrEqual(8);
    // 100 ids, and "pending" once: each time its generation is retired it is found in the previous one and moved
    expect(d.calls()).toBe(101);
  });

  it('rejects a capacity below 1', () => {
    expect(() => new FieldDetectionMemo(0)).toThrow(/capacity/);
  });
});
