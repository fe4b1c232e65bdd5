/** The compact form of a batch's findings decodes to equal findings, per record and field, allowlist spans included. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/detect/finding';
import type { FieldsDetection } from '../../../shared/pipeline/detect-record';
import { decodeDetections, encodeDetections } from '../../../src-main/pipeline/findings-codec';

const finding = (start: number, end: number, type: Finding['type'], detector: string, context: Finding['explanation']['context'] = []): Finding => ({
  start,
  end,
  type,
  score: Math.round((0.5 + start / 1000) * 1000) / 1000,
  detector,
  explanation: { pattern: `${detector}-pattern`, validation: 'none', context },
});

describe('findings codec', () => {
  it('round-trips records of several fields, repeated kinds, contexts and allowlist spans', () => {
    const results: FieldsDetection[] = [
      { found: [[finding(0, 5, 'PERSON', 'person'), finding(10, 20, 'EMAIL', 'email')], [], [finding(3, 9, 'PERSON', 'person', [{ word: 'dear', effect: 0.1 }])]] },
      { found: [] },
      { found: [[], [finding(1, 4, 'PERSON', 'person')]], allowedSpans: new Map([[1, [finding(0, 30, 'EMAIL', 'email')]]]) },
    ];
    const encoded = encodeDetections(results)!;
    expect(encoded.kinds).toHaveLength(3);
    expect(decodeDetections(encoded, [3, 0, 2])).toEqual(results);
  });

  it('declines findings with keys the Finding interface does not have', () => {
    const odd = { ...finding(0, 3, 'PHONE', 'phone'), extra: 1 } as Finding;
    expect(encodeDetections([{ found: [[odd]] }])).toBeUndefined();
  });
});
