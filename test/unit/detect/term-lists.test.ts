import { describe, expect, it } from 'vitest';
import { compileUserRegex, createAllowlist, createCustomDetectors, createDenylistDetector, TermListError } from '../../../shared/detect/term-lists';

const ctx = { field: 'text', defaultRegion: 'US' };

describe('reviewer term lists', () => {
  it('allows exact, case-insensitive and regex terms, matched against the whole finding', () => {
    const allowed = createAllowlist([
      { value: 'support@acme.example', match: 'exact' },
      { value: 'ACME Corp', match: 'case-insensitive' },
      { value: '10\\.0\\.0\\.\\d+', match: 'regex' },
    ]);
    expect(allowed('support@acme.example')).toBe(true);
    expect(allowed('SUPPORT@acme.example')).toBe(false);
    expect(allowed('acme corp')).toBe(true);
    expect(allowed('10.0.0.7')).toBe(true);
    expect(allowed('110.0.0.7')).toBe(false);
    expect(createAllowlist([])('anything')).toBe(false);
  });

  it('allows a term scoped to one column or field group only there (a finding a reviewer ignored)', () => {
    const allowed = createAllowlist([
      { value: 'Jordan', match: 'exact', field: 'Product name' },
      { value: 'Paris', match: 'exact', field: 'comments[].body' },
      { value: 'ACME', match: 'exact' },
    ]);
    expect(allowed('Jordan', 'product_name')).toBe(true);
    expect(allowed('Jordan', 'description')).toBe(false);
    expect(allowed('Jordan')).toBe(false);
    expect(allowed('Paris', 'comments[3].body')).toBe(true);
    expect(allowed('Paris', 'subject')).toBe(false);
    expect(allowed('ACME', 'anything')).toBe(true);
  });

  it('finds denylist terms as whole words, with their type', () => {
    const d = createDenylistDetector([
      { value: 'Project Phoenix', match: 'case-insensitive', type: 'CONFIDENTIAL_NOTE' },
      { value: 'ZX-81', match: 'exact' },
    ])!;
    const text = 'About project phoenix and ZX-81, not ZX-812 or Phoenixes.';
    expect(d.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.type, f.explanation.pattern])).toEqual([
      ['project phoenix', 'CONFIDENTIAL_NOTE', 'denylist term #1'],
      ['ZX-81', 'CUSTOM', 'denylist term #2'],
    ]);
    expect(createDenylistDetector([])).toBeUndefined();
  });

  it('runs custom regex detectors under their own names', () => {
    const [d] = createCustomDetectors([{ name: 'employee-id', type: 'IDENTIFIER', regex: '\\bEMP\\d{6}\\b', flags: 'i' }]);
    const text = 'badge emp123456 and EMP654321x';
    expect(d!.id).toBe('custom:employee-id');
    expect(d!.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.type])).toEqual([['emp123456', 'IDENTIFIER']]);
  });

  it('refuses regexes that are invalid, match nothing at all, or can backtrack catastrophically', () => {
    expect(() => compileUserRegex('(unclosed', '', 'deny[0]')).toThrow(/deny\[0\]: not a valid regular expression/);
    expect(() => compileUserRegex('a*', '', 'deny[0]')).toThrow(/matches the empty string/);
    expect(() => compileUserRegex('(a+)+$', '', 'deny[0]')).toThrow(/catastrophically/);
    expect(() => compileUserRegex('abc', 'g', 'x')).toThrow(/flags may only be/);
    expect(() => compileUserRegex('abc', 'iu', 'x')).not.toThrow();
    expect(() => createCustomDetectors([{ name: 'x', type: 'NOPE' as never, regex: 'a' }])).toThrow(TermListError);
  });
});
