import { describe, expect, it } from 'vitest';
import { confidentialNoteDetector } from '../../../shared/detect/detectors/confidential-note';
import { resolveOverlaps } from '../../../shared/detect/registry';

const ctx = { field: 'notes', defaultRegion: 'US' };
const spans = (text: string) => resolveOverlaps(confidentialNoteDetector.detect(text, ctx)).map((f) => text.slice(f.start, f.end));

describe('confidential-note detector', () => {
  it('takes a labelled paragraph, up to the blank line', () => {
    const text = 'Customer called about login.\n\nInternal note: customer is on the watch list, limit refunds.\nSecond line.\n\nPublic reply sent.';
    expect(spans(text)).toEqual(['Internal note: customer is on the watch list, limit refunds.\nSecond line.']);
  });

  it('knows labels in German, French and Spanish, bracketed and in capitals', () => {
    expect(spans('Vertraulich: Kunde hat Schulden.')).toEqual(['Vertraulich: Kunde hat Schulden.']);
    expect(spans('Réponse envoyée. [interne] client difficile')).toEqual(['[interne] client difficile']);
    expect(spans('Nota interna: revisar')).toEqual(['Nota interna: revisar']);
    expect(spans('Status ok. CONFIDENTIAL - legal hold on this account')).toEqual(['CONFIDENTIAL - legal hold on this account']);
  });

  it('takes the whole line of an explicit instruction', () => {
    expect(spans('Fine.\nPlease do not share: card declined twice\nBye')).toEqual(['Please do not share: card declined twice\nBye']);
  });

  it('ignores the word in ordinary prose', () => {
    expect(spans('Is my data kept confidential? I read your privacy policy.')).toEqual([]);
    expect(spans('The internal server error appears after login.')).toEqual([]);
    expect(spans('Our international office is closed.')).toEqual([]);
  });

  it('stays linear on adversarial input', { timeout: 10_000 }, () => {
    const text = 'internal '.repeat(100_000) + 'x';
    expect(Array.isArray(confidentialNoteDetector.detect(text, ctx))).toBe(true);
    expect(confidentialNoteDetector.detect('[confidential'.repeat(80_000), ctx)).toEqual([]);
  });
});
