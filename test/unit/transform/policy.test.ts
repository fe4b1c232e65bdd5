import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/detect/finding';
import { applyPolicy } from '../../../shared/transform/apply-policy';
import { DEFAULT_POLICY, parseProfile, policyDetectors } from '../../../shared/transform/policy';

const finding = (start: number, end: number, type: Finding['type']): Finding => ({
  start, end, type, score: 0.9, detector: 't', explanation: { pattern: 'p', validation: 'none', context: [] },
});

describe('profile', () => {
  it('reads a full profile', () => {
    expect(parseProfile({ version: 1, defaultOperator: 'keep', operators: { IDENTIFIER: 'keep', EMAIL: 'redact' }, redactTemplate: '<{type}>', defaultRegion: 'GB', minScore: 0.7 })).toEqual({
      defaultOperator: 'keep', operators: { IDENTIFIER: 'keep', EMAIL: 'redact' }, redactTemplate: '<{type}>', defaultRegion: 'GB', minScore: 0.7, allow: [], deny: [], detectors: [],
      caseNumbers: { patterns: [], keepDefaults: true },
    });
    expect(parseProfile({ version: 1 })).toEqual(DEFAULT_POLICY);
  });

  it.each([
    [[], /must be a JSON object/],
    [{ version: 2 }, /"version" must be 1/],
    [{ version: 1, colour: 'red' }, /unknown key "colour"/],
    [{ version: 1, operators: { EMAIL: 'shred' } }, /"operators.EMAIL" must be one of redact, keep/],
    [{ version: 1, operators: { SHOE_SIZE: 'keep' } }, /unknown type "SHOE_SIZE"/],
    [{ version: 1, operators: [] }, /"operators" must be an object/],
    [{ version: 1, defaultRegion: 'Britain' }, /two-letter ISO 3166 code/],
    [{ version: 1, minScore: 2 }, /"minScore" must be a number from 0 to 1/],
    [{ version: 1, redactTemplate: '' }, /"redactTemplate" must be a non-empty string/],
  ])('rejects %j', (json, message) => {
    expect(() => parseProfile(json)).toThrow(message);
  });
});

describe('applyPolicy', () => {
  it('replaces each finding with its token, keeping the text around it', () => {
    expect(applyPolicy('mail a@b.co or call 555', [finding(5, 11, 'EMAIL'), finding(20, 23, 'PHONE')], DEFAULT_POLICY)).toBe('mail [EMAIL] or call [PHONE]');
  });

  it('returns undefined when nothing changes', () => {
    expect(applyPolicy('mail a@b.co', [finding(5, 11, 'EMAIL')], { ...DEFAULT_POLICY, operators: { EMAIL: 'keep' } })).toBeUndefined();
    expect(applyPolicy('plain', [], DEFAULT_POLICY)).toBeUndefined();
  });

  it('uses the template', () => {
    expect(applyPolicy('x a@b.co', [finding(2, 8, 'EMAIL')], { ...DEFAULT_POLICY, redactTemplate: '<{type}:{type}>' })).toBe('x <EMAIL:EMAIL>');
  });
});

describe('profile lists', () => {
  it('reads allow, deny and custom detectors', () => {
    const p = parseProfile({
      version: 1,
      allow: ['support@acme.example', { value: 'acme', match: 'case-insensitive' }],
      deny: [{ value: 'Phoenix', type: 'CONFIDENTIAL_NOTE' }],
      detectors: [{ name: 'emp', type: 'IDENTIFIER', regex: 'EMP\\d{6}' }],
    });
    expect(p.allow).toEqual([{ value: 'support@acme.example', match: 'exact' }, { value: 'acme', match: 'case-insensitive' }]);
    expect(p.deny).toEqual([{ value: 'Phoenix', match: 'exact', type: 'CONFIDENTIAL_NOTE' }]);
    expect(policyDetectors(p).map((d) => d.id)).toEqual(['denylist', 'custom:emp']);
  });

  it.each([
    [{ version: 1, allow: 'x' }, /"allow" must be a list/],
    [{ version: 1, allow: [{ value: 'x', type: 'EMAIL' }] }, /"allow\[0\]" has an unknown key "type"/],
    [{ version: 1, deny: [{ value: 'x', match: 'fuzzy' }] }, /"deny\[0\]".match must be one of exact, case-insensitive, regex/],
    [{ version: 1, deny: [{ value: '(a+)+', match: 'regex' }] }, /deny\[0\]: .*catastrophically/],
    [{ version: 1, detectors: [{ name: 'a', type: 'CUSTOM', regex: 'x' }, { name: 'a', type: 'CUSTOM', regex: 'y' }] }, /used twice/],
    [{ version: 1, detectors: [{ name: 'a', type: 'CUSTOM', regex: '[' }] }, /not a valid regular expression/],
    [{ version: 1, caseNumbers: [] }, /"caseNumbers" must be \{"patterns"/],
    [{ version: 1, caseNumbers: { pattern: [] } }, /"caseNumbers" has an unknown key "pattern"/],
    [{ version: 1, caseNumbers: { keepDefaults: 'no' } }, /"caseNumbers.keepDefaults" must be true or false/],
    [{ version: 1, caseNumbers: { keepDefaults: false } }, /keepDefaults" is false but no "patterns"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x' }] } }, /"caseNumbers.patterns\[0\]" needs a "name" and a "regex"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: 'K\\d+', colour: 1 }] } }, /unknown key "colour"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: '(' }] } }, /"caseNumbers": .*"x".*invalid regular expression/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: '(\\d+)+' }] } }, /"caseNumbers": .*"x"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: '\\d*' }] } }, /empty string/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'case', regex: 'K\\d+' }] } }, /used by another pattern/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: 'K\\d+', score: 3 }] } }, /score/],
  ])('rejects %j', (json, message) => {
    expect(() => parseProfile(json)).toThrow(message);
  });
});
