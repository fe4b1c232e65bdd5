import { describe, expect, it } from 'vitest';
import { createPolicyRegistry } from '../../../shared/pipeline/policy-registry';
import { parseProfile } from '../../../shared/transform/profile';

const ctx = { field: 'description', defaultRegion: 'US' };
const text = 'Re INC0012345 and our own ref KB-778812, see Case #12345678.';
const caseNumbers = (profile: unknown) =>
  createPolicyRegistry(parseProfile(profile)).detect(text, ctx)
    .filter((f) => f.type === 'CASE_NUMBER')
    .map((f) => [text.slice(f.start, f.end), f.explanation.pattern]);

describe('createPolicyRegistry', () => {
  it('uses the built-in case-number formats by default', () => {
    expect(caseNumbers({ version: 1 })).toEqual([['INC0012345', 'servicenow'], ['12345678', 'case']]);
  });

  it("adds the profile's own case-number formats to the built-in ones", () => {
    const profile = { version: 1, caseNumbers: { patterns: [{ name: 'kb', regex: '\\bKB-\\d{6}\\b', score: 0.8 }] } };
    expect(caseNumbers(profile)).toEqual([['INC0012345', 'servicenow'], ['KB-778812', 'kb'], ['12345678', 'case']]);
  });

  it('replaces the built-in formats when keepDefaults is false', () => {
    const profile = { version: 1, caseNumbers: { keepDefaults: false, patterns: [{ name: 'kb', regex: 'ref (?<ref>KB-\\d+)' }] } };
    expect(caseNumbers(profile)).toEqual([['KB-778812', 'kb']]);
  });

  it('refuses thresholds for detectors it does not have, naming the ones it has', () => {
    expect(() => createPolicyRegistry(parseProfile({ version: 1, thresholds: { persn: 0.7 } }))).toThrow(/"thresholds.persn" names no detector \(known: .*person/);
    const custom = { version: 1, detectors: [{ name: 'emp', type: 'CUSTOM', regex: 'EMP\\d+' }], thresholds: { 'custom:emp': 0.9, person: 0.7 } };
    expect(createPolicyRegistry(parseProfile(custom)).detectors.some((d) => d.id === 'custom:emp')).toBe(true);
  });

  it('still adds the denylist and custom detectors', () => {
    const registry = createPolicyRegistry(parseProfile({ version: 1, deny: [{ value: 'our own', type: 'CUSTOM' }] }));
    expect(registry.detect(text, ctx).some((f) => f.type === 'CUSTOM' && text.slice(f.start, f.end) === 'our own')).toBe(true);
  });
});
