import { describe, expect, it } from 'vitest';
import { compactText } from '../../../shared/detect/compact-text';

describe('compactText', () => {
  it('returns a text equal to the one it was given', () => {
    const texts = [
      '',
      'plain ASCII, call 555-0147',
      'Grüße aus Köln, café à 5 €',
      'curly ’quotes’ and an emoji 😀 and 東京',
      '\uFEFFstarts with a byte order mark',
      'x'.repeat(70_000),
      `${'é'.repeat(30_000)}\u2019`,
    ];
    for (const t of texts) expect(compactText(t)).toBe(t);
  });

  it('keeps texts whose UTF-16 a UTF-8 round trip would change (lone surrogates)', () => {
    for (const t of ['lone high \uD83D here', 'lone low \uDE00', '\uDC00', 'end \uD800']) expect(compactText(t)).toBe(t);
  });

  it('copies a slice of a larger two-byte string to the same text', () => {
    const chunk = `name,text\n"Ann","hello world, call me back"\n“quoted”`;
    const field = chunk.slice(17, 42);
    expect(compactText(field)).toBe('hello world, call me back');
  });
});
