import { describe, expect, it } from 'vitest';
import { knownValueDetector } from '../../../shared/detect/detectors/known-value';
import { KnownValueIndex } from '../../../shared/detect/known-values';

describe('knownValueDetector', () => {
  const known = new KnownValueIndex();
  known.learn('Marguerite Oyelaran-Kowalczyk', 'PERSON', 'requester_name');
  known.learn('sean.obrien@example.com', 'EMAIL', 'requester_email');
  const show = (text: string, column?: string) =>
    knownValueDetector
      .detect(text, { field: 'description', defaultRegion: 'US', known, ...(column ? { column: { field: column, role: 'identifier' as const, confidence: 1, reasons: [] } } : {}) })
      .map((f) => [text.slice(f.start, f.end), f.type, f.explanation.pattern]);

  it('finds a known value with the column it came from', () => {
    expect(show('Forwarded by Marguerite Oyelaran-Kowalczyk')).toEqual([
      ['Marguerite Oyelaran-Kowalczyk', 'PERSON', 'known value from column requester_name'],
    ]);
  });

  it('reports the parts of a hyphenated name as one finding', () => {
    expect(show('printer of oyelaran-kowalczyk and of obrien')).toEqual([
      ['oyelaran-kowalczyk', 'PERSON', 'known value from column requester_name (part)'],
      ['obrien', 'PERSON', 'known value from column requester_email (part)'],
    ]);
    // parts of different values, or parts apart, stay apart
    expect(show('oyelaran - kowalczyk, sean-oyelaran').map((f) => f[0])).toEqual(['oyelaran', 'kowalczyk', 'sean', 'oyelaran']);
  });

  it('leaves a value to the column it was learned from', () => {
    expect(show('Marguerite Oyelaran-Kowalczyk', 'requester_name')).toEqual([]);
  });
});
